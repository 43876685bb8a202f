/**
 * The classifier: relevance, company and region tags, each with its reasons. Ingest and
 * `npm run classify` build one with `createClassifier` and call it for every item; training and
 * evaluation analyse items with the same `createAnalyser`, so what is learned is what is used.
 */
import path from 'node:path';
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { contentDir } from '../content/paths.ts';
import { companySchema, type Company } from '../content/taxonomy.ts';
import { createTaxonomyTagger, GLOBAL } from '../taxonomy/tagger.ts';
import { withBlocs } from './metrics.ts';
import { tokenizeItem } from '../taxonomy/text.ts';
import { itemFeatures } from './features.ts';
import { buildPatternSet, findPatterns } from './patterns.ts';
import {
  nearestChange,
  readKnownChanges,
  recordedStory,
  type KnownChange,
} from './known-changes.ts';
import { proposedName } from './proposed.ts';
import { detectLanguage } from './language.ts';
import { createWeigher, loadModel, type Model } from './model.ts';
import { createSignals, untopical } from './relevance.ts';
import { loadClassifierRules, type ClassifierRules } from './rules.ts';
import type { Classification, Classifier, ClassifyInput } from './types.ts';

export type { Classification, Classifier, ClassifyInput, StoryCandidate } from './types.ts';
export { assignStories } from './cluster.ts';
export { classifierRulesSchema, loadClassifierRules, type ClassifierRules } from './rules.ts';

/**
 * How much of an item's text is read: as much as the labelled headlines keep (the dek, the feed's
 * description or the first sentence, at most 300 characters). A feed's summary may run to 1 000;
 * read whole, its hundreds of word parts each add their weight, and a long post about Objective-C
 * scores like a story about training on users' posts. The cut falls between words.
 */
export const TEXT_CHARS = 300;

