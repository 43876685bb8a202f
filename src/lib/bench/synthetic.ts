/**
 * A synthetic archive for the benchmark: articles whose words follow a Zipf distribution over a
 * vocabulary of several thousand words, mentioning real companies and regions (by name, alias or
 * product) in a skewed mix, with titles and summaries of news-like length, and a long tail of
 * several thousand rare words (people's names, places, misspellings) that real news has and that
 * an index must carry without being flattered by a tidy vocabulary. Seeded, so every run and every
 * machine measures the same archive.
 */
import type { Article } from '../content/article.ts';
import type { Company, Region } from '../content/taxonomy.ts';

/** Mulberry32: small, fast, good enough to shuffle words. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The most frequent words, in rank order: function words first, then the beat's own words and
 * collocations (drawn as one unit, as news text repeats them).
 */
const PHRASES = [
  'opt-out',
  'training data',
  'privacy policy',
  'personal data',
  'generative AI',
  'opt out',
  'data protection',
  'AI training',
  'terms of service',
  'public posts',
];
const HEAD = (
  'the of to and a in is for that on with as by it at from be this are was will its has have an or ' +
  'their users data ai training said not but new which more people models model privacy company ' +
  'content public posts policy train generative use used would after could also opt out regulator ' +
  'law rules personal information consent default settings members platform protection europe ' +
  'court lawsuit authors artists creators images text chatbot terms service update changes'
).split(' ');

const SYLLABLES = (
  'ba be bi bo bu da de di do du fa fe fi fo ga ge gi go ka ke ki ko ku la le li lo lu ma me mi mo ' +
  'mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze ' +
  'st tr pr cl br gr pl sh ch th an en in on un ar er ir or ur al el il ol ing ed ly ment tion ness'
).split(' ');

