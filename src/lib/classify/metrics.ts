/**
 * How a classifier is scored against labels (../shared/labelled/LABELS.md): relevance precision
 * and recall over all items; companies and regions as micro-F1 over the items labelled relevant,
 * a member state of a bloc counting as that bloc on either side.
 */

export interface Scored {
  language: string;
  gold: { relevant: boolean; companies: string[]; regions: string[] };
  predicted: { relevant: boolean; companies: string[]; regions: string[] };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Figures {
  items: number;
  relevant: number;
  precision: number;
  recall: number;
  companyF1: number;
  regionF1: number;
  relevance: Counts;
  companies: Counts;
  regions: Counts;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1 = (c: Counts) => ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);

function addSets(into: Counts, gold: ReadonlySet<string>, predicted: ReadonlySet<string>) {
  for (const g of gold)
    if (predicted.has(g)) into.tp++;
    else into.fn++;
  for (const p of predicted) if (!gold.has(p)) into.fp++;
}

/** The codes with every bloc they belong to added (IE → IE, EU). */
export function withBlocs(
  codes: readonly string[],
  blocsOf: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const out = new Set(codes);
  const queue = [...codes];
  while (queue.length)
    for (const b of blocsOf.get(queue.shift()!) ?? [])
      if (!out.has(b)) {
        out.add(b);
        queue.push(b);
      }
  return out;
}

export function score(
  items: readonly Scored[],
  blocsOf: ReadonlyMap<string, readonly string[]>,
): Figures {
  const relevance: Counts = { tp: 0, fp: 0, fn: 0 };
  const companies: Counts = { tp: 0, fp: 0, fn: 0 };
  const regions: Counts = { tp: 0, fp: 0, fn: 0 };
  let relevant = 0;
  for (const { gold, predicted } of items) {
    if (gold.relevant && predicted.relevant) relevance.tp++;
    else if (predicted.relevant) relevance.fp++;
    else if (gold.relevant) relevance.fn++;
    if (!gold.relevant) continue;
    relevant++;
    addSets(companies, new Set(gold.companies), new Set(predicted.companies));
    addSets(regions, withBlocs(gold.regions, blocsOf), withBlocs(predicted.regions, blocsOf));
  }
  return {
    items: items.length,
    relevant,
    precision: ratio(relevance.tp, relevance.tp + relevance.fp),
    recall: ratio(relevance.tp, relevance.tp + relevance.fn),
    companyF1: f1(companies),
    regionF1: f1(regions),
    relevance,
    companies,
    regions,
  };
}

/** Figures per language, most items first. */
export function byLanguage(
  items: readonly Scored[],
  blocsOf: ReadonlyMap<string, readonly string[]>,
): { language: string; figures: Figures }[] {
  const groups = new Map<string, Scored[]>();
  for (const s of items) groups.set(s.language, [...(groups.get(s.language) ?? []), s]);
  return [...groups]
    .map(([language, list]) => ({ language, figures: score(list, blocsOf) }))
    .sort((a, b) => b.figures.items - a.figures.items || a.language.localeCompare(b.language));
}

/** Relevance precision and recall of one way of deciding. */
export interface Decided {
  precision: number;
  recall: number;
}

/** What the review band means for readers: how many items wait, and what the site shows. */
export interface ReviewFigures {
  /** Items held for an editor. */
  held: number;
  /** Of those, the ones labelled relevant. */
  heldRelevant: number;
  /** What the site shows before anyone reviews: the items not held that the model keeps. */
  shown: Decided;
  /** What it shows once an editor has decided every held item as its label says. */
  reviewed: Decided;
}

function decided(items: readonly { gold: boolean; kept: boolean }[]): Decided {
  const tp = items.filter((x) => x.gold && x.kept).length;
  const kept = items.filter((x) => x.kept).length;
  const relevant = items.filter((x) => x.gold).length;
  return { precision: ratio(tp, kept), recall: ratio(tp, relevant) };
}

export function reviewFigures(
  items: readonly {
    gold: { relevant: boolean };
    predicted: { relevant: boolean; review?: true };
  }[],
): ReviewFigures {
  const held = items.filter((s) => s.predicted.review);
  return {
    held: held.length,
    heldRelevant: held.filter((s) => s.gold.relevant).length,
    shown: decided(
      items.map((s) => ({
        gold: s.gold.relevant,
        kept: s.predicted.relevant && !s.predicted.review,
      })),
    ),
    reviewed: decided(
      items.map((s) => ({
        gold: s.gold.relevant,
        kept: s.predicted.review ? s.gold.relevant : s.predicted.relevant,
      })),
    ),
  };
}

/** Items whose score fell in one band, and how many of them were relevant. */
export interface Band {
  from: number;
  to: number;
  items: number;
  relevant: number;
}

/**
 * How far the scores mean what they say: the items in each band of score and the share of them
 * labelled relevant (of items scored 0.6 to 0.8, about seven in ten should be). The last band
 * includes its upper edge.
 */
export function reliability(
  items: readonly { gold: { relevant: boolean }; predicted: { score: number } }[],
  edges: readonly number[] = [0, 0.2, 0.4, 0.6, 0.8, 1],
): Band[] {
  const bands = edges
    .slice(0, -1)
    .map((from, i): Band => ({ from, to: edges[i + 1]!, items: 0, relevant: 0 }));
  for (const s of items) {
    const band =
      bands.find((b) => s.predicted.score >= b.from && s.predicted.score < b.to) ??
      (s.predicted.score === edges.at(-1) ? bands.at(-1) : undefined);
    if (!band) continue;
    band.items++;
    if (s.gold.relevant) band.relevant++;
  }
  return bands;
}
