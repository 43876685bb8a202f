/**
 * Builds the search index from the timeline items at build time: a vocabulary with posting lists
 * for titles and summaries, the items' tags as small integers, and the display data split into
 * docs chunks. Pure: items and taxonomy in, serialisable data out.
 */
import { createHash } from 'node:crypto';
import { KINDS } from '../content/entry.ts';
import type { Company, Region } from '../content/taxonomy.ts';
import type { TimelineItem } from '../timeline/items.ts';
import {
  DOCS_CHUNK,
  FORMAT_VERSION,
  type DocRow,
  type DocsChunk,
  type SearchIndexFile,
} from './format.ts';
import { terms } from './normalize.ts';
import { VarintWriter } from './varint.ts';

export interface BuiltSearchIndex {
  index: SearchIndexFile;
  /** Posting lists, one per vocabulary word in `index.t` order (see encodePostings). */
  postings: Uint8Array<ArrayBuffer>;
  chunks: DocsChunk[];
}

export interface TaxonomyNames {
  companies: readonly Pick<Company, 'id' | 'name' | 'aliases' | 'products'>[];
  regions: readonly Pick<Region, 'code' | 'name' | 'aliases'>[];
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);

/** Index of each value in a table, adding unknown values at the end. */
function interner(table: string[]) {
  const at = new Map(table.map((v, i) => [v, i]));
  return (value: string): number => {
    let i = at.get(value);
    if (i === undefined) {
      i = table.length;
      table.push(value);
      at.set(value, i);
    }
    return i;
  };
}

const joinNames = (names: readonly string[]) => names.join(' | ');

function publishersOf(item: TimelineItem): string[] {
  return [...new Set(item.sources.map((s) => s.publisher).filter((p): p is string => !!p))];
}

function docRow(item: TimelineItem): DocRow {
  const row: DocRow = {
    id: item.id,
    title: item.title,
    summary: item.summary,
    href: item.href,
    date: item.date,
    type: item.type,
    sources: item.sources.map((s) => ({
      url: s.url,
      title: s.title,
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.date ? { date: s.date } : {}),
    })),
  };
  if (item.datePrecision === 'month') row.month = true;
  if (item.effective) row.effective = item.effective;
  if (item.why?.length) row.why = item.why;
  return row;
}

/**
 * Posting list layout: for each word, the items it occurs in as varints of
 * `(gap << 1) | inTitle`, where gap is the distance from the previous item (from -1 for the first,
 * so every gap is ≥ 1), and a 0 byte ends the list.
 */
function encodePostings(lists: readonly (readonly number[])[]): Uint8Array<ArrayBuffer> {
  const w = new VarintWriter();
  for (const list of lists) {
    let prev = -1;
    for (const code of list) {
      const item = code >> 1;
      w.write(((item - prev) << 1) | (code & 1));
      prev = item;
    }
    w.write(0);
  }
  return w.bytes();
}

/** `items` must be in timeline order (newest first), as siteData() gives them. */
export function buildSearchIndex(
  items: readonly TimelineItem[],
  taxonomy: TaxonomyNames,
  chunkSize = DOCS_CHUNK,
): BuiltSearchIndex {
  const co: [string, string, string][] = taxonomy.companies.map((c) => [
    c.id,
    c.name,
    joinNames([...c.aliases, ...c.products]),
  ]);
  const re: [string, string, string][] = taxonomy.regions.map((r) => [
    r.code,
    r.name,
    joinNames(r.aliases),
  ]);
  const companyIds = co.map((c) => c[0]);
  const regionCodes = re.map((r) => r[0]);
  const companyAt = interner(companyIds);
  const regionAt = interner(regionCodes);
  const pu: string[] = [];
  const publisherAt = interner(pu);

  const vocabulary = new Map<string, number[]>();
  const d: number[] = [];
  const k: number[] = [];
  const c: number[][] = [];
  const r: number[][] = [];
  const p: number[][] = [];
  let prevDay: number | undefined;
  items.forEach((item, i) => {
    const day = dayNumber(item.date);
    if (!Number.isFinite(day))
      throw new Error(`search index: item "${item.id}" has no valid date (${item.date})`);
    if (prevDay !== undefined && day > prevDay) {
      throw new Error(
        `search index: items must be newest first, but "${item.id}" is newer than the item before it`,
      );
    }
    d.push(prevDay === undefined ? day : prevDay - day);
    prevDay = day;
    k.push(item.kind ? KINDS.indexOf(item.kind) + 1 : 0);
    c.push(item.companies.map(companyAt));
    r.push(item.regions.map(regionAt));
    p.push(publishersOf(item).map(publisherAt));

    const inTitle = new Set(terms(item.title));
    const all = new Set([...inTitle, ...terms(item.summary)]);
    for (const word of all) {
      let list = vocabulary.get(word);
      if (!list) vocabulary.set(word, (list = []));
      list.push((i << 1) | (inTitle.has(word) ? 1 : 0));
    }
  });
  // Ids met in items but missing from the taxonomy still get a row, named by their id.
  for (let i = co.length; i < companyIds.length; i++) co.push([companyIds[i]!, companyIds[i]!, '']);
  for (let i = re.length; i < regionCodes.length; i++)
    re.push([regionCodes[i]!, regionCodes[i]!, '']);

  const t = [...vocabulary.keys()].sort();
  const postings = encodePostings(t.map((w) => vocabulary.get(w)!));
  const body = {
    v: FORMAT_VERSION,
    ki: ['news', ...KINDS] as string[],
    n: items.length,
    cs: chunkSize,
    co,
    re,
    pu,
    t,
    d,
    k,
    c,
    r,
    p,
  } as const;
  const rows = items.map(docRow);
  const h = createHash('sha256')
    .update(JSON.stringify(body))
    .update(postings)
    .update(JSON.stringify(rows))
    .digest('hex')
    .slice(0, 12);
  const chunks: DocsChunk[] = [];
  for (let from = 0; from < rows.length; from += chunkSize) {
    chunks.push({ h, from, rows: rows.slice(from, from + chunkSize) });
  }
  return { index: { ...body, h }, postings, chunks };
}

const built = new WeakMap<readonly TimelineItem[], BuiltSearchIndex>();

/** The index for this item list, built once however many endpoints ask for it during a build. */
export function searchIndexFor(
  items: readonly TimelineItem[],
  taxonomy: TaxonomyNames,
): BuiltSearchIndex {
  let hit = built.get(items);
  if (!hit) {
    hit = buildSearchIndex(items, taxonomy);
    built.set(items, hit);
  }
  return hit;
}
