/**
 * Checks that need more than one file: the same event entered twice, entries that claim an
 * article of another story, and article ids that do not exist.
 */
import type { Article } from '../content/article.ts';
import { isoDay } from '../content/fields.ts';
import { canonicalUrl } from '../ingest/url.ts';
import type { CheckedEntry } from './check-entry.ts';
import type { Problem } from './problem.ts';

/** Entries this many days apart or closer may be the same event. */
export const SAME_EVENT_DAYS = 3;
/** Titles at least this similar (0–1, character pairs) read as the same headline. */
export const SIMILAR_TITLE = 0.7;

const DAY_MS = 86_400_000;

function pairs(s: string): Map<string, number> {
  const norm = s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const out = new Map<string, number>();
  for (let i = 0; i < norm.length - 1; i++) {
    const p = norm.slice(i, i + 2);
    out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character pairs: 1 for the same words, near 0 for unrelated ones. */
export function titleSimilarity(a: string, b: string): number {
  const pa = pairs(a);
  const pb = pairs(b);
  let total = 0;
  let shared = 0;
  for (const n of pa.values()) total += n;
  for (const [p, n] of pb) {
    total += n;
    shared += Math.min(n, pa.get(p) ?? 0);
  }
  return total ? (2 * shared) / total : 0;
}

/** The URL as ingest would store it, so an entry's source matches the article's url. */
export function urlKey(url: string): string {
  const c = canonicalUrl(url);
  return c.ok ? c.url : url.trim();
}

export function duplicateEntries(entries: readonly CheckedEntry[]): Problem[] {
  const problems: Problem[] = [];
  const sorted = [...entries].sort(
    (a, b) => a.data.date.getTime() - b.data.date.getTime() || a.file.localeCompare(b.file),
  );
  for (let j = 0; j < sorted.length; j++) {
    const b = sorted[j]!;
    for (let i = j - 1; i >= 0; i--) {
      const a = sorted[i]!;
      if (b.data.date.getTime() - a.data.date.getTime() > SAME_EVENT_DAYS * DAY_MS) break;
      if (!a.data.companies.some((c) => b.data.companies.includes(c))) continue;
      // The later file (by date, then name) is reported, pointing at the earlier one.
      const [first, second] = [a, b];
      const aUrls = new Set(first.data.sources.map((s) => urlKey(s.url)));
      const shared = second.data.sources.findIndex((s) => aUrls.has(urlKey(s.url)));
      const similar = titleSimilarity(first.data.title, second.data.title) >= SIMILAR_TITLE;
      if (!similar && shared < 0) continue;
      const why = similar ? 'a very similar title' : 'the same source';
      problems.push({
        file: second.file,
        line: similar ? second.lineOf(['title']) : second.lineOf(['sources', shared, 'url']),
        field: similar ? 'title' : `sources[${shared}].url`,
        problem: `looks like the same event as ${first.file} (${isoDay(first.data.date)}, same company, ${why})`,
        fix: 'merge the two into one entry and delete the other file; if they are different events, make each title say what happened',
      });
    }
  }
  return problems;
}

/**
 * Articles an entry covers must be real, covered once, and of the stories it is about. Articles
 * are passed with editors' overrides applied, so a story correction counts.
 */
export function entryArticleLinks(
  entries: readonly CheckedEntry[],
  articles: readonly Article[],
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byUrl = new Map(articles.map((a) => [urlKey(a.url), a]));
  const claimedBy = new Map<string, CheckedEntry>();
  const storiesOf = new Map<CheckedEntry, Set<string>>();
  const ordered = [...entries].sort((x, y) => x.file.localeCompare(y.file));

  for (const e of ordered) {
    const stories = new Set<string>();
    storiesOf.set(e, stories);
    e.data.articles.forEach((id, i) => {
      const a = byId.get(id);
      const line = e.lineOf(['articles', i]) ?? e.lineOf(['articles']);
      if (!a) {
        problems.push({
          file: e.file,
          line,
          field: `articles[${i}]`,
          problem: `no article "${id}" in content/articles/`,
          fix: 'copy the id from the article’s file name without .json, or remove it from the list',
        });
        return;
      }
      stories.add(a.story);
      const other = claimedBy.get(id);
      if (other && other !== e)
        problems.push({
          file: e.file,
          line,
          field: `articles[${i}]`,
          problem: `article ${id} is already covered by ${other.file}`,
          fix: 'one event, one entry: merge the two entries, or remove the article from one of them',
        });
      else claimedBy.set(id, e);
    });
  }

  for (const e of ordered) {
    const stories = storiesOf.get(e)!;
    e.data.sources.forEach((s, i) => {
      const a = byUrl.get(urlKey(s.url));
      if (!a) return;
      const line = e.lineOf(['sources', i, 'url']);
      if (stories.size && !stories.has(a.story)) {
        problems.push({
          file: e.file,
          line,
          field: `sources[${i}].url`,
          problem: `is article ${a.id}, which belongs to another story (${a.story}) than the articles this entry covers`,
          fix: `if it reports the same event, add ${a.id} to articles (or join the stories in content/overrides.yaml); otherwise cite a different page`,
        });
        return;
      }
      const other = claimedBy.get(a.id);
      if (other && other !== e)
        problems.push({
          file: e.file,
          line,
          field: `sources[${i}].url`,
          problem: `is article ${a.id}, which ${other.file} already covers`,
          fix: 'one event, one entry: merge the two entries, or cite a different page',
        });
    });
  }
  return problems;
}

/**
 * A status for a region whose file gives it no name: the matrix, tables and charts could show only
 * the bare code, so the entry is reported as well as the region file, at the status line.
 */
export function statusForUnnamedRegion(
  entries: readonly CheckedEntry[],
  unnamed: ReadonlyMap<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const e of entries)
    e.data.status.forEach((s, i) => {
      const regionFile = unnamed.get(s.region);
      if (!regionFile) return;
      problems.push({
        file: e.file,
        line: e.lineOf(['status', i, 'region']) ?? e.lineOf(['status', i]),
        field: `status[${i}].region`,
        problem: `region ${s.region} has no name in ${regionFile}, so the comparison could only show the bare code`,
        fix: `give the region a name in ${regionFile} (e.g. name: European Union / EEA)`,
      });
    });
  return problems;
}
