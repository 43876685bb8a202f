/** Runs the real `scripts/ingest.ts` as a child process, the way `npm run ingest` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const NODE = path.resolve('node_modules/.bin/node');
const SCRIPT = path.resolve('scripts/ingest.ts');

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function startIngest(
  args: string[],
  env: Record<string, string> = {},
): {
  child: ChildProcess;
  done: Promise<CommandResult>;
} {
  const started = Date.now();
  const child = spawn(NODE, [SCRIPT, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<CommandResult>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started }),
    ),
  );
  return { child, done };
}

export const runIngestCommand = (args: string[], env?: Record<string, string>) =>
  startIngest(args, env).done;

/** Every file under `dir` with its bytes and mtime, to prove a run changed nothing. */
export function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  const out = new Map<string, { bytes: string; mtimeMs: number }>();
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    out.set(name, { bytes: fs.readFileSync(file, 'latin1'), mtimeMs: fs.statSync(file).mtimeMs });
  }
  return out;
}

/** The articles in `dir`, parsed. */
export function readArticles(dir: string): Record<string, unknown>[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}
