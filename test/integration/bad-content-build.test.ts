/**
 * Runs the real `astro build` over a scratch copy of content/ (AIDW_CONTENT_DIR), once as it is and
 * twice with a malformed entry added, to show that editors' mistakes stop the build with an error
 * they can act on, and that the real entries all become pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { MOVED_ENTRIES } from '../../src/lib/content/moved-entries.ts';
import { splitFrontMatter } from '../../src/lib/editorial/yaml-source.ts';
import { astroCacheDirOf, buildSite, decodeEntities } from '../support/site-build.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const BUILD_TIMEOUT = 240_000;

let scratch: string;
const contentDirs: string[] = [];

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-build-'));
});

afterAll(() => {
  for (const dir of contentDirs) fs.rmSync(astroCacheDirOf(dir), { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A fresh copy of the real content tree, plus any extra entry files. */
function contentWith(name: string, extraEntries: Record<string, string> = {}): string {
  const dir = path.join(scratch, name, 'content');
  fs.cpSync(path.join(repo, 'content'), dir, { recursive: true });
  contentDirs.push(dir);
  for (const [file, text] of Object.entries(extraEntries))
    fs.writeFileSync(path.join(dir, 'entries', file), text);
  return dir;
}

const build = (contentDir: string, outDir: string) =>
  buildSite(contentDir, outDir, BUILD_TIMEOUT - 10_000);

function frontMatter(file: string): Record<string, unknown> {
  const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'));
  return (fm ? parse(fm.yaml) : {}) as Record<string, unknown>;
}

const taxonomy = loadTaxonomy(path.join(repo, 'content'));
const companyIds = taxonomy.companies.map((c) => c.id).sort();
const regionCodes = taxonomy.regions.map((r) => r.code).sort();

describe('building the real content', () => {
  it(
    'succeeds and writes a page for every published entry, each linking its sources',
    () => {
      const content = contentWith('real');
      const out = path.join(scratch, 'real', 'dist');
      const { status, output } = build(content, out);
      expect(status, output).toBe(0);

      const entryDir = path.join(content, 'entries');
      const published = fs
        .readdirSync(entryDir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => ({ slug: f.replace(/\.md$/, ''), data: frontMatter(path.join(entryDir, f)) }))
        .filter((e) => e.data['draft'] !== true);
      expect(published.length).toBeGreaterThanOrEqual(60);

      const pages = fs
        .readdirSync(path.join(out, 'entries'), { withFileTypes: true })
        .filter(
          (d) => d.isDirectory() && fs.existsSync(path.join(out, 'entries', d.name, 'index.html')),
        )
        .map((d) => d.name)
        .filter((name) => !(name in MOVED_ENTRIES))
        .sort();
      expect(pages).toEqual(published.map((e) => e.slug).sort());

      // A renamed entry's old address sends readers on to the entry under its new name.
      for (const [from, to] of Object.entries(MOVED_ENTRIES)) {
        const html = fs.readFileSync(path.join(out, 'entries', from, 'index.html'), 'utf8');
        expect(html).toContain(`url=/entries/${to}/`);
        expect(published.map((e) => e.slug)).toContain(to);
      }

      const missingLinks: string[] = [];
      for (const { slug, data } of published) {
        const html = fs.readFileSync(path.join(out, 'entries', slug, 'index.html'), 'utf8');
        const hrefs = new Set(
          [...html.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)),
        );
        for (const source of data['sources'] as { url: string }[])
          if (!hrefs.has(source.url)) missingLinks.push(`${slug}: ${source.url}`);
        expect(html).toContain('<h1');
      }
      expect(missingLinks).toEqual([]);
    },
    BUILD_TIMEOUT,
  );
});

describe('building with a malformed entry', () => {
  it(
    'fails on an unknown company id, naming the file, the field and the known ids',
    () => {
      const file = '2024-09-19-unknown-company.md';
      const content = contentWith('bad-company', {
        [file]: `---
title: Facebook trains on posts
date: 2024-09-19
companies: [meta, facebook]
regions: [EU]
kind: statement
summary: A test entry with a company id that does not exist.
sources:
  - url: https://example.org/facebook
    title: Example source
---

Body.
`,
      });
      const { status, output } = build(content, path.join(scratch, 'bad-company', 'dist'));
      expect(status).not.toBe(0);
      expect(output).toContain(file);
      expect(output).toContain(
        `companies.1: unknown company id "facebook"; valid values: ${companyIds.join(', ')}`,
      );
    },
    BUILD_TIMEOUT,
  );

  it(
    'fails on an unknown region code, a missing source list and an impossible date, naming each',
    () => {
      const file = '2024-02-30-several-mistakes.md';
      const content = contentWith('bad-entry', {
        [file]: `---
title: An entry with several mistakes
date: 2024-02-30
companies: [linkedin]
regions: [Europe]
kind: policy-change
summary: A test entry whose region, date and sources are all wrong.
---

Body.
`,
      });
      const { status, output } = build(content, path.join(scratch, 'bad-entry', 'dist'));
      expect(status).not.toBe(0);
      expect(output).toContain(file);
      expect(output).toContain(
        `regions.0: unknown region code "EUROPE"; valid values: ${regionCodes.join(', ')}`,
      );
      expect(output).toContain('sources: must be a list of sources');
      expect(output).toContain('date: 2024-02-30 is not a real calendar day');
    },
    BUILD_TIMEOUT,
  );
});
