/**
 * `npm run eval-classifier -- [--json FILE] [--misses] [--splits N] [--min-precision X]
 * [--min-recall X] [--min-company-f1 X] [--min-region-f1 X] [--min-language-recall X]`: 5-fold
 * cross-validation over the shared labelled headlines and the editors' labels. Each item is scored
 * by a model trained without it. Prints relevance precision and recall, company and region
 * micro-F1, the same per language, and the misses; with `--splits N`, the same cross-validation
 * over N different splits into folds, to show how much of a figure is the luck of one split
 * (with the recall of each language that has enough items to be held to a floor); and
 * the same figures with each fold a period of time, so that no story is half-known to its model;
 * and per language with each language held out whole, so that only the vocabulary and stories in
 * other languages speak for it.
 * It also scores the stories of the feeds corpus, none about the topic, with a model trained on
 * every labelled item, and says how many would reach readers or the review queue
 * (`--max-off-topic N` fails above N). Exits 1 when a figure of the first split is under its floor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, loadTaxonomy } from '../src/lib/content/load-taxonomy.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { crossLanguage, crossValidate } from '../src/lib/classify/cross-validate.ts';
import { assignFolds, assignPeriodFolds } from '../src/lib/classify/folds.ts';
import { createClassifier } from '../src/lib/classify/index.ts';
import { offTopicDir, offTopicFigures, readOffTopicItems } from '../src/lib/classify/off-topic.ts';
import { trainModel } from '../src/lib/classify/train.ts';
import { readKnownChanges } from '../src/lib/classify/known-changes.ts';
import { LabelledDataError } from '../src/lib/classify/labelled.ts';
import { byLanguage, reliability, reviewFigures, score } from '../src/lib/classify/metrics.ts';
import { loadClassifierRules } from '../src/lib/classify/rules.ts';
import { loadTrainingData } from '../src/lib/classify/training-data.ts';
import { perItemMedianMs } from '../src/lib/classify/timing.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    misses: { type: 'boolean', default: false },
    splits: { type: 'string', default: '1' },
    'max-off-topic': { type: 'string' },
    'min-precision': { type: 'string' },
    'min-recall': { type: 'string' },
    'min-company-f1': { type: 'string' },
    'min-region-f1': { type: 'string' },
    'min-language-recall': { type: 'string' },
  },
});

const splits = Number(values.splits);
if (!Number.isInteger(splits) || splits < 1) {
  console.error(
    `eval-classifier: --splits must be a whole number of 1 or more, not "${values.splits}"`,
  );
  process.exit(1);
}

let data;
const taxonomy = loadTaxonomy();
const rules = loadClassifierRules();
try {
  data = loadTrainingData(taxonomy);
} catch (e) {
  if (!(e instanceof LabelledDataError || e instanceof ContentError)) throw e;
  console.error(`eval-classifier: cannot evaluate: ${e.message}`);
  process.exit(1);
}

const started = performance.now();
const changes = readKnownChanges(path.join(contentDir(), 'entries'));
const scored = crossValidate(data.items, taxonomy, rules, changes);
const seconds = (performance.now() - started) / 1000;
const blocsOf = new Map(taxonomy.regions.map((r) => [r.code, r.memberOf]));
const all = score(scored, blocsOf);
const languages = byLanguage(scored, blocsOf);
const review = reviewFigures(scored);
const calibration = reliability(scored);
const msPerItem = perItemMedianMs(taxonomy, rules, data.items);

const pct = (x: number) => x.toFixed(3);
const row = (name: string, f: typeof all) =>
  `| ${name} | ${f.items} | ${f.relevant} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.companyF1)} | ${pct(f.regionF1)} |`;
console.log(
  `5-fold cross-validation over ${Object.entries(data.sources)
    .map(([k, n]) => `${n} ${k}`)
    .join(
      ' and ',
    )} (${seconds.toFixed(1)} s; classifying ${msPerItem.toFixed(3)} ms an item, median)\n`,
);
console.log('| language | items | relevant | precision | recall | company F1 | region F1 |');
console.log('|---|---|---|---|---|---|---|');
console.log(row('all', all));
for (const source of Object.keys(data.sources)) {
  const mine = scored.filter((s) => data.sourceOf[data.items.indexOf(s.item)] === source);
  if (mine.length && mine.length < scored.length) console.log(row(source, score(mine, blocsOf)));
}
for (const l of languages) console.log(row(l.language, l.figures));
console.log(
  `\nHeld for review: ${review.held} of ${scored.length} items (${review.heldRelevant} of them relevant). ` +
    `Shown before review: precision ${pct(review.shown.precision)}, recall ${pct(review.shown.recall)}; ` +
    `once each held item is decided as labelled: precision ${pct(review.reviewed.precision)}, recall ${pct(review.reviewed.recall)}.`,
);

console.log(
  `\nHow far the scores mean what they say (share labelled relevant among the items scored in each band): ${calibration
    .map(
      (b) =>
        `${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.items ? `${Math.round((100 * b.relevant) / b.items)}%` : '–'} of ${b.items}`,
    )
    .join('; ')}.`,
);

/** A language's recall is held to its floor once it has this many items. */
const LANGUAGE_FLOOR_ITEMS = 8;
const floored = languages.filter((l) => l.figures.items >= LANGUAGE_FLOOR_ITEMS);
const spread = [all];
// A language has few items, so one split's luck moves its recall most: it is shown over every split too.
const languageSpread = new Map(floored.map((l) => [l.language, [l.figures.recall]]));
for (let split = 1; split < splits; split++) {
  const other = crossValidate(
    data.items,
    taxonomy,
    rules,
    changes,
    assignFolds(data.items, 5, split),
  );
  spread.push(score(other, blocsOf));
  for (const l of byLanguage(other, blocsOf))
    languageSpread.get(l.language)?.push(l.figures.recall);
}
if (splits > 1) {
  console.log(
    `\nOver ${splits} splits into folds (the first is the one above): mean (lowest – highest)`,
  );
  console.log('| figure | mean | lowest | highest |');
  console.log('|---|---|---|---|');
  for (const [name, of] of [
    ['precision', (f: typeof all) => f.precision],
    ['recall', (f: typeof all) => f.recall],
    ['company F1', (f: typeof all) => f.companyF1],
    ['region F1', (f: typeof all) => f.regionF1],
  ] as const)
    spreadRow(name, spread.map(of));
  for (const [language, recalls] of languageSpread) spreadRow(`recall in ${language}`, recalls);
}

