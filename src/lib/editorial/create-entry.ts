/**
 * Writes a new entry file, never over an existing one: `new-entry` and `promote` both draft
 * entries, and neither may destroy an editor's work.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The path written, and whether it was; `created: false` means a file of that name already exists. */
export function createEntryFile(
  dir: string,
  fileName: string,
  text: string,
): { file: string; created: boolean } {
  const file = path.join(dir, fileName);
  fs.mkdirSync(dir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so an entry is never overwritten, not even by a race.
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { file, created: false };
    throw e;
  }
  return { file, created: true };
}
