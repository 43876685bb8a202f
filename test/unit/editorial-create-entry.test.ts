import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEntryFile } from '../../src/lib/editorial/create-entry.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-create-entry-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('createEntryFile', () => {
  it('creates the entries folder and the file, and says it did', () => {
    const dir = path.join(root, 'entries');
    const result = createEntryFile(dir, '2024-09-18-a.md', 'draft\n');
    expect(result).toEqual({ file: path.join(dir, '2024-09-18-a.md'), created: true });
    expect(fs.readFileSync(result.file, 'utf8')).toBe('draft\n');
  });

  it('leaves an existing entry untouched and reports that nothing was written', () => {
    const file = path.join(root, '2024-09-18-a.md');
    fs.writeFileSync(file, 'an editor’s work\n');
    expect(createEntryFile(root, '2024-09-18-a.md', 'draft\n')).toEqual({ file, created: false });
    expect(fs.readFileSync(file, 'utf8')).toBe('an editor’s work\n');
  });
});
