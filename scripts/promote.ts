/**
 * npm run promote -- <article-id>
 * Drafts content/entries/<date>-<slug>.md from an ingested article and the other articles of its
 * story, and prints its path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type Article } from '../src/lib/content/article.ts';
import { ContentError } from '../src/lib/content/load-taxonomy.ts';
import { loadOverrides, type Overrides } from '../src/lib/content/overrides.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { displayPath } from '../src/lib/editorial/display-path.ts';
import { coveringEntry } from '../src/lib/editorial/covered.ts';
import { createEntryFile } from '../src/lib/editorial/create-entry.ts';
import { promoteArticle } from '../src/lib/editorial/promote.ts';
import { applyOverrides } from '../src/lib/timeline/items.ts';

const USAGE = 'usage: npm run promote -- <article-id>';

function fail(lines: string[]): never {
  for (const l of lines) console.error(l);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith('-')) fail([USAGE]);
const id = args[0]!.trim().replace(/\.json$/, '');

const root = contentDir();
const articlesDir = path.join(root, 'articles');
const names = fs.existsSync(articlesDir)
  ? fs.readdirSync(articlesDir).filter((n) => n.endsWith('.json'))
  : [];
const readArticle = (name: string): Article | undefined => {
  try {
    const r = articleSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(articlesDir, name), 'utf8')),
    );
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
};

const own = `${id}.json`;
if (!names.includes(own)) {
  const near = names
    .map((n) => n.replace(/\.json$/, ''))
    .filter((n) => n.includes(id) || id.includes(n.replace(/-[0-9a-f]{10}$/, '')))
    .slice(0, 5);
  fail([
    `No article "${id}" in ${displayPath(articlesDir)}/.`,
    ...(near.length ? [`Did you mean: ${near.join(', ')}?`] : []),
    'An article id is its file name without .json. To find one:',
    `  ls -t ${displayPath(articlesDir)} | head            (the newest)`,
    `  grep -il "linkedin" ${displayPath(articlesDir)}/*.json   (by a word in it)`,
  ]);
}
const article = readArticle(own);
if (!article)
  fail([
    `${displayPath(path.join(articlesDir, own))} is not a valid article; run npm run check to see why.`,
  ]);

let overrides: Overrides;
try {
  overrides = loadOverrides(root);
} catch (e) {
  if (e instanceof ContentError)
    fail(['The corrections in overrides.yaml are invalid; fix them first:', ...e.problems]);
  throw e;
}
if (overrides.articles[id]?.hide)
  console.error(
    `Note: ${id} is hidden in content/overrides.yaml (an editor marked it off-topic or wrong); make sure it belongs in an entry.`,
  );
// Story corrections count; hidden articles do not become sources.
const all = names.map(readArticle).filter((a): a is Article => a !== undefined);
const corrected = applyOverrides(all, overrides);
const self = corrected.find((a) => a.id === id) ?? article;
const story = corrected.filter((a) => a.story === self.story);

const entriesDir = path.join(root, 'entries');
const covering = coveringEntry(entriesDir, story);
if (covering)
  fail([
    `${displayPath(covering.file)} already covers this story (${covering.what}); nothing was written.`,
    'Edit that entry instead, e.g. add this article to its sources.',
  ]);

const promoted = promoteArticle(self, story);
const { file, created } = createEntryFile(entriesDir, promoted.fileName, promoted.text);
if (!created)
  fail([`${displayPath(file)} already exists; nothing was written. Edit that file instead.`]);
console.log(displayPath(file));
