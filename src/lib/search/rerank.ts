/**
 * fuse.js orders the results shown on screen. The engine finds and pre-ranks every match from the
 * posting lists; fuse then scores the few results whose text has been fetched (their docs chunk)
 * on title, summary, tags and publisher, which only a look at the actual text can do well: how
 * close each word comes, in which field, in how long a text.
 */
import Fuse from 'fuse.js';
import type { DocRow } from './format.ts';
import { normalize } from './normalize.ts';
import { THRESHOLD } from './fuzzy.ts';

export interface RerankRow {
  /** Timeline position of the item. */
  id: number;
  doc: DocRow;
  /** Company, region and publisher names of the item, joined. */
  tags: string;
}

/**
 * The rows reordered best first by fuse.js; rows fuse does not match keep their order after the
 * ones it does (they matched in the engine through a tag or a looser typo and stay in the list).
 */
export function rerank(words: readonly string[], rows: readonly RerankRow[]): RerankRow[] {
  if (!words.length || rows.length < 2) return [...rows];
  const docs = rows.map((row) => ({
    row,
    title: normalize(row.doc.title),
    summary: normalize(row.doc.summary),
    tags: normalize(row.tags),
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'summary', weight: 1 },
      { name: 'tags', weight: 1 },
    ],
    useTokenSearch: true,
    threshold: THRESHOLD,
    ignoreLocation: true,
    includeScore: true,
  });
  const ranked = fuse.search(words.join(' ')).map((r) => r.item.row);
  const seen = new Set(ranked);
  return [...ranked, ...rows.filter((r) => !seen.has(r))];
}
