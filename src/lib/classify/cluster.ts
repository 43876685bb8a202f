/**
 * Story clustering: articles from different outlets about the same event share a story id, so the
 * timeline can show one story with "N sources". Two articles are the same story when they name a
 * company in common, were published within a few days of each other, and their titles and
 * summaries are similar (TF-IDF cosine over word stems). Stored articles keep their story for
 * ever; editors force articles together or apart with `story:` in content/overrides.yaml, which
 * is applied when the site is built.
 */
import { fold } from '../text/fold.ts';
import type { StoryCandidate } from './types.ts';

export interface ClusterOptions {
  /** How many days apart two articles about one story may be published. */
  windowDays?: number;
  /** Minimum similarity (0–1) to join a story when the articles share a company. */
  threshold?: number;
  /** Minimum similarity for articles that name no company: text alone must carry it. */
  thresholdWithoutCompany?: number;
}

const DAY_MS = 86_400_000;
/** How many days apart two articles about one story may be published, unless told otherwise. */
export const STORY_WINDOW_DAYS = 3;
const WORD = /[\p{L}\p{N}]+/gu;
const NO_COMPANY = '';
/** Articles published this many days either side of the incoming ones weigh the words. */
export const CORPUS_DAYS = 30;

/** Words that say nothing about which story an article tells. */
const STOPWORDS = new Set(
  (
    'a about after again against all also an and any are as at be been before being but by can ' +
    'could did do does for from had has have he her his how i if in into is it its it’s just may ' +
    'more most new no not now of on once one or other our out over own said says say she should ' +
    'so some such than that the their them then there these they this those through to too under ' +
    'until up us very was we were what when where which while who why will with would you your ' +
    'report reports reported amid plans plan set sets week today year years first could s t'
  ).split(' '),
);

/**
 * Words outlets use interchangeably for the same thing in this beat, mapped to one stem so that
 * "Meta halts EU training" meets "Meta pauses European training".
 */
const SAME = new Map(
  Object.entries({
    halt: 'paus',
    paus: 'paus',
    suspend: 'paus',
    suspension: 'paus',
    delay: 'paus',
    stop: 'paus',
    europe: 'eu',
    european: 'eu',
    europeans: 'eu',
    eea: 'eu',
    watchdog: 'regulator',
    authority: 'regulator',
    commission: 'regulator',
    commissioner: 'regulator',
    dpc: 'regulator',
    dpa: 'regulator',
    lawsuit: 'sue',
    su: 'sue',
    complaint: 'sue',
    scrap: 'train',
    train: 'train',
    rollout: 'launch',
    launch: 'launch',
    roll: 'launch',
    resum: 'resume',
    restart: 'resume',
    fine: 'fine',
    penalty: 'fine',
    post: 'content',
    content: 'content',
    data: 'content',
    information: 'content',
  }),
);

/** Crude stemming, enough to let "pauses", "paused" and "pausing" meet, then SAME. */
function stem(word: string): string {
  const s = strip(word);
  return SAME.get(s) ?? SAME.get(word) ?? s;
}

function strip(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function terms(c: StoryCandidate): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const [word] of fold(text).matchAll(WORD)) {
      if (word.length < 2 || STOPWORDS.has(word)) continue;
      const s = stem(word);
      tf.set(s, (tf.get(s) ?? 0) + weight);
    }
  };
  // The title is the outlet's summary of the story: its words count double.
  add(c.title, 2);
  add(c.summary, 1);
  return tf;
}

