/**
 * `npm run review`: the items the classifier held for review, one at a time — headline,
 * publisher, score, reasons — answered y (relevant), n (not relevant), s (skip) or q (quit).
 * After y the tags can be corrected. Each decision is appended to content/review-labels.jsonl as
 * it is given (a session killed half-way keeps it), takes effect on the next build, and joins the
 * training data on the next `npm run train-classifier`.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { articleSchema, type Article } from '../src/lib/content/article.ts';
import { ContentError, loadTaxonomy } from '../src/lib/content/load-taxonomy.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { appendReviewLabel, loadReviewLabels } from '../src/lib/classify/review-labels.ts';
import { awaitingReview } from '../src/lib/timeline/review.ts';
import { parseTagAnswer } from '../src/lib/classify/review-answers.ts';

const root = contentDir();
let decisions;
let taxonomy;
try {
  decisions = loadReviewLabels(root);
  taxonomy = loadTaxonomy(root);
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  console.error(
    `review: cannot start, fix these first:\n${e.problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
const dir = path.join(root, 'articles');
const articles: Article[] = fs.existsSync(dir)
  ? fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => articleSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))))
  : [];
const queue = awaitingReview(articles, decisions);
if (!queue.length) {
  console.log('review: nothing is waiting for review.');
  process.exit(0);
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const lines = rl[Symbol.asyncIterator]();
async function ask(question: string): Promise<string | undefined> {
  process.stdout.write(question);
  const next = await lines.next();
  return next.done ? undefined : next.value.trim();
}

const regionCodes = new Set(taxonomy.regions.map((r) => r.code));
let decided = 0;
console.log(`review: ${queue.length} item${queue.length === 1 ? '' : 's'} waiting.\n`);
for (const [i, a] of queue.entries()) {
  console.log(
    `(${i + 1}/${queue.length}) ${a.title}\n  ${a.publisher} · score ${a.score.toFixed(2)} · ${a.url}`,
  );
  for (const w of a.why) console.log(`  - ${w}`);
  let answer = await ask('Relevant? [y]es, [n]o, [s]kip, [q]uit: ');
  while (answer !== undefined && !/^[ynsq]$/i.test(answer))
    answer = await ask('Please answer y, n, s or q: ');
  if (answer === undefined || /^q$/i.test(answer)) break;
  if (/^s$/i.test(answer)) continue;
  const relevant = /^y$/i.test(answer);
  const label: Parameters<typeof appendReviewLabel>[0] = {
    article: a.id,
    relevant,
    decidedAt: new Date().toISOString(),
  };
  if (relevant) {
    for (const [field, current, valid] of [
      ['companies', a.companies, null],
      ['regions', a.regions, regionCodes],
    ] as const) {
      for (;;) {
        const reply = await ask(`  ${field} [${current.join(', ')}] (Enter keeps them): `);
        const parsed = parseTagAnswer(reply ?? '', field, valid);
        if ('error' in parsed) {
          console.log(`  ${parsed.error}`);
          continue;
        }
        if (parsed.tags) label[field] = parsed.tags;
        break;
      }
    }
  }
  appendReviewLabel(label, root);
  decided++;
  console.log(`  saved: ${relevant ? 'relevant' : 'not relevant'}\n`);
}
rl.close();
console.log(
  `review: ${decided} decision${decided === 1 ? '' : 's'} saved to content/review-labels.jsonl; the next build shows them, the next \`npm run train-classifier\` learns from them.`,
);