function opening(text: string): string {
  if (text.length <= TEXT_CHARS) return text;
  const cut = text.slice(0, TEXT_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  return space > 0 ? cut.slice(0, space) : text.slice(0, TEXT_CHARS);
}

/** What the learned part of a model adds to the taxonomy: names of companies and region words. */
export type Learned = Pick<Model, 'companies' | 'regionWords' | 'languageRegions'>;

export interface Analysis {
  language: string;
  features: Set<string>;
  companies: string[];
  regions: string[];
  /** Reasons for the language and every tag. */
  why: string[];
  /** Vocabulary signals found, with their words, for the relevance reasons. */
  evidence: Map<string, string>;
}

/** The taxonomy with what the labels taught: unknown companies' names and region words. */
function teach(taxonomy: Taxonomy, learned: Learned): Taxonomy {
  const proposed = new Map<string, Company>();
  for (const [name, id] of Object.entries(learned.companies)) {
    // The schema's defaults, so a field added to a company file needs no change here.
    const c = proposed.get(id) ?? { ...companySchema.parse({ name }), id, name };
    if (c.name !== name) c.aliases.push(name);
    proposed.set(id, c);
  }
  const words = Object.entries(learned.regionWords);
  return {
    ...taxonomy,
    companies: [...taxonomy.companies, ...proposed.values()],
    regions: taxonomy.regions.map((r) => {
      const extra = words.filter(([, code]) => code === r.code).map(([w]) => w);
      return extra.length ? { ...r, aliases: [...r.aliases, ...extra] } : r;
    }),
  };
}

/**
 * `changes`, the record's entries, place a dated story that names no place by its company's policy
 * change nearest in time, where its language taught no default or the change applied everywhere,
 * and a story the record itself tells where the record says (none while training, so that what is
 * learned from the labels stays the labels' own).
 */
export function createAnalyser(
  taxonomy: Taxonomy,
  rules: ClassifierRules,
  learned: Learned,
  changes: readonly KnownChange[] = [],
): (input: ClassifyInput) => Analysis {
  const { companies: companyWords, owners, kinds } = rules.businesses;
  const tagger = createTaxonomyTagger(
    teach(taxonomy, learned),
    rules.shadows,
    new Set([...companyWords, ...owners]),
  );
  const kindsOfBusiness = new Set([...companyWords, ...kinds]);
  const signals = createSignals(rules);
  const asidePatterns = buildPatternSet([['aside', rules.asides]]);
  const blocsOf = new Map(taxonomy.regions.map((r) => [r.code, r.memberOf]));
  // An entry is read leniently, so a code the taxonomy lacks is dropped rather than tagged. GLOBAL
  // in an entry says its change applied everywhere; the regions beside it are those the record
  // says something apart of (LinkedIn's exclusion of the EU), so a story it places is GLOBAL.
  const placed = changes
    .map((c) => ({
      ...c,
      regions: c.regions.includes(GLOBAL) ? [GLOBAL] : c.regions.filter((r) => blocsOf.has(r)),
    }))
    .filter((c) => c.regions.length);
  const readers = readersByLanguage(taxonomy, blocsOf);
  return ({ title, text, published }) => {
    const heading = title ?? '';
    const read = opening(text ?? '');
    const { source, tokens, textStart } = tokenizeItem(heading, read);
    const language = detectLanguage(source);
    const companies = tagger.companies(source, tokens);
    const asides = findPatterns(asidePatterns, tokens);
    const regions = tagger.regions(source, tokens, { language, asides });
    const spans = (kinds: string[]) =>
      regions.matches
        .filter((m) => m.targets.some((t) => kinds.includes(t.kind)))
        .map(({ first, last }) => ({ first, last }));
    const found = signals({
      source,
      tokens,
      language,
      places: spans(['place']),
      authorities: spans(['regulator', 'law']),
      companies: companies.spans,
      textStart,
    });
    const features = itemFeatures(tokens, found);
    const taken = [...companies.spans, ...regions.matches];
    const unknown = proposedName(
      source,
      tokens,
      textStart,
      (first, last) => taken.some((m) => m.first <= last && first <= m.last),
      kindsOfBusiness,
    );
    // "Otter" where the labels taught "Otter.ai": the same company by a shorter name.
    if (
      unknown &&
      !companies.ids.some((id) => id === unknown.id || id.startsWith(`${unknown.id}-`))
    ) {
      companies.ids = [...companies.ids, unknown.id].sort();
      companies.why.push(`'${unknown.name}' → ${unknown.id} (proposed: ${unknown.how})`);
    }
    const unplaced = regions.ids.join() === GLOBAL;
    const near = unplaced && nearestChange(placed, companies.ids, published, readers.get(language));
    const taught = unplaced
      ? unplacedKeys(language, features, companies.ids).find((k) => learned.languageRegions[k])
      : undefined;
    // Where a language's or a company's stories usually apply is a guess; a change the record says
    // applied everywhere is known, so it outranks the guess. A regional change does not (the labels
    // taught finer places, "it → IT", than a bloc-wide change gives), nor does any change outrank
    // what a court case says: the case is the story, and its court sets the place.
    const guess = taught !== undefined && !taught.endsWith('+court');
    if (near && (!taught || (guess && near.change.regions.join() === GLOBAL))) {
      const when =
        near.days === 0
          ? 'the same day'
          : `${Math.abs(near.days)} days ${near.days > 0 ? 'later' : 'earlier'}`;
      regions.ids = [...withBlocs(near.change.regions, blocsOf)].sort();
      regions.why = [
        `no place named; ${near.change.companies.join(', ')}'s change in ${near.change.file} (${when}) applies in ${near.change.regions.join(', ')}`,
      ];
    } else if (taught) {
      const code = learned.languageRegions[taught]!;
      regions.ids = [...withBlocs([code], blocsOf)].sort();
      regions.why = [`no place named, ${taught.replaceAll('+', ' and ')} → ${code} (learned)`];
    }
    const recorded = recordedStory(placed, {
      title: heading,
      text: read,
      published,
      companies: companies.ids,
    });
    const recordedIds = recorded && [...withBlocs(recorded.regions, blocsOf)].sort();
    if (recordedIds && recordedIds.join() !== regions.ids.join()) {
      regions.why = [
        `the story of ${recorded.file}, which applies in ${recorded.regions.join(', ')} (otherwise: ${regions.why.join('; ')})`,
      ];
      regions.ids = recordedIds;
    }
    return {
      language,
      features,
      companies: companies.ids,
      regions: regions.ids,
      why: [`language: ${language}`, ...companies.why, ...regions.why],
      evidence: found.found,
    };
  };
}

/**
 * The regions where each language is read, with their blocs and GLOBAL: a story that names no
 * place is written for its language's readers. English is read everywhere, so it has no entry.
 */
export function readersByLanguage(
  taxonomy: Taxonomy,
  blocsOf: ReadonlyMap<string, readonly string[]>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of taxonomy.regions)
    for (const language of r.languages ?? []) {
      if (language === 'en') continue;
      const set = out.get(language) ?? new Set([GLOBAL]);
      for (const code of withBlocs([r.code], blocsOf)) set.add(code);
      out.set(language, set);
    }
  return out;
}