function spreadRow(name: string, v: number[]) {
  console.log(
    `| ${name} | ${pct(v.reduce((a, b) => a + b, 0) / v.length)} | ${pct(Math.min(...v))} | ${pct(Math.max(...v))} |`,
  );
}

const byPeriod = score(
  crossValidate(data.items, taxonomy, rules, changes, assignPeriodFolds(data.items, 5)),
  blocsOf,
);
console.log(
  `\nHeld out by period (five folds, each a stretch of time, so every story in a fold is new to the model that scores it): ` +
    `precision ${pct(byPeriod.precision)}, recall ${pct(byPeriod.recall)}, company F1 ${pct(byPeriod.companyF1)}, region F1 ${pct(byPeriod.regionF1)}.`,
);

// The language of most items is the one the others are read against; each other language with
// enough items to measure is held out whole in turn.
const unseen = floored.slice(1).map((l) => l.language);
const byUnseenLanguage = byLanguage(
  crossLanguage(data.items, unseen, taxonomy, rules, changes),
  blocsOf,
);
if (byUnseenLanguage.length) {
  console.log(
    `\nHeld out by language (each language scored by a model trained on the items of all the others, so only the vocabulary and stories told in other languages speak for it):`,
  );
  console.log('| language | items | relevant | precision | recall | company F1 | region F1 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const l of byUnseenLanguage) console.log(row(l.language, l.figures));
}

const offTopicItems = await readOffTopicItems();
const offTopic = offTopicItems.length
  ? offTopicFigures(
      createClassifier(
        taxonomy,
        rules,
        trainModel(data.items, data.sources, taxonomy, rules),
        changes,
      ),
      offTopicItems,
    )
  : undefined;
if (offTopic) {
  console.log(
    `\nOff-topic stories (${offTopic.items} from the feeds corpus, none about the topic), scored by a model trained on every labelled item: ` +
      `${offTopic.kept} shown to readers, ${offTopic.held} held for review.`,
  );
  for (const title of offTopic.keptTitles) console.log(`- shown: ${title.slice(0, 100)}`);
} else
  console.log(`\nNo off-topic check: no feeds corpus at ${offTopicDir()} (AIDW_FEEDS_CORPUS).`);

if (values.misses) {
  console.log('\nMisses (relevance wrong, or tags wrong on a relevant item):');
  for (const s of scored) {
    const wrongRelevance = s.gold.relevant !== s.predicted.relevant;
    const wrongTags =
      s.gold.relevant &&
      (s.gold.companies.join() !== s.predicted.companies.join() ||
        s.gold.regions.join() !== s.predicted.regions.join());
    if (!wrongRelevance && !wrongTags) continue;
    console.log(
      `- [${s.language}] ${s.item.title.slice(0, 100)}\n    labelled ${s.gold.relevant ? 'relevant' : 'not relevant'} ${s.gold.companies.join(',')} ${s.gold.regions.join(',')}; scored ${s.predicted.score.toFixed(2)} ${s.predicted.companies.join(',')} ${s.predicted.regions.join(',')}`,
    );
  }
}

if (values.json)
  fs.writeFileSync(
    values.json,
    `${JSON.stringify({ sources: data.sources, seconds, msPerItem, all, review, calibration, languages, byPeriod, byUnseenLanguage, ...(splits > 1 ? { splits: spread, languageSplits: Object.fromEntries(languageSpread) } : {}), ...(offTopic ? { offTopic } : {}) }, null, 2)}\n`,
  );

const floors: [string, number, string | undefined][] = [
  ['precision', all.precision, values['min-precision']],
  ['recall', all.recall, values['min-recall']],
  ['company F1', all.companyF1, values['min-company-f1']],
  ['region F1', all.regionF1, values['min-region-f1']],
];
const langFloor = values['min-language-recall'];
if (langFloor)
  for (const l of floored) floors.push([`recall in ${l.language}`, l.figures.recall, langFloor]);
const under = floors.filter(([, v, min]) => min !== undefined && v < Number(min));
for (const [name, v, min] of under)
  console.error(`eval-classifier: ${name} is ${pct(v)}, under the floor of ${min}`);
const maxOffTopic = values['max-off-topic'];
const overOffTopic =
  maxOffTopic !== undefined && (!offTopic || offTopic.kept + offTopic.held > Number(maxOffTopic));
if (overOffTopic)
  console.error(
    offTopic
      ? `eval-classifier: ${offTopic.kept + offTopic.held} off-topic stories were shown or held for review, over the limit of ${maxOffTopic}`
      : `eval-classifier: --max-off-topic needs the feeds corpus at ${offTopicDir()}`,
  );
process.exit(under.length || overOffTopic ? 1 : 0);
