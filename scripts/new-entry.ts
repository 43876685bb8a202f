/**
 * npm run new-entry -- --title "…" --date YYYY-MM-DD --company ID [--company ID] --region CODE
 *   [--region CODE] [--kind KIND]
 * Writes content/entries/<date>-<slug>.md, ready to fill in, and prints its path.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, loadTaxonomy, vocabulary } from '../src/lib/content/load-taxonomy.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { createEntryFile } from '../src/lib/editorial/create-entry.ts';
import { planNewEntry } from '../src/lib/editorial/new-entry.ts';
import { displayPath } from '../src/lib/editorial/display-path.ts';

const USAGE =
  'usage: npm run new-entry -- --title "Headline" --date YYYY-MM-DD --company ID [--company ID] --region CODE [--region CODE] [--kind KIND]';

function fail(lines: string[]): never {
  for (const l of lines) console.error(l);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      title: { type: 'string' },
      date: { type: 'string' },
      company: { type: 'string', multiple: true, default: [] },
      region: { type: 'string', multiple: true, default: [] },
      kind: { type: 'string' },
    },
    strict: true,
  }));
} catch (e) {
  fail([(e as Error).message, USAGE]);
}

let vocab;
try {
  vocab = vocabulary(loadTaxonomy());
} catch (e) {
  if (e instanceof ContentError)
    fail(['The companies or regions in content/ are invalid; fix them first:', ...e.problems]);
  throw e;
}

const plan = planNewEntry(
  {
    title: values.title,
    date: values.date,
    companies: values.company,
    regions: values.region,
    kind: values.kind,
  },
  vocab,
  new Date(),
);
if (!plan.ok) fail([...plan.errors, USAGE]);

const { file, created } = createEntryFile(
  path.join(contentDir(), 'entries'),
  plan.fileName,
  plan.text,
);
if (!created)
  fail([
    `${displayPath(file)} already exists; nothing was written.`,
    'Edit that file, or choose a different title to make a separate entry.',
  ]);
console.log(displayPath(file));
