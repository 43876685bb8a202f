/** Runs a command and reports its wall time and peak memory (resident set) via /usr/bin/time -v. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface RunFigures {
  wallSeconds: number;
  /** Peak resident set of the largest process in the tree, in megabytes. */
  peakMb: number | null;
  code: number;
  output: string;
}

const TIME = '/usr/bin/time';

export function measure(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<RunFigures> {
  const useTime = fs.existsSync(TIME);
  const [bin, argv] = useTime ? [TIME, ['-v', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
      resolve({
        wallSeconds: (performance.now() - t0) / 1000,
        peakMb: kb ? Number(kb) / 1024 : null,
        code: code ?? 1,
        output,
      });
    });
  });
}
