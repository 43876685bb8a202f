/**
 * fuse.js orders the results shown on screen. The engine finds and pre-ranks every match from the
 * posting lists; fuse then scores the few results whose text has been fetched (their docs chunk)
 * on their title and full text (summary, tags and publisher too), which only a look at the actual
 * text can do well: how close each word comes, whether the title has it, in how long a text.
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
  // Extended search requires every word within one field, so the second field holds all the text:
  // an item matches through `all`, and ranks higher when its title alone has every word.
  const docs = rows.map((row) => {
    const title = normalize(row.doc.title);
    return { row, title, all: `${title} ${normalize(row.doc.summary)} ${normalize(row.tags)}` };
  });
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'title', weight: 2 },
      { name: 'all', weight: 1 },
    ],
    useExtendedSearch: true,
    threshold: THRESHOLD,
    ignoreLocation: true,
    includeScore: true,
  });
  const ranked = fuse.search(words.join(' ')).map((r) => r.item.row);
  const seen = new Set(ranked);
  return [...ranked, ...rows.filter((r) => !seen.has(r))];
}
