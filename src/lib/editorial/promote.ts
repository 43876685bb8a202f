/**
 * `npm run promote`: turns an ingested article, and the other articles of its story, into an entry
 * draft. Facts come across as they are (headline, day, tags, links); the words that must be ours
 * (title, summary) are marked for rewriting.
 */
import type { Article } from '../content/article.ts';
import { KINDS, type Kind } from '../content/entry.ts';
import { entryFileName, renderEntry, type EntryDraft } from './entry-file.ts';
import { PLACEHOLDER } from './placeholders.ts';

/** Headline words that suggest a kind, most specific first. */
const KIND_HINTS: { kind: Kind; pattern: RegExp }[] = [
  {
    kind: 'court',
    pattern:
      /\b(court|courts|lawsuit|lawsuits|sued|sues|sue|judge|ruling|rules|class[- ]action|injunction|litigation)\b/i,
  },
  {
    kind: 'pause',
    pattern: /\b(pause|pauses|paused|halt|halts|halted|suspend|suspends|suspended)\b/i,
  },
  {
    kind: 'regulator-action',
    pattern:
      /\b(fine|fines|fined|regulator|regulators|watchdog|investigat\w*|inquiry|probe|order|orders|ordered|ban|bans|banned|DPC|ICO|CNIL|Garante|FTC|ANPD|EDPB)\b/,
  },
  { kind: 'opt-out', pattern: /\b(opt[- ]?out|opting out|object|objection|objections)\b/i },
  {
    kind: 'data-deal',
    pattern: /\b(deal|deals|licen[cs]\w*|partnership|partners|agreement|sells|sold)\b/i,
  },
  {
    kind: 'policy-change',
    pattern:
      /\b(privacy policy|terms|policy|policies|by default|default|will use|begins|starts|start using|update[sd]?)\b/i,
  },
  { kind: 'statement', pattern: /\b(says|said|statement|denies|denied|clarif\w*|confirms)\b/i },
];

/** A kind guessed from the headline (then the summary), with the word that gave it away. */
export function guessKind(
  title: string,
  summary = '',
): { kind: Kind; because: string } | undefined {
  for (const text of [title, summary]) {
    for (const { kind, pattern } of KIND_HINTS) {
      const m = pattern.exec(text);
      if (m) return { kind, because: m[0] };
    }
  }
  return undefined;
}

/** Cuts text to `max` characters at a sentence end if there is one, else at a word. */
export function cutText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max);
  const sentence = head.lastIndexOf('. ');
  if (sentence > max / 2) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ', max - 1);
  return `${head.slice(0, space > 0 ? space : max - 1).replace(/[\s,;:]+$/, '')}…`;
}

const ymd = (iso: string) => iso.slice(0, 10);

export interface PromotedEntry {
  fileName: string;
  text: string;
  draft: EntryDraft;
}

/**
 * @param story every article of the story, the promoted one included (overrides applied).
 */
export function promoteArticle(article: Article, story: readonly Article[]): PromotedEntry {
  const others = story
    .filter((a) => a.id !== article.id)
    .sort((x, y) => x.published.localeCompare(y.published) || x.id.localeCompare(y.id));
  const guess = guessKind(article.title, article.summary);
  const title = cutText(article.title, 160);
  const summary = article.summary.trim() ? cutText(article.summary, 600) : PLACEHOLDER.summary;
  const date = ymd(article.published);
  const draft: EntryDraft = {
    title,
    date,
    companies: [...article.companies],
    regions: article.regions.length ? [...article.regions] : ['GLOBAL'],
    kind: guess?.kind ?? PLACEHOLDER.kind,
    summary,
    sources: [article, ...others].map((a) => ({
      url: a.url,
      title: cutText(a.title, 300),
      publisher: a.publisher,
      date: ymd(a.published),
    })),
    articles: [article.id, ...others.map((a) => a.id)],
    notes: {
      title: 'This is the publisher’s headline: reword it in our own words if it is not neutral.',
      date: article.dateEstimated
        ? 'The feed gave no date, so this is the day it was fetched: check it.'
        : 'The day the first article was published: use the day of the event if it differs.',
      companies: 'As the tagger filed the story: check them.',
      regions: 'As the tagger filed the story, blocs included: check them.',
      kind: guess
        ? `Guessed from "${guess.because}": check it against the list above.`
        : `No guess was possible: choose one of ${KINDS.join(', ')}.`,
      summary: article.summary.trim()
        ? 'This is the publisher’s summary, as a starting point: rewrite it in our own words.'
        : 'The feed gave no summary.',
    },
  };
  return { fileName: entryFileName(date, title), text: renderEntry(draft), draft };
}
