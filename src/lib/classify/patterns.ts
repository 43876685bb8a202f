/**
 * Matches the classifier's word patterns ("opt* out", "improve * models") against tokens. All
 * patterns of all concepts go into one lookup keyed by their first word (or its prefix), so each
 * token costs a few map look-ups however long the vocabulary grows.
 */
import { tokenize, type Token } from '../taxonomy/text.ts';

/** One word of a pattern: an exact word, a prefix (`train*`) or any word (`*`). */
type Step = { kind: 'word'; value: string } | { kind: 'prefix'; value: string } | { kind: 'any' };

interface Pattern<K> {
  steps: Step[];
  key: K;
  source: string;
}

export interface PatternHit<K> {
  key: K;
  /** Token range [first, last]. */
  first: number;
  last: number;
  sentence: number;
}

export interface PatternSet<K> {
  exact: Map<string, Pattern<K>[]>;
  prefix: Map<string, Pattern<K>[]>;
  /** Shortest prefix in the set, to bound the prefix look-ups per token. */
  minPrefix: number;
}

function parsePattern(source: string): Step[] {
  const steps: Step[] = [];
  for (const piece of source.trim().split(/\s+/)) {
    if (piece === '*') {
      steps.push({ kind: 'any' });
      continue;
    }
    const wild = piece.endsWith('*');
    // Cut as the text is cut, so a Japanese pattern meets the words the text was split into.
    const words = tokenize(wild ? piece.slice(0, -1) : piece).map((t) => t.folded);
    words.forEach((value, i) =>
      steps.push(
        wild && i === words.length - 1 ? { kind: 'prefix', value } : { kind: 'word', value },
      ),
    );
  }
  return steps;
}

export function buildPatternSet<K>(groups: Iterable<[K, readonly string[]]>): PatternSet<K> {
  const set: PatternSet<K> = { exact: new Map(), prefix: new Map(), minPrefix: Infinity };
  for (const [key, sources] of groups) {
    for (const source of sources) {
      const steps = parsePattern(source);
      const head = steps[0];
      if (!head || head.kind === 'any') continue;
      const map = head.kind === 'word' ? set.exact : set.prefix;
      if (head.kind === 'prefix') set.minPrefix = Math.min(set.minPrefix, head.value.length);
      const list = map.get(head.value) ?? [];
      list.push({ steps, key, source });
      map.set(head.value, list);
    }
  }
  return set;
}

function stepMatches(step: Step, word: string): boolean {
  if (step.kind === 'any') return true;
  if (step.kind === 'word') return word === step.value;
  return word.startsWith(step.value);
}

function matchFrom<K>(p: Pattern<K>, tokens: Token[], i: number): number {
  if (i + p.steps.length > tokens.length) return -1;
  const sentence = tokens[i]!.sentence;
  for (let k = 0; k < p.steps.length; k++) {
    const t = tokens[i + k]!;
    if (t.sentence !== sentence || !stepMatches(p.steps[k]!, t.folded)) return -1;
  }
  return i + p.steps.length - 1;
}

/**
 * Every occurrence of every pattern of one set or several; overlapping hits are all kept (one word
 * may signal two things), and a hit two sets share is kept once.
 */
export function findPatterns<K>(
  sets: PatternSet<K> | readonly PatternSet<K>[],
  tokens: Token[],
): PatternHit<K>[] {
  const hits: PatternHit<K>[] = [];
  const seen = new Set<string>();
  const tryAll = (list: Pattern<K>[] | undefined, i: number) => {
    for (const p of list ?? []) {
      const last = matchFrom(p, tokens, i);
      if (last < 0) continue;
      const id = `${String(p.key)}:${i}:${last}`;
      if (seen.has(id)) continue;
      seen.add(id);
      hits.push({ key: p.key, first: i, last, sentence: tokens[i]!.sentence });
    }
  };
  const all = Array.isArray(sets) ? sets : [sets];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.folded;
    for (const set of all) {
      tryAll(set.exact.get(word), i);
      for (let n = Math.min(word.length, 40); n >= set.minPrefix; n--)
        tryAll(set.prefix.get(word.slice(0, n)), i);
    }
  }
  return hits;
}