function dayOf(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

interface Doc {
  candidate: StoryCandidate;
  day: number | null;
  tf?: Map<string, number>;
  vector?: Map<string, number>;
  story?: string;
}

function termsOf(d: Doc): Map<string, number> {
  d.tf ??= terms(d.candidate);
  return d.tf;
}

/**
 * A story id for every incoming article. Existing articles keep theirs; an incoming article joins
 * the most similar story (existing or started by an earlier incoming article) that passes the
 * threshold, or starts a new story `s-<its id>`. Candidates come from a company × day index, so
 * the cost grows with the number of articles around the incoming ones, not with the archive.
 */
export function assignStories(
  existing: StoryCandidate[],
  incoming: StoryCandidate[],
  options: ClusterOptions = {},
): Map<string, string> {
  const windowDays = options.windowDays ?? STORY_WINDOW_DAYS;
  const threshold = options.threshold ?? 0.3;
  const thresholdWithoutCompany = options.thresholdWithoutCompany ?? 0.5;

  const docs: Doc[] = [...existing, ...incoming].map((candidate) => ({
    candidate,
    day: dayOf(candidate.published),
    ...(candidate.story ? { story: candidate.story } : {}),
  }));
  const stored = docs.slice(0, existing.length);
  const arriving = docs.slice(existing.length);

  // Word weights come from the articles published around the incoming ones, not the whole
  // archive: that keeps the cost independent of the archive's size, and a word is telling when
  // it is rare among the stories of those weeks.
  const near = new Set<number>();
  for (const d of arriving)
    if (d.day !== null) for (let k = -CORPUS_DAYS; k <= CORPUS_DAYS; k++) near.add(d.day + k);
  const corpus = [...stored.filter((d) => d.day !== null && near.has(d.day)), ...arriving];
  const df = new Map<string, number>();
  for (const d of corpus) for (const t of termsOf(d).keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = corpus.length;
  const vectorOf = (d: Doc): Map<string, number> => {
    if (d.vector) return d.vector;
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of termsOf(d)) {
      const x = (1 + Math.log(f)) * Math.log((n + 1) / ((df.get(t) ?? 0) + 1) + 1);
      v.set(t, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, x] of v) v.set(t, x / norm);
    d.vector = v;
    return v;
  };
  const cosine = (a: Doc, b: Doc) => {
    const [small, large] =
      vectorOf(a).size <= vectorOf(b).size
        ? [vectorOf(a), vectorOf(b)]
        : [vectorOf(b), vectorOf(a)];
    let sum = 0;
    for (const [t, x] of small) sum += x * (large.get(t) ?? 0);
    return sum;
  };

  const index = new Map<string, Map<number, Doc[]>>();
  const keysOf = (d: Doc) => (d.candidate.companies.length ? d.candidate.companies : [NO_COMPANY]);
  const enter = (d: Doc) => {
    if (d.day === null) return;
    for (const key of keysOf(d)) {
      const days = index.get(key) ?? new Map<number, Doc[]>();
      const list = days.get(d.day) ?? [];
      list.push(d);
      days.set(d.day, list);
      index.set(key, days);
    }
  };

  for (const d of stored) if (d.story) enter(d);

  arriving.sort(
    (a, b) =>
      (a.day ?? Infinity) - (b.day ?? Infinity) ||
      a.candidate.published.localeCompare(b.candidate.published) ||
      a.candidate.id.localeCompare(b.candidate.id),
  );
  const result = new Map<string, string>();
  for (const d of arriving) {
    if (!d.story) d.story = bestStory(d) ?? `s-${d.candidate.id}`;
    result.set(d.candidate.id, d.story);
    enter(d);
  }
  return result;

  function bestStory(d: Doc): string | null {
    if (d.day === null) return null;
    const own = new Set(d.candidate.companies);
    const seen = new Set<Doc>();
    let best: { story: string; score: number } | null = null;
    for (const key of keysOf(d)) {
      const days = index.get(key);
      if (!days) continue;
      for (let day = d.day - windowDays; day <= d.day + windowDays; day++) {
        for (const other of days.get(day) ?? []) {
          if (seen.has(other) || !other.story) continue;
          seen.add(other);
          const shared = other.candidate.companies.some((c) => own.has(c));
          const needed = shared ? threshold : thresholdWithoutCompany;
          const score = cosine(d, other);
          if (score >= needed && (!best || score > best.score))
            best = { story: other.story, score };
        }
      }
    }
    return best?.story ?? null;
  }
}
