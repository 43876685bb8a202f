/**
 * One list for the whole site: curated entries and ingested stories become `TimelineItem`s, the
 * shape every page, feed, export and the search index read. Editors' overrides are applied here,
 * on the way out, so no later ingest can undo them.
 */
import type { Article } from '../content/article.ts';
import type { Entry, Kind, OptOut, Training } from '../content/entry.ts';
import { isoDay } from '../content/fields.ts';
import type { Overrides } from '../content/overrides.ts';

export interface SourceLink {
  url: string;
  title: string;
  publisher?: string | undefined;
  /** YYYY-MM-DD or ISO 8601. */
  date?: string | undefined;
}

/** What one entry changed for one company in one region: the comparison matrix is built from these. */
export interface StatusChange {
  company: string;
  region: string;
  training: Training;
  optOut?: OptOut | undefined;
  optOutUrl?: string | undefined;
  note?: string | undefined;
  /** True when the line confirms the status in force rather than changing it. */
  confirms?: true | undefined;
}

export interface TimelineItem {
  type: 'entry' | 'story';
  /** Entry slug, or the story id. Unique across both types. */
  id: string;
  title: string;
  /** ISO 8601 (entries: the day at 00:00 UTC). Items sort by it. */
  date: string;
  datePrecision: 'day' | 'month';
  /** Entries only. */
  kind?: Kind | undefined;
  summary: string;
  companies: string[];
  regions: string[];
  /** Where the heading links: the entry page, or a story's lead article. */
  href: string;
  sources: SourceLink[];
  /** Stories only: why it was tagged as it was. */
  why?: string[] | undefined;
  /** Stories only: ISO 639-1 code of the lead article's language, as the classifier detected it. */
  language?: string | undefined;
  /** Entries only: YYYY-MM-DD on which a change takes effect or a deadline falls. */
  effective?: string | undefined;
  /** Entries only: what the event changed per company and region (empty when nothing). */
  status?: StatusChange[] | undefined;
}

export interface EntryRecord {
  id: string;
  data: Entry;
}

export function entryToItem({ id, data }: EntryRecord): TimelineItem {
  return {
    type: 'entry',
    id,
    title: data.title,
    date: data.date.toISOString(),
    datePrecision: data.datePrecision,
    kind: data.kind,
    summary: data.summary,
    companies: data.companies,
    regions: data.regions,
    href: `/entries/${id}/`,
    sources: sourceLinks(data.sources),
    effective: data.effective && isoDay(data.effective),
    status: statusChanges(data.status),
  };
}

/** An entry's sources as links, their dates written YYYY-MM-DD. */
export function sourceLinks(sources: Entry['sources']): SourceLink[] {
  return sources.map((s) => ({
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    date: s.date && isoDay(s.date),
  }));
}

/** An entry's status lines, copied so that a consumer can never alter the stored entry. */
export function statusChanges(status: Entry['status']): StatusChange[] {
  return status.map((s) => ({
    company: s.company,
    region: s.region,
    training: s.training,
    optOut: s.optOut,
    optOutUrl: s.optOutUrl,
    note: s.note,
    confirms: s.confirms,
  }));
}

/** Applies editors' overrides: hidden articles go, corrected tags and stories replace the tagger's. */
export function applyOverrides(
  articles: readonly Article[],
  overrides: Overrides,
  blocsOf: ReadonlyMap<string, readonly string[]> = new Map(),
): Article[] {
  const out: Article[] = [];
  for (const a of articles) {
    const o = overrides.articles[a.id];
    if (!o) {
      out.push(a);
      continue;
    }
    if (o.hide) continue;
    const note = `editor: ${o.reason ?? 'tags corrected by hand'}`;
    out.push({
      ...a,
      companies: o.companies ?? a.companies,
      regions: o.regions
        ? [...new Set(o.regions.flatMap((r) => [r, ...(blocsOf.get(r) ?? [])]))]
        : a.regions,
      story: o.story ?? a.story,
      why: [...a.why, note],
    });
  }
  return out;
}

/** Groups articles by story; the earliest article leads and dates the story. */
export function storiesToItems(articles: readonly Article[]): TimelineItem[] {
  const byStory = new Map<string, Article[]>();
  for (const a of articles) {
    const group = byStory.get(a.story);
    if (group) group.push(a);
    else byStory.set(a.story, [a]);
  }
  const items: TimelineItem[] = [];
  for (const [story, group] of byStory) {
    group.sort((x, y) => x.published.localeCompare(y.published) || x.id.localeCompare(y.id));
    const lead = group[0]!;
    items.push({
      type: 'story',
      id: story,
      title: lead.title,
      date: lead.published,
      datePrecision: 'day',
      summary: lead.summary,
      companies: [...new Set(group.flatMap((a) => a.companies))].sort(),
      regions: [...new Set(group.flatMap((a) => a.regions))].sort(),
      href: lead.url,
      sources: group.map((a) => ({
        url: a.url,
        title: a.title,
        publisher: a.publisher,
        date: a.published,
      })),
      why: [...new Set(group.flatMap((a) => a.why))],
      language: lead.language,
    });
  }
  return items;
}

type Dated = Pick<TimelineItem, 'date' | 'id'>;

/**
 * Newest first; ties broken by id so the order is stable from build to build. Timeline items,
 * feeds and exported records all sort this way.
 */
export function byNewest(a: Dated, b: Dated): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

export interface BuildItemsInput {
  entries: readonly EntryRecord[];
  articles: readonly Article[];
  overrides?: Overrides;
  blocsOf?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Everything the site shows, newest first. Drafts are left out, and a story an entry already
 * covers (one of its articles is in the entry's `articles` list or sources) is shown only with
 * that entry.
 */
export function buildItems({
  entries,
  articles,
  overrides = { articles: {} },
  blocsOf,
}: BuildItemsInput): TimelineItem[] {
  const published = entries.filter((e) => !e.data.draft);
  const coveredIds = new Set(published.flatMap((e) => e.data.articles));
  const coveredUrls = new Set(published.flatMap((e) => e.data.sources.map((s) => s.url)));
  const corrected = applyOverrides(articles, overrides, blocsOf);
  // A whole story goes with its entry, so articles that join it after promotion stay with it too.
  const coveredStories = new Set(
    corrected.filter((a) => coveredIds.has(a.id) || coveredUrls.has(a.url)).map((a) => a.story),
  );
  const visible = corrected.filter((a) => !coveredStories.has(a.story));
  return [...published.map(entryToItem), ...storiesToItems(visible)].sort(byNewest);
}
