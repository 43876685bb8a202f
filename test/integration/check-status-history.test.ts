/**
 * Status history needs its dates in order and its regions named: `npm run check` stops an entry
 * that breaks either, naming the file and field, before a chart is drawn from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript, scratchContent } from './editor-support.ts';

let content: string;
beforeEach(() => {
  content = scratchContent('aidw-status-');
});
afterEach(() => fs.rmSync(content, { recursive: true, force: true }));

const entry = (extra: string) => `---
title: LinkedIn pauses AI training in the UK
date: 2024-09-20
companies: [linkedin]
regions: [UK]
kind: pause
summary: LinkedIn stopped training generative-AI models on UK members' data.
sources:
  - url: https://news.test/linkedin-uk
    title: LinkedIn pauses UK training
${extra}---

Notes.
`;
const FILE = '2024-09-20-linkedin-pauses-uk-training.md';
const write = (text: string) => fs.writeFileSync(path.join(content, 'entries', FILE), text);

describe('npm run check on status history', () => {
  it('accepts a status whose change takes effect after the entry’s date', () => {
    write(entry('status:\n  - { region: UK, training: paused }\neffective: 2024-10-01\n'));
    const r = runScript('check', [], content);
    // Warnings (a status not confirmed for a year) may be printed; no problem is.
    expect(r.stderr).not.toMatch(/^(?!warning:).+ — .+ — /m);
    expect(r.status).toBe(0);
  });

  it('refuses a status that takes effect before the entry that records it', () => {
    write(entry('status:\n  - { region: UK, training: paused }\neffective: 2024-09-01\n'));
    const r = runScript('check', [], content);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `entries/${FILE}:13 effective — 2024-09-01 is before the entry's date 2024-09-20`,
    );
  });

  it('refuses a status for a region whose file has no name, at the entry’s status line', () => {
    const uk = path.join(content, 'regions', 'uk.yaml');
    fs.writeFileSync(uk, fs.readFileSync(uk, 'utf8').replace(/^name:.*\n/m, ''));
    write(entry('status:\n  - { region: UK, training: paused }\n'));
    const r = runScript('check', [], content);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/regions\/uk\.yaml(:\d+)? name — /);
    expect(r.stderr).toContain(`entries/${FILE}:12 status[0].region — region UK has no name in`);
  });
});