export function makeVocabulary(size: number, random: () => number): string[] {
  const words = [...HEAD.slice(0, 30), ...PHRASES, ...HEAD.slice(30)];
  const seen = new Set(words);
  while (words.length < size) {
    const parts = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

const NAME_SYLLABLES = (
  'ab ad ak al am an ar as ba bel ben da dar del di el em en fa fer ga gor ha hal ib il in ja jo ka ' +
  'kel ko la lar li lu ma mar mi mo na nor o ra ren ri ro sa sel si sor ta tam to u va vel vi ya yo za'
).split(' ');
const NAME_ENDINGS = 'son sen ez ski ova ini ic oglu ura ado elli berg ström'.split(' ');
const PLACE_ENDINGS = 'ford burg ville stad abad pur grad haven mouth field dorf ia'.split(' ');

/** One small typing slip: a letter dropped, doubled, swapped with the next, or a vowel changed. */
export function misspell(word: string, random: () => number): string {
  const chars = [...word];
  const at = 1 + Math.floor(random() * Math.max(1, chars.length - 2));
  const slip = Math.floor(random() * 4);
  if (slip === 0 && chars.length > 4) chars.splice(at, 1);
  else if (slip === 1) chars.splice(at, 0, chars[at]!);
  else if (slip === 2 && at + 1 < chars.length)
    [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  else chars[at] = 'aeiou'[Math.floor(random() * 5)]!;
  return chars.join('');
}

/**
 * The long tail: rare words, each in a handful of articles. About 40% people's names, 30% place
 * names, 30% misspellings of the vocabulary's common words.
 */
export function makeLongTail(
  size: number,
  common: readonly string[],
  taken: ReadonlySet<string>,
  random: () => number,
): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const seen = new Set(taken);
  const tail: string[] = [];
  while (tail.length < size) {
    const r = random();
    let w: string;
    if (r < 0.4) w = capitalise(pick(NAME_SYLLABLES) + pick(NAME_SYLLABLES) + pick(NAME_ENDINGS));
    else if (r < 0.7)
      w = capitalise(pick(NAME_SYLLABLES) + pick(NAME_SYLLABLES) + pick(PLACE_ENDINGS));
    else w = misspell(pick(common.slice(0, 600).filter((c) => c.length > 3)), random);
    if (!seen.has(w.toLowerCase())) {
      seen.add(w.toLowerCase());
      tail.push(w);
    }
  }
  return tail;
}

/** Draws words with probability ∝ 1 / rank^s. */
export function zipf(words: readonly string[], s: number, random: () => number): () => string {
  const cum = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cum[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

export interface SyntheticOptions {
  articles: number;
  companies: readonly Company[];
  regions: readonly Region[];
  seed?: number;
  vocabularySize?: number;
  /** Share of articles that join an earlier article's story (several outlets, one event). */
  storyShare?: number;
  /** Publishers to spread articles over. */
  publishers?: number;
  /** Rare words (names, places, misspellings) in the long tail. */
  tailSize?: number;
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2022, 0, 1);
const SPAN_DAYS = 4 * 365;

/** A weighted pick where early entries are much more likely (the big platforms dominate the news). */
function skewedPick<T>(list: readonly T[], random: () => number): T {
  return list[Math.min(list.length - 1, Math.floor(list.length * Math.pow(random(), 2.2)))]!;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function syntheticArticles(opts: SyntheticOptions): Article[] {
  const random = rng(opts.seed ?? 1);
  const vocabulary = makeVocabulary(opts.vocabularySize ?? 6000, random);
  const word = zipf(vocabulary, 1.05, random);
  const tail = makeLongTail(opts.tailSize ?? 8000, vocabulary, new Set(vocabulary), random);
  const tailWord = zipf(tail, 0.5, random);
  const companies = opts.companies;
  const regions = opts.regions.filter((r) => r.code !== 'GLOBAL');
  const publishers = Array.from(
    { length: opts.publishers ?? 200 },
    (_, i) =>
      `${capitalise(vocabulary[200 + i] ?? `outlet${i}`)} ${i % 3 === 0 ? 'News' : i % 3 === 1 ? 'Times' : 'Tech'}`,
  );
  const sentence = (count: number) => Array.from({ length: count }, word);
  const nameOf = (c: Company) => {
    const names = [c.name, c.name, c.name, ...c.products, ...c.aliases];
    const name = names[Math.floor(random() * names.length)]!;
    // Now and then a writer misspells the name, as real feeds do.
    return random() < 0.01 ? misspell(name, random) : name;
  };
  const regionName = (r: Region) => {
    const names = [
      r.name,
      r.code,
      ...r.aliases,
      ...r.regulators.flatMap((g) => [g.name, ...(g.abbr ? [g.abbr] : [])]),
      ...r.laws.flatMap((l) => [l.name, ...(l.abbr ? [l.abbr] : [])]),
    ];
    return names[Math.floor(random() * names.length)]!;
  };
  const insert = (ws: string[], phrase: string) => {
    ws.splice(Math.floor(random() * (ws.length + 1)), 0, phrase);
  };

  const articles: Article[] = [];
  for (let i = 0; i < opts.articles; i++) {
    const joins = i > 0 && random() < (opts.storyShare ?? 0.25);
    const lead = joins ? articles[Math.max(0, i - 1 - Math.floor(random() * 20))]! : undefined;
    const company = skewedPick(companies, random);
    const second = random() < 0.15 ? skewedPick(companies, random) : undefined;
    const region = random() < 0.75 ? skewedPick(regions, random) : undefined;
    const title = sentence(7 + Math.floor(random() * 8));
    const summary = sentence(22 + Math.floor(random() * 35));
    insert(title, nameOf(company));
    insert(summary, nameOf(company));
    if (second) insert(summary, nameOf(second));
    if (region) insert(random() < 0.5 ? title : summary, regionName(region));
    const rare = random() < 0.5 ? 1 : random() < 0.5 ? 2 : 0;
    for (let k = 0; k < rare; k++) insert(random() < 0.3 ? title : summary, tailWord());
    const titleText = capitalise(title.join(' '));
    const published = lead
      ? new Date(Date.parse(lead.published) + Math.floor(random() * 3 * DAY_MS))
      : new Date(START + Math.floor(random() * SPAN_DAYS * DAY_MS));
    const id = `a${i.toString(36).padStart(6, '0')}-${title
      .slice(0, 3)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '')}`.slice(0, 80);
    const publisher = publishers[Math.floor(random() * publishers.length)]!;
    const companyIds = [...new Set([company.id, ...(second ? [second.id] : [])])];
    const regionCodes = region ? [...new Set([region.code, ...region.memberOf])] : ['GLOBAL'];
    articles.push({
      id,
      url: `https://${publisher.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example/${published.toISOString().slice(0, 10)}/${id}`,
      title: titleText,
      summary: `${capitalise(summary.join(' '))}.`,
      published: published.toISOString(),
      dateEstimated: false,
      publisher,
      feed: `feed-${publishers.indexOf(publisher)}`,
      companies: companyIds,
      regions: regionCodes,
      score: Math.round((0.5 + random() * 0.5) * 100) / 100,
      why: [`'${company.name}' → ${company.id}`],
      story: lead ? lead.story : id,
      fetchedAt: published.toISOString(),
    });
  }
  return articles;
}
