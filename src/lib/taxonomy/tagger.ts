/**
 * Company and region tags for a piece of text, each with the words that produced it. Everything
 * it knows comes from the taxonomy files, so an editor adds a company, alias, regulator or law
 * without touching code.
 */
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { fold } from '../text/fold.ts';
import type { Token } from './text.ts';
import { buildTermIndex, findTerms, type Term, type TermIndex, type TermMatch } from './terms.ts';

/** The code tagged when a text names no region: the story applies everywhere. */
export const GLOBAL = 'GLOBAL';

/** What kind of region name matched: regulators and laws also tell relevance that authorities are involved. */
export type RegionTermKind = 'place' | 'regulator' | 'law';

export interface RegionTarget {
  code: string;
  kind: RegionTermKind;
  /** The only language in whose text the name counts (a demonym of that language). */
  language?: string;
  /** The group of countries the name stands for ("G7"): the name places the story in every member. */
  group?: string;
}

export interface Tags {
  /** Sorted ids. */
  ids: string[];
  /** One line per tag: "'Instagram', 'WhatsApp' → meta". */
  why: string[];
}

export interface TaxonomyTagger {
  companies(source: string, tokens: Token[]): Tags & { spans: Span[] };
  regions(
    source: string,
    tokens: Token[],
    context?: RegionContext,
  ): Tags & { matches: TermMatch<RegionTarget>[] };
}

/** A run of tokens, first and last inclusive. */
type Span = { first: number; last: number };

export interface RegionContext {
  /** The item's ISO 639-1 code: it settles a name two regions share. */
  language?: string;
  /** Token spans of words that set a place beside the story ("already", "even as"). */
  asides?: readonly Span[];
}

/**
 * Abbreviations shorter than this are not matched on their own: "AP" (the Dutch regulator) is far
 * more often the Associated Press. The full name still matches.
 */
const MIN_ABBR = 3;
/** A title-case acronym shorter than this ("Ico", "Dsb") would be a word more often than a name. */
const MIN_TITLE_ABBR = 4;

function companyTerms(taxonomy: Taxonomy): Term<string>[] {
  const terms: Term<string>[] = [];
  const exactProducts = new Set<string>();
  for (const c of taxonomy.companies) {
    const exact = new Set(c.caseSensitive);
    for (const name of new Set([c.name, ...c.aliases, ...c.products, ...c.caseSensitive]))
      terms.push({ name, target: c.id, caseSensitive: exact.has(name) });
    for (const p of c.products) if (exact.has(p)) exactProducts.add(p);
  }
  // Matched as the maker's name for it is, so one mention gives both companies.
  for (const c of taxonomy.companies)
    for (const name of c.builtIn)
      terms.push({ name, target: c.id, caseSensitive: exactProducts.has(name) });
  return terms;
}

/** How many words apart an aside and the place it sets aside may be, in one clause ("in den USA ist es schon"). */
export const ASIDE_WINDOW = 4;

/** Place names, demonyms and regulators' names are proper nouns: a capitalised one must be written capitalised. */
const properNoun = (s: string) => /^\p{Lu}/u.test(s);

function regionTerms(taxonomy: Taxonomy): Term<RegionTarget>[] {
  const terms: Term<RegionTarget>[] = [];
  const add = (
    name: string,
    code: string,
    kind: RegionTermKind,
    caseSensitive: boolean,
    language?: string,
  ) =>
    terms.push({
      name,
      target: language ? { code, kind, language } : { code, kind },
      caseSensitive,
    });
  for (const r of taxonomy.regions) {
    for (const name of new Set([r.name, ...r.aliases, ...(r.countryNames ?? [])]))
      add(name, r.code, 'place', properNoun(name));
    for (const [language, forms] of Object.entries(r.countryDemonyms ?? {}))
      for (const form of forms) add(form, r.code, 'place', false, language);
    for (const g of r.regulators) {
      for (const name of [g.name, ...g.aliases]) add(name, r.code, 'regulator', properNoun(name));
      if (g.abbr && g.abbr.length >= MIN_ABBR) add(g.abbr, r.code, 'regulator', true);
      // French and Italian typography writes an acronym said as a word in title case ("la Cnil").
      if (g.abbr && g.abbr.length >= MIN_TITLE_ABBR && /^\p{Lu}+$/u.test(g.abbr))
        add(g.abbr[0] + g.abbr.slice(1).toLowerCase(), r.code, 'regulator', true);
    }
    for (const l of r.laws) {
      for (const name of [l.name, ...l.aliases]) add(name, r.code, 'law', properNoun(name));
      if (l.abbr && l.abbr.length >= MIN_ABBR) add(l.abbr, r.code, 'law', true);
    }
  }
  for (const g of taxonomy.groups ?? [])
    for (const name of new Set([g.name, ...g.aliases]))
      for (const code of g.members)
        terms.push({
          name,
          target: { code, kind: 'place', group: g.name },
          caseSensitive: properNoun(name),
        });
  return terms;
}

