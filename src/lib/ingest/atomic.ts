/**
 * Whole-file writes that survive a kill at any instant: the data goes to a temp file in the same
 * folder, is flushed to disk, and only then takes the real name. Readers see the old file or the
 * new one, never half of either.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function writeTemp(file: string, content: string | Uint8Array): string {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return temp;
}

/**
 * Makes the renames and links made in `dir` durable; not every platform lets a folder be opened
 * for this, so it is best effort.
 */
export function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

/** Replaces (or creates) `file` with `content` atomically. */
export function writeFileAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = writeTemp(file, content);
  try {
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  syncFolder(path.dirname(file));
}

export interface CreateOptions {
  /**
   * Leave the folder unsynced: for a caller creating many files in one folder, which then calls
   * `syncFolder` once. Each file is still whole on disk before it takes its name; only the
   * durability of the names waits for that one sync (thousands of folder syncs cost seconds).
   */
  deferFolderSync?: boolean;
}

/**
 * Creates `file` atomically unless it already exists, in which case nothing is touched and
 * `false` is returned. Hard-linking the temp file fails if the name is taken, so even a
 * concurrent writer cannot make us overwrite an existing file.
 */
export function createFileAtomic(
  file: string,
  content: string | Uint8Array,
  { deferFolderSync = false }: CreateOptions = {},
): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) return false;
  const temp = writeTemp(file, content);
  try {
    fs.linkSync(temp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw e;
    // Filesystems without hard links: rename, having just checked the name is free.
    if (fs.existsSync(file)) return false;
    fs.renameSync(temp, file);
    if (!deferFolderSync) syncFolder(path.dirname(file));
    return true;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  if (!deferFolderSync) syncFolder(path.dirname(file));
  return true;
}

/** Whether `name` is a temp file that another running process is still writing. */
export function isLiveTemp(name: string): boolean {
  const pid = Number(TEMP.exec(name)?.[1] ?? NaN);
  return Number.isInteger(pid) && pid !== process.pid && isAlive(pid);
}

/** Removes temp files left by runs that were killed (their process is gone). */
export function removeStaleTemps(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!TEMP.test(name) || isLiveTemp(name)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Whether a process with this id runs on this machine (one we may not signal still runs). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
