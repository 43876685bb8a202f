/**
 * Which stories the entries tie each cited URL to. `npm run check` fails when an entry cites an
 * article of another story than the articles it covers; ingest reads the same facts so that an
 * article it is about to store never creates that clash.
 */
import { readEntryFrontMatter } from '../editorial/entry-front-matter.ts';
import { canonicalUrl } from './url.ts';

export interface Citing {
  /** The entry file, as shown in messages. */
  file: string;
  /** Stories of the articles the entry covers (editors' story corrections applied). */
  stories: ReadonlySet<string>;
}

/** Canonical URL → the entries that cite it as a source and cover at least one article. */
export type Citations = ReadonlyMap<string, readonly Citing[]>;

/** The key check matches an entry's source to an article by: the canonical URL. */
export function citationKey(url: string): string {
  const c = canonicalUrl(url);
  return c.ok ? c.url : url.trim();
}

/**
 * Reads entries leniently (a half-written one still counts); `storyOf` gives an article's story
 * as the site shows it, or undefined for an id that is not stored.
 */
export function readCitations(
  entriesDir: string,
  storyOf: (id: string) => string | undefined,
): Citations {
  const out = new Map<string, Citing[]>();
  for (const { name, data } of readEntryFrontMatter(entriesDir)) {
    const stories = new Set<string>();
    for (const id of Array.isArray(data.articles) ? data.articles : []) {
      const story = typeof id === 'string' ? storyOf(id.trim()) : undefined;
      if (story) stories.add(story);
    }
    if (!stories.size) continue;
    for (const s of Array.isArray(data.sources) ? data.sources : []) {
      const url = (s as { url?: unknown } | null)?.url;
      if (typeof url !== 'string') continue;
      const key = citationKey(url);
      out.set(key, [...(out.get(key) ?? []), { file: `entries/${name}`, stories }]);
    }
  }
  return out;
}

export type StoryVerdict = { story: string; joined?: Citing } | { setAside: string };

/**
 * The story an article may be stored under: its own when no entry ties its URL to another, the
 * entries' story when they agree on one, and none (set aside, with the reason) when the entries
 * citing it cover different stories, which only an editor can settle.
 */
export function storyFor(url: string, story: string, citations: Citations): StoryVerdict {
  const citing = citations.get(citationKey(url)) ?? [];
  if (!citing.length) return { story };
  const common = [...citing[0]!.stories].filter((s) => citing.every((c) => c.stories.has(s)));
  if (common.includes(story)) return { story };
  const chosen = common.sort()[0];
  if (chosen) return { story: chosen, joined: citing[0]! };
  return {
    setAside: `its URL is cited by ${citing
      .map((c) => `${c.file} (story ${[...c.stories].sort().join(', ')})`)
      .join(' and ')}, which cover different stories`,
  };
}
