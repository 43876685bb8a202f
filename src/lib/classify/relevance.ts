/**
 * What the vocabulary says about an item: signals for training words, AI words, personal data,
 * consent, data deals, authorities, what regulators publish (guidance) and courts, each alone, in
 * the headline, and paired with another within one sentence, and the contexts (earnings,
 * breaches…) that make a story about something else. The relevance model learns how much each
 * counts (model.ts).
 */
import type { Token } from '../taxonomy/text.ts';
import { buildPatternSet, findPatterns, type PatternHit, type PatternSet } from './patterns.ts';
import { CONCEPTS, languagePatterns, type ClassifierRules, type Concept } from './rules.ts';

export interface RelevanceInput {
  source: string;
  tokens: Token[];
  /** ISO 639-1 code from language detection (`und` when undetermined): whose vocabulary applies. */
  language: string;
  /** Spans naming a place (they say whose data it is: "UK users", "Brazilians"). */
  places: Span[];
  /** Spans naming a regulator or law from the taxonomy (DPC, GDPR). */
  authorities: Span[];
  /** Spans naming a company: a platform's name next to material makes it its users' ("Reddit content"). */
  companies: Span[];
  /** Index of the first token of the text (tokens before it are the headline). */
  textStart: number;
}

export interface Span {
  first: number;
  last: number;
}

/**
 * What the vocabulary found: named signals for the model (1 when present) and, for each, the
 * words that produced it, so the reasons can quote the text.
 */
export interface Signals {
  /** Signal name → the words that raised it, e.g. `trainingNearPersonal` → "'train' + 'posts'". */
  found: Map<string, string>;
}

/** The signals that say what a story is, leaving out the contexts that count against it. */
export function storySignals(signals: Signals): string[] {
  return [...signals.found.keys()].filter((n) => !n.startsWith('negative'));
}

/**
 * Signals that say nothing of the topic by themselves: a company's name, and the absence of an AI
 * word. Every labelled headline was chosen because it touches the topic, so the model never saw a
 * story about gardening or a phone app; left to it, the parts of such a story's words ("-mers" of
 * "customers" in "astronomers") can add up to a keep.
 */
const UNTOPICAL = new Set(['company', 'withoutAi']);

/**
 * What a story of the topic always names: an AI system, training, consent, a data deal, or the
 * platform whose data it is. Every relevant labelled story names one of them. Personal data or an
 * authority alone is everyday words in stories of anything ("comments", "an inquiry", "the
 * Authority"), and an off-topic blog post that has them would otherwise be weighed.
 */
const SUBJECTS = new Set(['ai', 'training', 'consent', 'dataDeal', 'company']);

/**
 * Why an item is not weighed at all, or null when it is: the vocabulary must find something of the
 * topic beyond a company's name, and one of the subjects a story of the topic is about.
 */
export function untopical(signals: Signals): string | null {
  const found = storySignals(signals);
  if (!found.some((n) => !UNTOPICAL.has(n)))
    return 'nothing of the topic named (no word for AI, training, personal data, consent, a data deal, a regulator or a court)';
  if (!found.some((n) => SUBJECTS.has(n)))
    return 'no subject of the topic named (no word for AI, training, consent or a data deal, and no company): personal data or an authority alone is not the topic';
  return null;
}

type Key = Concept | `negative:${number}`;
type Hit = PatternHit<Key>;
type Located = { first: number; last: number; sentence: number };

function gap(a: Located, b: Located): number {
  return Math.max(0, Math.max(a.first, b.first) - Math.min(a.last, b.last));
}

const overlaps = (a: Span, b: Span) => a.first <= b.last && b.first <= a.last;

/** The nearest pair from two lists within `window` words in one sentence; one phrase is no pair ("machine learning"). */
function closest(as: Located[], bs: Located[], window: number): [Located, Located] | null {
  let best: [Located, Located] | null = null;
  let bestGap = Infinity;
  for (const a of as)
    for (const b of bs) {
      if (a.sentence !== b.sentence || overlaps(a, b)) continue;
      const g = gap(a, b);
      if (g <= window && g < bestGap) {
        best = [a, b];
        bestGap = g;
      }
    }
  return best;
}

/** How many words may stand between a training word and the people it teaches ("train 400,000 teachers"). */
const LEARNER_GAP = 3;
/**
 * Words that make the people what a model learns from ("trained on students' essays", "mit
 * Daten von Lehrkräften"), not whom it teaches: "on", "with", "from" in the languages read.
 */
const SOURCE_WORDS = new Set(
  'on with from using off mit auf anhand sur avec con sobre su com met op med pa'.split(' '),
);

function teachesPeople(
  t: Located,
  learners: readonly Located[],
  tokens: readonly Token[],
): boolean {
  return learners.some(
    (l) =>
      l.sentence === t.sentence &&
      l.first > t.last &&
      l.first - t.last - 1 <= LEARNER_GAP &&
      !tokens.slice(t.last + 1, l.first).some((w) => SOURCE_WORDS.has(w.folded)),
  );
}

