/** Which entry, if any, already covers one of a story's articles (by id or by source URL). */
import type { Article } from '../content/article.ts';
import { urlKey } from './cross-checks.ts';
import { readEntryFrontMatter } from './entry-front-matter.ts';

export interface Covering {
  file: string;
  /** "article <id>" or "source <url>". */
  what: string;
}

/** Reads entries leniently (no schema), so a half-written entry still counts as covering. */
export function coveringEntry(entriesDir: string, story: readonly Article[]): Covering | undefined {
  const ids = new Set(story.map((a) => a.id));
  const urls = new Map(story.map((a) => [urlKey(a.url), a.url]));
  for (const { file, data } of readEntryFrontMatter(entriesDir)) {
    const articles = Array.isArray(data['articles']) ? data['articles'] : [];
    const hit = articles.find((a) => typeof a === 'string' && ids.has(a.trim()));
    if (hit) return { file, what: `article ${String(hit)}` };
    const sources = Array.isArray(data['sources']) ? data['sources'] : [];
    for (const s of sources) {
      const url = (s as { url?: unknown } | null)?.url;
      if (typeof url === 'string' && urls.has(urlKey(url))) return { file, what: `source ${url}` };
    }
  }
  return undefined;
}
