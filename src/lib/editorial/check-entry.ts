/** Everything check can tell from one entry file on its own. */
import path from 'node:path';
import { entrySchema, type Entry, type Vocabulary } from '../content/entry.ts';
import { isoDay } from '../content/fields.ts';
import { isFutureDay } from './new-entry.ts';
import { findPlaceholders } from './placeholders.ts';
import { fieldName, type Problem } from './problem.ts';
import { syntaxProblems, validateValue } from './validate-file.ts';
import { parseYamlSource, splitFrontMatter } from './yaml-source.ts';

export interface CheckedEntry {
  /** The entry's slug, its file name without .md. */
  id: string;
  file: string;
  data: Entry;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

const schemas = new WeakMap<Vocabulary, ReturnType<typeof entrySchema>>();
/** One schema per taxonomy: building it lists every id, so it is not redone for each file. */
function schemaFor(vocab: Vocabulary) {
  let s = schemas.get(vocab);
  if (!s) schemas.set(vocab, (s = entrySchema(vocab)));
  return s;
}

const FILE_NAME = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** Markdown links, autolinks and HTML href/src attributes in the body. */
const LINKS = [
  /\]\(\s*<?([^\s)>]+)/g,
  /<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s>]+)>/g,
  /\b(?:href|src)\s*=\s*["']?([^"'\s>]+)/gi,
];

/** Links other than http(s); site-relative links (`/compare/`, `#notes`) are fine. */
function badBodyLinks(body: string, firstLine: number): { line: number; url: string }[] {
  const out: { line: number; url: string }[] = [];
  body.split('\n').forEach((text, i) => {
    for (const re of LINKS) {
      for (const m of text.matchAll(re)) {
        const url = m[1]!;
        const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
        if (scheme && scheme !== 'http' && scheme !== 'https')
          out.push({ line: firstLine + i, url });
      }
    }
  });
  return out;
}

export function checkEntry(
  file: string,
  text: string,
  vocab: Vocabulary,
  today: Date,
): { problems: Problem[]; entry?: CheckedEntry | undefined } {
  const problems: Problem[] = [];
  const base = path.basename(file);
  if (!FILE_NAME.test(base))
    problems.push({
      file,
      field: '(file name)',
      problem: 'is not written YYYY-MM-DD-slug.md in lowercase',
      fix: 'rename it like 2024-09-18-linkedin-opts-members-in.md (npm run new-entry names files this way)',
    });

  const fm = splitFrontMatter(text);
  if (!fm) {
    problems.push({
      file,
      line: 1,
      field: '(file)',
      problem: 'has no front matter between --- lines',
      fix: 'start the file with a line "---", the fields, then another "---" (npm run new-entry writes a complete one)',
    });
    return { problems };
  }
  const src = parseYamlSource(fm.yaml, fm.yamlLine);
  if (src.errors.length) return { problems: [...problems, ...syntaxProblems(file, src)] };

  const draft = (src.value as { draft?: unknown } | null)?.draft === true;
  const placeholders = findPlaceholders(src.value);
  const schema = schemaFor(vocab);
  const checked = validateValue(
    file,
    'entry',
    src,
    schema,
    placeholders.map((p) => p.field),
  );
  // A draft may keep placeholders the schema accepts; ones that would break the build still count.
  const failing = new Set(
    schema.safeParse(src.value).error?.issues.map((i) => fieldName(i.path)) ?? [],
  );
  for (const p of placeholders) {
    if (draft && !failing.has(p.field)) continue;
    problems.push({
      file,
      line: src.lineOf(p.path),
      field: p.field,
      problem: 'still the placeholder',
      fix: p.advice,
    });
  }
  problems.push(...checked.problems);

  for (const link of badBodyLinks(fm.body, fm.bodyLine))
    problems.push({
      file,
      line: link.line,
      field: '(text)',
      problem: `links to "${link.url}", which is not an http(s) address`,
      fix: 'link to a page starting with https://, or remove the link',
    });

  const data = checked.data;
  if (!data) return { problems };
  if (isFutureDay(isoDay(data.date), today))
    problems.push({
      file,
      line: src.lineOf(['date']),
      field: 'date',
      problem: `${isoDay(data.date)} is in the future`,
      fix: 'write the day it happened or was announced; a future deadline or start goes in effective',
    });
  const effective = data.effective && isoDay(data.effective);
  if (effective && data.status.length && effective < isoDay(data.date))
    problems.push({
      file,
      line: src.lineOf(['effective']),
      field: 'effective',
      problem: `${effective} is before the entry's date ${isoDay(data.date)}, so its status would take effect before it was recorded and the status history would run backwards`,
      fix: 'swap the two if they were mixed up: date is when it happened or was announced, effective the later day it applies from; for a change that applied from the day it was announced, leave effective out',
    });
  data.sources.forEach((s, i) => {
    if (s.date && isFutureDay(isoDay(s.date), today))
      problems.push({
        file,
        line: src.lineOf(['sources', i, 'date']),
        field: `sources[${i}].date`,
        problem: `${isoDay(s.date)} is in the future`,
        fix: 'write the day the page was published',
      });
  });
  return {
    problems,
    entry: { id: base.replace(/\.md$/, ''), file, data, lineOf: src.lineOf },
  };
}
