/**
 * One ingest at a time per state file: a lock file beside it names the process, the machine and
 * when the run started. A lock whose process is gone (same machine) or that is older than the run
 * budget is stale: the run that finds it takes it over and says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { isAlive } from './atomic.ts';

/** The exit code of `npm run ingest` when another run holds the lock (EX_TEMPFAIL: try later). */
export const LOCKED_EXIT_CODE = 75;

const holderSchema = z.object({
  /** Process id of the run holding the lock. */
  pid: z.number().int().positive(),
  /** Host name of the machine it runs on: a pid only means something there. */
  hostname: z.string(),
  /** When that run started, ISO 8601 UTC. */
  startedAt: z.string(),
});
export type LockHolder = z.output<typeof holderSchema>;

export const lockFileFor = (statePath: string) => `${statePath}.lock`;

export type LockResult =
  | { acquired: true; release: () => void; holder: LockHolder; tookOver?: string }
  | { acquired: false; holder: LockHolder | undefined; message: string };

export interface LockOptions {
  /** Longest a run may take (runBudgetSeconds): a lock older than this is stale. */
  budgetMs: number;
  now?: () => Date;
  pid?: number;
  hostname?: string;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const describe = (h: LockHolder) => `process ${h.pid} on ${h.hostname}, started ${h.startedAt}`;

/** Why a lock may be taken over, or undefined when its run may still be going. */
function staleness(
  holder: LockHolder | undefined,
  options: Required<LockOptions>,
): string | undefined {
  if (!holder) return 'the lock file is unreadable';
  const age = options.now().getTime() - Date.parse(holder.startedAt);
  if (!(age <= options.budgetMs))
    return `it is older than the run budget (${Math.round(options.budgetMs / 1000)} s)`;
  if (holder.hostname === options.hostname && !isAlive(holder.pid))
    return 'that process is no longer running';
  return undefined;
}

/** Writes the holder to a temp file and gives it the lock's name, replacing a stale lock whole. */
function install(file: string, holder: LockHolder, replace: boolean): boolean {
  const temp = `${file}.${holder.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(holder)}\n`, { mode: 0o644 });
  try {
    if (replace) fs.renameSync(temp, file);
    else fs.linkSync(temp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export function acquireLock(statePath: string, options: LockOptions): LockResult {
  const settings: Required<LockOptions> = {
    now: () => new Date(),
    pid: process.pid,
    hostname: os.hostname(),
    ...options,
  };
  const file = lockFileFor(statePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me: LockHolder = {
    pid: settings.pid,
    hostname: settings.hostname,
    startedAt: settings.now().toISOString(),
  };
  const release = () => {
    const current = readHolder(file);
    if (
      current &&
      current.pid === me.pid &&
      current.hostname === me.hostname &&
      current.startedAt === me.startedAt
    )
      fs.rmSync(file, { force: true });
  };
  if (install(file, me, false)) return { acquired: true, release, holder: me };

  const holder = readHolder(file);
  const stale = staleness(holder, settings);
  if (!stale)
    return {
      acquired: false,
      holder,
      message: `another ingest is running (${describe(holder!)}); lock file ${file}. Try again when it has finished.`,
    };
  install(file, me, true);
  // Two runs taking over the same stale lock: the last rename wins, the other backs off.
  const now = readHolder(file);
  if (!now || now.pid !== me.pid || now.hostname !== me.hostname || now.startedAt !== me.startedAt)
    return {
      acquired: false,
      holder: now,
      message: `another ingest took over the stale lock first${now ? ` (${describe(now)})` : ''}; lock file ${file}.`,
    };
  return {
    acquired: true,
    release,
    holder: me,
    tookOver: `took over the lock of ${holder ? describe(holder) : 'an unknown run'}: ${stale} (${file})`,
  };
}