function reasonLines(hits: Map<string, string[]>, order: string[]): string[] {
  return order.map(
    (id) =>
      `${hits
        .get(id)!
        .map((w) => `'${w}'`)
        .join(', ')} → ${id}`,
  );
}

function collect(hits: Map<string, string[]>, id: string, word: string) {
  const words = hits.get(id) ?? [];
  if (!words.includes(word) && words.length < 3) words.push(word);
  hits.set(id, words);
}

/** Where the adjective follows its noun ("la società statunitense"), the business word comes first. */
const NOUN_FIRST = new Set(['es', 'fr', 'it', 'pt']);
/** "A Dutch language expert", "German-speaking users": a demonym before these names a language. */
const LANGUAGE = new Set(['language', 'languages', 'speaking', 'speaker', 'speakers']);
/**
 * "American tech firm Clearview", "det amerikanske selskapet Meta", "l'association autrichienne
 * noyb": a place name beside a word for a business or organisation (`business`, folded as tokens
 * are) says where it is from, not where the story applies.
 */
function namesOwnerOrLanguage(
  m: TermMatch<RegionTarget>,
  tokens: readonly Token[],
  language: string | undefined,
  business: ReadonlySet<string>,
): boolean {
  if (!m.targets.every((t) => t.kind === 'place')) return false;
  const sentence = tokens[m.last]!.sentence;
  const next = tokens.slice(m.last + 1, m.last + 3).filter((t) => t.sentence === sentence);
  const before =
    language && NOUN_FIRST.has(language)
      ? tokens.slice(Math.max(0, m.first - 2), m.first).filter((t) => t.sentence === sentence)
      : [];
  return (
    [...next, ...before].some((t) => business.has(t.folded)) ||
    (next[0] !== undefined && LANGUAGE.has(next[0].folded))
  );
}

/**
 * "Microsoft-backed OpenAI", "backed by Amazon": the investor describes the company the story is
 * about, and is not one of its subjects. Only the hyphenated compound counts after the name, as
 * "Meta backed down" says what Meta did.
 */
function namesInvestor(m: TermMatch<string>, source: string, tokens: readonly Token[]): boolean {
  const next = tokens[m.last + 1];
  const [before, by] = [tokens[m.first - 2], tokens[m.first - 1]];
  const sentence = tokens[m.first]!.sentence;
  return (
    (next?.folded === 'backed' && source.slice(tokens[m.last]!.end, next.start) === '-') ||
    (before?.folded === 'backed' && by?.folded === 'by' && before.sentence === sentence)
  );
}

/**
 * `shadows` are phrases whose names mean something else ("meta-analysis"); `business`, words for a
 * business or organisation (classifier.yaml's `businesses`), folded.
 */
