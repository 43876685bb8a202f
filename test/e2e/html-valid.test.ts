/**
 * The Nu Html Checker (vnu.jar, from the vnu-jar package, run on the machine's Java) on every
 * sort of page that carries a chart or a preview image: no errors allowed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadSiteContent } from './site-content.ts';

const baseUrl = inject('baseUrl');
const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const entry = loadSiteContent().items.find((i) => i.type === 'entry' && i.status?.length)!;

const PAGES = [
  '/',
  '/page/2/',
  '/companies/linkedin/',
  '/companies/meta/',
  '/regions/eu/',
  '/compare/meta-vs-linkedin/',
  '/compare/meta-vs-linkedin-vs-x/',
  entry.href,
];

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

function runVnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', vnu, '--format', 'json', '--errors-only', ...files],
      { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
      (error, _stdout, stderr) => {
        try {
          resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
        } catch {
          reject(error ?? new Error(`vnu printed no report: ${stderr.slice(0, 500)}`));
        }
      },
    );
  });
}

describe('HTML validity (vnu)', () => {
  it('finds no errors on the pages with charts and preview images', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-vnu-'));
    try {
      const files = await Promise.all(
        PAGES.map(async (p, i) => {
          const res = await fetch(baseUrl + p);
          expect(res.status, p).toBe(200);
          const file = path.join(dir, `${i}-${p.replace(/[^a-z0-9]+/gi, '-')}.html`);
          fs.writeFileSync(file, await res.text());
          return file;
        }),
      );
      const errors = (await runVnu(files)).filter((m) => m.type === 'error');
      expect(
        errors.map(
          (m) => `${PAGES[Number(path.basename(m.url).split('-')[0])]}:${m.lastLine} ${m.message}`,
        ),
      ).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