export function createSignals(rules: ClassifierRules): (input: RelevanceInput) => Signals {
  // The base vocabulary once, and each language's own words apart, read together.
  const base = buildPatternSet<Key>([
    ...CONCEPTS.map((c): [Key, readonly string[]] => [c, rules.concepts[c]]),
    ...rules.negatives.map((n, i): [Key, readonly string[]] => [`negative:${i}`, n.terms]),
  ]);
  const sets = new Map<string, PatternSet<Key>[]>();
  const setFor = (language: string) => {
    let list = sets.get(language);
    if (!list) {
      const own = CONCEPTS.map((c): [Key, readonly string[]] => [
        c,
        languagePatterns(rules, c, language),
      ]);
      list = [base, buildPatternSet<Key>(own)];
      sets.set(language, list);
    }
    return list;
  };

  return ({ source, tokens, language, places, authorities, companies, textStart }) => {
    const words = (s: Located) => source.slice(tokens[s.first]!.start, tokens[s.last]!.end);
    const by = new Map<Key, Hit[]>();
    for (const h of findPatterns(setFor(language), tokens)) {
      const list = by.get(h.key) ?? [];
      list.push(h);
      by.set(h.key, list);
    }
    // Inside a product name, "Photos" or "Messenger" is a name, not people's data.
    const named = (h: Located) => companies.some((c) => overlaps(c, h));
    const ownData = new Set<Key>(['personalData', 'people', 'material']);
    const get = (k: Key): Located[] =>
      ownData.has(k) ? (by.get(k) ?? []).filter((h) => !named(h)) : (by.get(k) ?? []);
    const located = (s: Span): Located => ({ ...s, sentence: tokens[s.first]!.sentence });

    // Personal data: words that are personal by nature, or material next to whose it is.
    const owners = [...get('people'), ...places.map(located)];
    const personal: Located[] = [...get('personalData')];
    for (const m of get('material'))
      for (const p of owners)
        if (p.sentence === m.sentence && gap(p, m) <= rules.pairWindow) {
          personal.push({
            first: Math.min(p.first, m.first),
            last: Math.max(p.last, m.last),
            sentence: m.sentence,
          });
          break;
        }
    for (const m of get('material'))
      for (const c of companies.map(located))
        if (c.sentence === m.sentence && c.last < m.first && m.first - c.last <= 2) {
          personal.push({ first: c.first, last: m.last, sentence: m.sentence });
          break;
        }

    const learners = get('learners');
    const training = get('training').filter((t) => !teachesPeople(t, learners, tokens));
    const ai = get('ai');
    const authority = [...get('authority'), ...authorities.map(located)];
    const tp = closest(training, personal, rules.window);
    const ap = closest(ai, personal, rules.window);
    const ta = closest(training, ai, rules.window);
    const tm = tp ? null : closest(training, get('material'), rules.window);
    const deal = get('dataDeal');
    const da = closest(deal, [...training, ...ai], rules.window);
    const negatives = rules.negatives
      .map((n, i) => {
        const hits = get(`negative:${i}`).filter(
          (h) => !n.unlessAuthority || !closest([h], authority, rules.window),
        );
        const hit = hits.find((h) => h.first < textStart) ?? hits[0];
        return { label: n.label, hit, inHeadline: hit !== undefined && hit.first < textStart };
      })
      .filter((n): n is { label: string; hit: Hit; inHeadline: boolean } => n.hit !== undefined);

    const found = new Map<string, string>();
    const quote = (l: Located) => `'${words(l)}'`;
    const pair = (name: string, p: [Located, Located] | null) => {
      if (p) found.set(name, `${quote(p[0])} + ${quote(p[1])}`);
    };
    const any = (name: string, list: Located[]) => {
      if (list[0]) found.set(name, quote(list[0]));
      const head = list.find((l) => l.first < textStart);
      if (head) found.set(`${name}InHeadline`, quote(head));
    };
    pair('trainingNearPersonal', tp);
    pair('aiNearPersonal', ap);
    pair('trainingNearAi', ta);
    pair('trainingNearMaterial', tm);
    pair('dealNearAi', da);
    // A regulator or court acting on an AI product, or on personal data, may say nothing of training.
    pair('authorityNearAi', closest(authority, ai, rules.window));
    pair('authorityNearPersonal', closest(authority, personal, rules.window));
    pair('consentNearAi', closest(get('consent'), ai, rules.window));
    pair('guidanceNearAi', closest(get('guidance'), ai, rules.window));
    any('training', training);
    any('ai', ai);
    any('personal', personal);
    any('consent', get('consent'));
    any('dataDeal', deal);
    any('authority', authority);
    any('court', get('court'));
    any('guidance', get('guidance'));
    if (companies[0]) found.set('company', quote(located(companies[0])));
    if (!ai.length) found.set('withoutAi', 'no AI word');
    // Each context has its own weight, and all of them share one, as each is seen only a few times.
    for (const n of negatives) {
      const where = n.inHeadline ? 'negativeInHeadline' : 'negative';
      found.set(`${where}:${n.label}`, quote(n.hit));
      if (!found.has(where)) found.set(where, quote(n.hit));
    }
    return { found };
  };
}