export function createTaxonomyTagger(
  taxonomy: Taxonomy,
  shadows: readonly string[] = [],
  business: ReadonlySet<string> = new Set(),
): TaxonomyTagger {
  const companyIndex: TermIndex<string> = buildTermIndex(companyTerms(taxonomy), shadows);
  const regionIndex: TermIndex<RegionTarget> = buildTermIndex(regionTerms(taxonomy), shadows);
  const blocsOf = new Map(taxonomy.regions.map((r) => [r.code, r.memberOf]));
  const languagesOf = new Map(taxonomy.regions.map((r) => [r.code, r.languages]));
  const builtIn = new Map(taxonomy.companies.map((c) => [c.id, new Set(c.builtIn.map(fold))]));

  return {
    companies(source, tokens) {
      const hits = new Map<string, string[]>();
      const matches = findTerms(companyIndex, source, tokens).filter(
        (m) => m.targets.length && !namesInvestor(m, source, tokens),
      );
      for (const m of matches) for (const id of m.targets) collect(hits, id, m.text);
      const ids = [...hits.keys()].sort();
      const spans = matches.map(({ first, last }) => ({ first, last }));
      // An editor reading "'Grok' → x" should see why a product names a company that did not make it.
      const why = reasonLines(hits, ids).map((line, i) => {
        const hosted = builtIn.get(ids[i]!);
        return hosted?.size && hits.get(ids[i]!)!.every((w) => hosted.has(fold(w)))
          ? `${line} (built in)`
          : line;
      });
      return { ids, why, spans };
    },

    regions(source, tokens, { language, asides = [] } = {}) {
      // A demonym counts only in text of its own language: elsewhere it may be another word.
      const readable = (t: RegionTarget) => !t.language || t.language === language;
      const found = findTerms(regionIndex, source, tokens)
        .map((m) => ({ ...m, targets: m.targets.filter(readable) }))
        .filter((m) => m.targets.length && !namesOwnerOrLanguage(m, tokens, language, business));
      // One clause: no comma, colon or dash between the aside and the place.
      const sameClause = (a: Span, b: Span) => {
        const [x, y] = a.first < b.first ? [a, b] : [b, a];
        return (
          tokens[x.first]!.sentence === tokens[y.first]!.sentence &&
          y.first - x.last <= ASIDE_WINDOW &&
          !/[,;:()–—]/.test(source.slice(tokens[x.last]!.end, tokens[y.first]!.start))
        );
      };
      const aside = (m: TermMatch<RegionTarget>) =>
        m.targets.every((t) => t.kind === 'place') && asides.some((a) => sameClause(a, m));
      // A place set aside counts all the same when the item names no other.
      const unaside = found.filter((m) => !aside(m));
      const matches = unaside.length ? unaside : found;
      const hits = new Map<string, string[]>();
      const sure = new Set<string>();
      for (const m of matches) {
        const codes = [...new Set(m.targets.map((t) => t.code))];
        if (codes.length === 1) sure.add(codes[0]!);
      }
      const grouped = new Map<string, { text: string; codes: string[] }>();
      for (const m of matches) {
        const codes = [...new Set(m.targets.map((t) => t.code))];
        const group = m.targets[0]!.group;
        if (group && m.targets.every((t) => t.group === group)) {
          grouped.set(group, { text: m.text, codes: codes.sort() });
          continue;
        }
        // A name shared by two regions (Datatilsynet: DK and NO) counts only where the text also
        // names one of them some other way or, failing that, is written in one's own language.
        const alsoNamed = codes.filter((c) => sure.has(c));
        const kept =
          codes.length === 1
            ? codes
            : alsoNamed.length
              ? alsoNamed
              : codes.filter((c) => language && languagesOf.get(c)?.includes(language));
        for (const code of kept) collect(hits, code, m.text);
      }
      const groupCodes = [...grouped.values()].flatMap((g) => g.codes);
      const named = [...new Set([...hits.keys(), ...groupCodes])];
      const why = [
        ...reasonLines(hits, [...hits.keys()]),
        ...[...grouped].map(([name, g]) => `'${g.text}' → ${g.codes.join(', ')} (${name})`),
      ];
      const all = new Set(named);
      const queue = [...named];
      while (queue.length) {
        const code = queue.shift()!;
        for (const bloc of blocsOf.get(code) ?? []) {
          if (all.has(bloc)) continue;
          all.add(bloc);
          queue.push(bloc);
          why.push(`'${code}' → ${bloc} (member state)`);
        }
      }
      if (!all.size) {
        all.add(GLOBAL);
        why.push(`no region named → ${GLOBAL}`);
      }
      return { ids: [...all].sort(), why, matches };
    },
  };
}
