import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, lockFileFor } from '../../src/lib/ingest/lock.ts';

let dir: string;
let state: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-lock-'));
  state = path.join(dir, 'state.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const HOUR = 3_600_000;
const holderOf = () => JSON.parse(fs.readFileSync(lockFileFor(state), 'utf8'));

/** The pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the ingest lock', () => {
  it('writes a lock beside the state file naming the process, the machine and the start time', () => {
    const lock = acquireLock(state, {
      budgetMs: HOUR,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    expect(lock.acquired).toBe(true);
    expect(lockFileFor(state)).toBe(`${state}.lock`);
    expect(holderOf()).toEqual({
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    if (lock.acquired) lock.release();
    expect(fs.existsSync(lockFileFor(state))).toBe(false);
  });

  it('refuses a second run while the first holds the lock, naming the holder', () => {
    const first = acquireLock(state, { budgetMs: HOUR });
    const second = acquireLock(state, { budgetMs: HOUR });
    expect(first.acquired).toBe(true);
    expect(second.acquired).toBe(false);
    if (!second.acquired) {
      expect(second.message).toContain(
        `another ingest is running (process ${process.pid} on ${os.hostname()}`,
      );
      expect(second.message).toContain(lockFileFor(state));
    }
  });

  it('takes over the lock of a process that is no longer running, and says so', async () => {
    const pid = await deadPid();
    fs.writeFileSync(
      lockFileFor(state),
      JSON.stringify({ pid, hostname: os.hostname(), startedAt: new Date().toISOString() }),
    );
    const lock = acquireLock(state, { budgetMs: HOUR });
    expect(lock.acquired).toBe(true);
    if (lock.acquired)
      expect(lock.tookOver).toMatch(new RegExp(`process ${pid} .*no longer running`));
    expect(holderOf().pid).toBe(process.pid);
  });

  it('takes over a lock older than the run budget even when its process still runs', () => {
    fs.writeFileSync(
      lockFileFor(state),
      JSON.stringify({
        pid: process.pid,
        hostname: 'elsewhere',
        startedAt: '2026-01-01T00:00:00Z',
      }),
    );
    const lock = acquireLock(state, {
      budgetMs: 300_000,
      now: () => new Date('2026-01-01T00:06:00Z'),
    });
    expect(lock.acquired).toBe(true);
    if (lock.acquired) expect(lock.tookOver).toContain('older than the run budget (300 s)');
  });

  it('leaves a young lock of another machine alone: its pid means nothing here', async () => {
    fs.writeFileSync(
      lockFileFor(state),
      JSON.stringify({
        pid: await deadPid(),
        hostname: 'elsewhere',
        startedAt: new Date().toISOString(),
      }),
    );
    expect(acquireLock(state, { budgetMs: HOUR }).acquired).toBe(false);
  });

  it('does not remove a lock another run has taken over since', () => {
    const first = acquireLock(state, {
      budgetMs: HOUR,
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    const second = acquireLock(state, {
      budgetMs: 1000,
      now: () => new Date('2026-01-01T01:00:00Z'),
      pid: process.pid + 1,
    });
    expect(second.acquired).toBe(true);
    if (first.acquired) first.release();
    expect(holderOf().startedAt).toBe('2026-01-01T01:00:00.000Z');
  });
});