/**
 * What an item that names no place is looked up by, most specific first: its language with a
 * court case in the headline (`en+court`; one the text alone mentions is mostly background, "has
 * led to lawsuits"), with each company it names (`es+google`), then its language (`da`).
 */
export function unplacedKeys(
  language: string,
  features: ReadonlySet<string>,
  companies: readonly string[],
): string[] {
  return [
    ...(features.has('s:courtInHeadline') ? [`${language}+court`] : []),
    ...companies.map((c) => `${language}+${c}`),
    language,
  ];
}

/**
 * "s:trainingNearPersonal" → the words that raised it, a pair of signals → both, "n:5" → how many
 * signals were found; a word feature quotes itself.
 */
function describe(feature: string, weight: number, evidence: Map<string, string>): string {
  const [kind, name = ''] = feature.split(/:(.*)/s);
  const signal = (s: string) => `${s} ${evidence.get(s) ?? ''}`.trim();
  const words =
    kind === 's'
      ? name.split('&').map(signal).join(' with ')
      : kind === 'n'
        ? `${name} signals`
        : `${kind}:'${name.replaceAll('_', ' ')}'`;
  return `${words} (${weight > 0 ? '+' : ''}${weight.toFixed(2)})`;
}

/**
 * Builds the matchers once; the returned function is pure and fast (well under a millisecond an
 * item). `rules` defaults to content/classifier.yaml, `model` to content/classifier-model.json,
 * `changes` to the entries in content/entries/.
 */
export function createClassifier(
  taxonomy: Taxonomy,
  rules: ClassifierRules = loadClassifierRules(),
  model: Model = loadModel(),
  changes: readonly KnownChange[] = readKnownChanges(path.join(contentDir(), 'entries')),
): Classifier {
  const analyse = createAnalyser(taxonomy, rules, model, changes);
  const weigh = createWeigher(model);
  const known = new Set(taxonomy.companies.map((c) => c.id));
  return (input): Classification => {
    const a = analyse(input);
    const unweighed = untopical({ found: a.evidence });
    const w = unweighed === null ? weigh(a.features) : { score: 0, for: [], against: [] };
    const score = Math.round(w.score * 100) / 100;
    const proposed = a.companies.filter((id) => !known.has(id));
    const side = (list: [string, number][]) =>
      list.map(([f, x]) => describe(f, x, a.evidence)).join('; ') || 'nothing';
    return {
      relevant: w.score >= model.threshold,
      score,
      ...(w.score >= model.review.low && w.score < model.review.high ? { review: true } : {}),
      language: a.language,
      companies: a.companies,
      ...(proposed.length ? { proposedCompanies: proposed } : {}),
      regions: a.regions,
      why: [
        unweighed === null
          ? `relevance ${score.toFixed(2)}: for ${side(w.for)}; against ${side(w.against)}`
          : `relevance 0.00: ${unweighed}`,
        ...a.why,
      ],
    };
  };
}
