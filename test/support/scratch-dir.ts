/**
 * Scratch folders that last one test: removed when it ends, passed or failed, so a run of the
 * tests leaves nothing behind in the system's temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** Removes `dir` when the running test ends, and returns it. */
export function removedAfterTest(dir: string): string {
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new empty folder under the temporary folder, named from `prefix`, removed after the test. */
export function scratchDir(prefix: string): string {
  return removedAfterTest(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}
