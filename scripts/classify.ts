/**
 * `npm run classify`: JSON Lines in on stdin ({"title": "...", "text": "..."}), one JSON line out
 * per input line with the verdict, tags and reasons. A bad line gets {"error": "..."} on stdout
 * (so line N of the output always answers line N of the input) and a message on stderr naming the
 * line; the run goes on and exits 0. A broken taxonomy, classifier.yaml or model file stops it
 * with exit 1, naming the file and the fix.
 */
import readline from 'node:readline';
import { createClassifier, type Classifier } from '../src/lib/classify/index.ts';
import { parseClassifyLine } from '../src/lib/classify/input.ts';
import { ContentError, loadTaxonomy } from '../src/lib/content/load-taxonomy.ts';

if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
  console.log(
    'Usage: npm run classify < items.jsonl\n\n' +
      'Reads one JSON object per line, {"title": "...", "text": "...", "published": "YYYY-MM-DD"}\n' +
      '(text and published optional; "date" is read as "published"), and writes one JSON line per\n' +
      'input line: {"relevant", "score", "language", "companies", "regions", "why"} (with\n' +
      '"proposedCompanies" and "review" where they apply), or {"error"} for a bad line.',
  );
  process.exit(0);
}

let classify: Classifier;
try {
  classify = createClassifier(loadTaxonomy());
} catch (e) {
  const lines = e instanceof ContentError ? e.problems : [(e as Error).message];
  console.error(
    `classify: cannot start, fix these first:\n${lines.map((l) => `  ${l}`).join('\n')}`,
  );
  process.exit(1);
}

// A reader that has seen enough (`| head`) closes the pipe; that ends the run, it is no failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let lineNo = 0;
for await (const line of input) {
  lineNo++;
  const parsed = parseClassifyLine(line);
  if ('error' in parsed) {
    console.error(`classify: line ${lineNo}: ${parsed.error}`);
    process.stdout.write(`${JSON.stringify({ error: `line ${lineNo}: ${parsed.error}` })}\n`);
    continue;
  }
  process.stdout.write(`${JSON.stringify(classify(parsed))}\n`);
}
