/**
 * Is an item about a platform's use of people's data for AI? Signals (training words, AI words,
 * personal data, consent, data deals, authorities) count for more when they stand close together
 * in one sentence, and contexts such as earnings or breaches count against. A logistic curve turns
 * the weighted sum into a 0–1 score.
 */
import type { Token } from '../taxonomy/text.ts';
import { buildPatternSet, findPatterns, type PatternHit } from './patterns.ts';
import { CONCEPTS, type ClassifierRules, type Concept } from './rules.ts';

export interface RelevanceInput {
  source: string;
  tokens: Token[];
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

export interface Relevance {
  relevant: boolean;
  score: number;
  why: string;
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

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function createRelevance(rules: ClassifierRules): (input: RelevanceInput) => Relevance {
  const set = buildPatternSet<Key>([
    ...CONCEPTS.map((c): [Key, readonly string[]] => [c, rules.concepts[c]]),
    ...rules.negatives.map((n, i): [Key, readonly string[]] => [`negative:${i}`, n.terms]),
  ]);
  const w = rules.weights;

  return ({ source, tokens, places, authorities, companies, textStart }) => {
    const words = (s: Located) => source.slice(tokens[s.first]!.start, tokens[s.last]!.end);
    const by = new Map<Key, Hit[]>();
    for (const h of findPatterns(set, tokens)) {
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

    const training = get('training');
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
        const hits = get(`negative:${i}`);
        const hit = hits.find((h) => h.first < textStart) ?? hits[0];
        return { label: n.label, hit, inHeadline: hit !== undefined && hit.first < textStart };
      })
      .filter((n): n is { label: string; hit: Hit; inHeadline: boolean } => n.hit !== undefined);

    const z =
      w.bias +
      (tp ? w.trainingNearPersonal : 0) +
      (ap ? w.aiNearPersonal : 0) +
      (ta ? w.trainingNearAi : 0) +
      (tm ? w.trainingNearMaterial : 0) +
      (da ? w.dealNearAi : 0) +
      (training.length ? w.training : 0) +
      (ai.length ? w.ai : 0) +
      (personal.length ? w.personal : 0) +
      (get('consent').length ? w.consent : 0) +
      (deal.length ? w.dataDeal : 0) +
      (authority.length ? w.authority : 0) +
      (companies.length ? w.company : 0) +
      (ai.length ? 0 : w.withoutAi) -
      negatives.reduce((sum, n) => sum + (n.inHeadline ? w.negative : w.negative / 2), 0);
    // Never 0 or 1: the vocabulary is evidence, not proof.
    const score = Math.min(0.99, Math.max(0.01, Math.round(sigmoid(z) * 100) / 100));

    const parts: string[] = [];
    const pair = (p: [Located, Located], what: string) =>
      parts.push(`'${words(p[0])}' + '${words(p[1])}' (${what})`);
    if (tp) pair(tp, "AI training on people's data");
    else if (ap) pair(ap, 'AI use of personal data');
    else if (tm) pair(tm, 'AI training on content');
    else if (da) pair(da, 'data deal for AI');
    else if (ta) pair(ta, 'AI training');
    const first = (list: Located[], what: string) => {
      if (list[0]) parts.push(`'${words(list[0])}' (${what})`);
    };
    first(get('consent'), 'consent or terms');
    if (!da || tp || ap || tm) first(deal, 'data deal');
    first(authority, 'regulator or court');
    for (const n of negatives) parts.push(`'${words(n.hit)}' (${n.label}: counts against)`);
    const why = `relevance ${score.toFixed(2)}: ${parts.length ? parts.join('; ') : "nothing links AI to people's data"}`;

    return { relevant: score >= rules.threshold, score, why };
  };
}
