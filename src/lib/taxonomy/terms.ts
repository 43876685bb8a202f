/**
 * Finds names from the taxonomy in text: on word boundaries, longest name first, each stretch of
 * text used by one name only. Looking names up by their first word keeps this fast however many
 * names the taxonomy holds.
 */
import { fold } from '../text/fold.ts';
import { matchForms, normaliseSeparator, rawForms, tokenize, type Token } from './text.ts';

export interface Term<T> {
  /** The name as an editor wrote it ("Instagram", "X Corp.", "ICO"). */
  name: string;
  /** What it means; several when the same words name different things (Datatilsynet → DK, NO). */
  target: T;
  /** Match only with exactly this capitalisation. */
  caseSensitive: boolean;
}

export interface TermMatch<T> {
  /** The words as they appear in the text. */
  text: string;
  /** Everything these words can mean; empty for a shadow (a phrase that only blocks others). */
  targets: T[];
  /** Token range [first, last]. */
  first: number;
  last: number;
}

interface Compiled<T> {
  words: string[];
  seps: string[];
  caseSensitive: boolean;
  targets: T[];
}

export interface TermIndex<T> {
  byFirstWord: Map<string, Compiled<T>[]>;
}

/** Punctuation at either end of a name ("X Corp.", "Alexa+") says nothing about its boundaries. */
function compile<T>(name: string, caseSensitive: boolean): Omit<Compiled<T>, 'targets'> | null {
  const text = name.normalize('NFC');
  const tokens = tokenize(text);
  if (!tokens.length) return null;
  const words = tokens.map((t) => (caseSensitive ? t.raw : t.folded));
  const seps = tokens
    .slice(1)
    .map((t, i) => normaliseSeparator(text.slice(tokens[i]!.end, t.start)));
  return { words, seps, caseSensitive };
}

/**
 * Builds the lookup. `shadows` are phrases that contain a name but mean something else
 * ("meta-analysis", "X marks the spot"): matching them first stops the shorter name matching.
 */
export function buildTermIndex<T>(terms: Term<T>[], shadows: readonly string[] = []): TermIndex<T> {
  const byKey = new Map<string, Compiled<T>>();
  const add = (name: string, caseSensitive: boolean, target: T | null) => {
    const c = compile<T>(name, caseSensitive);
    if (!c) return;
    const key = `${caseSensitive ? 'cs' : 'ci'}\u0000${c.words.join('\u0001')}\u0000${c.seps.join('\u0001')}`;
    const hit = byKey.get(key);
    if (!hit) byKey.set(key, { ...c, targets: target === null ? [] : [target] });
    else if (target !== null && !hit.targets.includes(target)) hit.targets.push(target);
  };
  for (const s of shadows) add(s, false, null);
  for (const t of terms) add(t.name, t.caseSensitive, t.target);

  const byFirstWord = new Map<string, Compiled<T>[]>();
  for (const c of byKey.values()) {
    const first = fold(c.words[0]!);
    const list = byFirstWord.get(first) ?? [];
    list.push(c);
    byFirstWord.set(first, list);
  }
  // Longest first, so "GitHub Copilot" wins over "Copilot" and "UK GDPR" over "GDPR"; a shadow
  // beats a name of the same length.
  for (const list of byFirstWord.values())
    list.sort((a, b) => b.words.length - a.words.length || a.targets.length - b.targets.length);
  return { byFirstWord };
}

function matchesAt<T>(c: Compiled<T>, source: string, tokens: Token[], i: number): boolean {
  if (i + c.words.length > tokens.length) return false;
  for (let k = 0; k < c.words.length; k++) {
    const t = tokens[i + k]!;
    const last = k === c.words.length - 1;
    const forms = c.caseSensitive ? rawForms(t, last) : matchForms(t, last);
    if (!forms.includes(c.words[k]!)) return false;
    if (
      k > 0 &&
      normaliseSeparator(source.slice(tokens[i + k - 1]!.end, t.start)) !== c.seps[k - 1]
    )
      return false;
  }
  return true;
}

/** Every name in the text, left to right, without overlaps. */
export function findTerms<T>(index: TermIndex<T>, source: string, tokens: Token[]): TermMatch<T>[] {
  const found: TermMatch<T>[] = [];
  let i = 0;
  while (i < tokens.length) {
    let hit: Compiled<T> | undefined;
    for (const form of matchForms(tokens[i]!, true)) {
      hit = index.byFirstWord.get(form)?.find((c) => matchesAt(c, source, tokens, i));
      if (hit) break;
    }
    if (!hit) {
      i++;
      continue;
    }
    const last = i + hit.words.length - 1;
    found.push({
      text: source.slice(tokens[i]!.start, tokens[last]!.end),
      targets: hit.targets,
      first: i,
      last,
    });
    i = last + 1;
  }
  return found;
}
