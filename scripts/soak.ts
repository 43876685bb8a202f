/**
 * `npm run soak [-- --cycles N] [--seed S] [--json FILE]`: update cycles against local feeds
 * with injected faults (see src/lib/soak). The same seed repeats the same faults. Exits 1 when a
 * target is missed: every cycle green, nothing lost, nothing duplicated, health 100% right.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { formatSoak, soak, soakPassed } from '../src/lib/soak/soak.ts';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '200' },
    seed: { type: 'string', default: '14' },
    json: { type: 'string' },
  },
  strict: true,
});
const cycles = Number(values.cycles);
const seed = Number(values.seed);
if (!Number.isInteger(cycles) || cycles < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run soak -- [--cycles N] [--seed S] [--json FILE] (whole numbers)');
  process.exit(2);
}
const figures = await soak({ cycles, seed, repo: process.cwd(), log: (l) => console.log(l) });
console.log(formatSoak(figures));
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
process.exitCode = soakPassed(figures) ? 0 : 1;
