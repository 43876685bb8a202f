/**
 * EDITING.md's worked example is followed to the letter on a scratch copy of content/: the
 * commands it shows must print what it says they print, or the guide is lying to editors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runScript, scratchContent } from './editor-support.ts';

const guide = fs.readFileSync(path.join(REPO, 'EDITING.md'), 'utf8');
const blocks = [...guide.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2]!);
const block = (containing: string) => {
  const found = blocks.find((b) => b.includes(containing));
  if (!found) throw new Error(`EDITING.md has no code block with ${containing}`);
  return found;
};

/** `npm run x -- --a "b c" --d e` → ['--a', 'b c', '--d', 'e'] */
function argsOf(command: string): string[] {
  const after = command.slice(command.indexOf(' -- ') + 4).trim();
  return [...after.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const content = scratchContent('aidw-editors-guide-');
afterAll(() => fs.rmSync(content, { recursive: true, force: true }));
const inScratch = (text: string) => text.replaceAll('content/', `${content}/`);

describe('the worked example in EDITING.md', () => {
  const command = block('npm run new-entry -- --title').trim();
  let file = '';

  it('writes the file the guide names', () => {
    const r = runScript('new-entry', argsOf(command), content);
    expect(r.stderr).toBe('');
    file = r.stdout.trim();
    expect(file).toBe(inScratch(block('content/entries/2024-12-20').trim().split('\n')[0]!));
  });

  it('leaves the placeholders the guide shows, and check lists exactly the lines it shows', () => {
    expect(fs.readFileSync(file, 'utf8')).toContain(block("summary: 'TODO"));
    const r = runScript('check', [], content);
    expect(r.status).toBe(1);
    const shown = block(':16 summary — still the placeholder').trim().split('\n');
    expect(r.stderr.trim().split('\n').slice(0, -2)).toEqual(shown.map(inScratch));
  });

  it('passes check once the placeholders are replaced as the guide does', () => {
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(block("summary: 'TODO"), block("summary: Italy's")));
    const r = runScript('check', [], content);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
