/**
 * Reads company, product and region names in a query: "linkedin", "chatgpt", "irland" or
 * "insta gram" mean a tag, not text. A query word (or two, written apart) that is a name, or a
 * small typo of one, becomes that name's tag; the engine then answers with the tag's items, ranked
 * by the rest of the query.
 */
import { allowedErrors } from './fuzzy.ts';
import { terms } from './normalize.ts';

/** A company (kind 0) or region (kind 1), by its index in SearchMeta.co or SearchMeta.re. */
export interface TagTarget {
  kind: 0 | 1;
  index: number;
}

interface NameEntry {
  /** The name as editors spell it ("LinkedIn", "ChatGPT"), shown when a query is read as it. */
  label: string;
  targets: TagTarget[];
}

export interface NameTable {
  /** Normalised name, words joined without spaces ("stackoverflow"), to its entry. */
  byKey: Map<string, NameEntry>;
  /** Keys long enough to be matched with a typo. */
  typoKeys: string[];
}

/** A name read in the query. */
export interface ReadName {
  /** The query words it was read from, as normalised. */
  from: string[];
  label: string;
  targets: TagTarget[];
  /** True when the words were not the name as written (a typo, or a name split in two). */
  corrected: boolean;
}

export interface NameReading {
  names: ReadName[];
  /** The query words that are not part of a name, in order. */
  rest: string[];
}

/**
 * Short words that are also region codes or names but mean something else in a query ("no").
 * Two-letter codes otherwise count: "us", "uk" and "eu" are what readers type.
 */
const ORDINARY = new Set(['no', 'my', 'me', 'do', 'so', 'go', 'up', 'we', 'am', 'ok', 'hi']);
/** Names shorter than this are read only when typed exactly. */
const MIN_TYPO_NAME = 4;
/** Query words shorter than this are never taken for a misspelt name. */
const MIN_TYPO_WORD = 5;

const keyOf = (name: string) => terms(name).join('');

export function nameTable(
  companies: readonly (readonly [string, string, string])[],
  regions: readonly (readonly [string, string, string, ...unknown[]])[],
): NameTable {
  const byKey = new Map<string, NameEntry>();
  const add = (label: string, target: TagTarget) => {
    const key = keyOf(label);
    if (!key || ORDINARY.has(key)) return;
    const entry = byKey.get(key);
    if (!entry) byKey.set(key, { label, targets: [target] });
    else if (!entry.targets.some((t) => t.kind === target.kind && t.index === target.index))
      entry.targets.push(target);
  };
  const split = (more: string) => (more ? more.split(' | ') : []);
  // Display names first, so a name shared by an id and a display name is labelled as displayed.
  companies.forEach(([, name, more], index) => {
    for (const label of [name, ...split(more)]) add(label, { kind: 0, index });
  });
  regions.forEach(([, name, more], index) => {
    for (const label of [name, ...split(more)]) add(label, { kind: 1, index });
  });
  companies.forEach(([id, name], index) => add(id.includes('-') ? name : id, { kind: 0, index }));
  regions.forEach(([code], index) => add(code, { kind: 1, index }));
  const typoKeys = [...byKey.keys()].filter((k) => k.length >= MIN_TYPO_NAME);
  return { byKey, typoKeys };
}

/** Edit distance between two words, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

function closestName(table: NameTable, word: string): NameEntry | undefined {
  const limit = allowedErrors(word.length);
  let best: { entry: NameEntry; d: number } | undefined;
  for (const key of table.typoKeys) {
    const d = editDistance(word, key, limit);
    if (d <= limit && (!best || d < best.d)) best = { entry: table.byKey.get(key)!, d };
  }
  return best?.entry;
}

/**
 * The names in a query's words. `isArchiveWord` says whether a word is used by the archive's own
 * text often enough to be meant as typed: "linking" is a word, not a misspelt "LinkedIn".
 */
export function readNames(
  table: NameTable,
  words: readonly string[],
  isArchiveWord: (word: string) => boolean,
): NameReading {
  const names: ReadName[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length;) {
    const one = words[i]!;
    const two = i + 1 < words.length ? one + words[i + 1]! : undefined;
    const exactTwo = two ? table.byKey.get(two) : undefined;
    const exactOne = table.byKey.get(one);
    if (exactTwo) {
      const from = [one, words[i + 1]!];
      names.push({
        from,
        ...exactTwo,
        corrected: terms(exactTwo.label).join(' ') !== from.join(' '),
      });
      i += 2;
    } else if (exactOne) {
      names.push({ from: [one], ...exactOne, corrected: false });
      i += 1;
    } else {
      const typo =
        one.length >= MIN_TYPO_WORD && !isArchiveWord(one) ? closestName(table, one) : undefined;
      if (typo) names.push({ from: [one], ...typo, corrected: true });
      else rest.push(one);
      i += 1;
    }
  }
  return { names, rest };
}
