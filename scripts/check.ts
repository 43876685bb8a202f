/**
 * The content half of `npm run check`: validates every file in content/ and prints every problem
 * as `file:line field — problem — how to fix`. Exits 1 when there is any problem; warnings are
 * printed the same way, after the word "warning:", and never fail the check.
 */
import { checkContent } from '../src/lib/editorial/check-content.ts';
import { displayPath } from '../src/lib/editorial/display-path.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { formatProblem } from '../src/lib/editorial/problem.ts';

const started = performance.now();
const { problems, warnings, counts } = checkContent();
const ms = Math.round(performance.now() - started);
const read = `${counts.entries} entries, ${counts.companies} companies, ${counts.regions} regions, ${counts.feeds} feeds, ${counts.articles} articles`;

if (warnings.length) {
  for (const w of warnings) console.warn(`warning: ${formatProblem(w)}`);
  console.warn(
    `${warnings.length} warning${warnings.length === 1 ? '' : 's'}: worth an editor's look, but the update goes on.\n`,
  );
}

if (problems.length) {
  for (const p of problems) console.error(formatProblem(p));
  const files = new Set(problems.map((p) => p.file)).size;
  console.error(
    `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (read ${read} in ${ms} ms). EDITING.md explains each message.`,
  );
  process.exit(1);
}
console.log(`${displayPath(contentDir())}: no problems (read ${read} in ${ms} ms).`);
