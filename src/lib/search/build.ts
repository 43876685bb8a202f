/**
 * Builds the search index from the timeline items at build time: a sorted vocabulary whose posting
 * lists are cut into shards of about SHARD_BYTES, the items' days, kinds and tags as one small
 * binary file, and the display data split into docs chunks (see format.ts). Pure: items and
 * taxonomy in, file contents out.
 */
import { createHash } from 'node:crypto';
import { KINDS } from '../content/entry.ts';
import type { Company, Region } from '../content/taxonomy.ts';
import type { TimelineItem } from '../timeline/items.ts';
import {
  DOCS_CHUNK,
  FORMAT_VERSION,
  SHARD_BYTES,
  encodeBits,
  encodeVocabulary,
  fileHeader,
  type DocRow,
  type DocsChunk,
  type SearchMeta,
} from './format.ts';
import { terms } from './normalize.ts';
import { typoVariants } from './variants.ts';
import { VarintWriter } from './varint.ts';
import { partLang } from '../timeline/labels.ts';

export interface BuiltSearchIndex {
  meta: SearchMeta;
  /** Binary files by name: the per-item data and the posting shards. */
  files: Map<string, Uint8Array<ArrayBuffer>>;
  chunks: DocsChunk[];
}

export interface TaxonomyNames {
  companies: readonly Pick<Company, 'id' | 'name' | 'aliases' | 'products'>[];
  regions: readonly Pick<Region, 'code' | 'name' | 'aliases' | 'memberOf'>[];
}

/**
 * A word used by at least one item in this many (and by three at least) is a real word of the
 * archive (SearchMeta.common); rarer ones may be writers' slips, like "Linkdin" in a feed.
 */
const COMMON_SHARE = 2000;

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
    // A story's one source usually repeats the item's link, title and date: left out, the reader
    // fills them back (compactSource/fullSource), which halves the docs a page of results fetches.
    sources: item.sources.map((s) => ({
      ...(s.url !== item.href ? { url: s.url } : {}),
      ...(s.title !== item.title ? { title: s.title } : {}),
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.date === item.date ? {} : { date: s.date ?? '' }),
    })),
  };
  if (item.datePrecision === 'month') row.month = true;
  if (item.effective) row.effective = item.effective;
  if (item.why?.length) row.why = item.why;
  const lang = partLang(item.language);
  if (lang) row.lang = lang;
  return row;
}

/**
 * One posting list: the items a word occurs in as varints of `(gap << 1) | inTitle`, where gap is
 * the distance from the previous item (from -1 for the first, so every gap is ≥ 1), then a 0.
 */
function writePostings(w: VarintWriter, list: readonly number[]): void {
  let prev = -1;
  for (const code of list) {
    const item = code >> 1;
    w.write(((item - prev) << 1) | (code & 1));
    prev = item;
  }
  w.write(0);
}

/**
 * The items a word's misspellings (typoVariants) occur in that the word itself does not, as one
 * posting list (in title when a misspelling is in the item's title).
 */
function typoPostings(
  lists: readonly (readonly number[])[],
  at: number,
  variants: readonly number[],
): number[] {
  const own = new Set(lists[at]!.map((code) => code >> 1));
  const codes = new Map<number, number>();
  for (const v of variants)
    for (const code of lists[v]!) {
      const item = code >> 1;
      if (!own.has(item)) codes.set(item, (codes.get(item) ?? 0) | (code & 1));
    }
  return [...codes].sort((a, b) => a[0] - b[0]).map(([item, title]) => (item << 1) | title);
}

const sha = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 12);
};

const withHeader = (hash: string, body: Uint8Array) => {
  const header = fileHeader(hash);
  const out = new Uint8Array(header.length + body.length);
  out.set(header);
  out.set(body, header.length);
  return out;
};

/**
 * Days, kinds, companies and regions per item, column by column (each column compresses well on
 * its own: all company counts, then all company indexes, then the same for regions). Regions leave out the blocs another of the item's regions implies (IE implies EU):
 * the reader adds them back from SearchMeta.re.
 */
function encodeItems(
  days: readonly number[],
  kinds: readonly number[],
  companies: readonly (readonly number[])[],
  regions: readonly (readonly number[])[],
  blocs: readonly (readonly number[])[],
): Uint8Array<ArrayBuffer> {
  const w = new VarintWriter();
  days.forEach((d) => w.write(d));
  kinds.forEach((k) => w.write(k));
  const own = regions.map((list) => {
    const implied = new Set(list.flatMap((r) => blocs[r] ?? []));
    return list.filter((r) => !implied.has(r));
  });
  for (const lists of [companies, own]) {
    lists.forEach((list) => w.write(list.length));
    lists.forEach((list) => list.forEach((x) => w.write(x)));
  }
  return w.bytes();
}

/** `items` must be in timeline order (newest first), as siteData() gives them. */
export function buildSearchIndex(
  items: readonly TimelineItem[],
  taxonomy: TaxonomyNames,
  opts: { chunkSize?: number; shardBytes?: number } = {},
): BuiltSearchIndex {
  const chunkSize = opts.chunkSize ?? DOCS_CHUNK;
  const shardBytes = opts.shardBytes ?? SHARD_BYTES;
  const co: [string, string, string][] = taxonomy.companies.map((c) => [
    c.id,
    c.name,
    joinNames([...c.aliases, ...c.products]),
  ]);
  const companyIds = co.map((c) => c[0]);
  const regionCodes = taxonomy.regions.map((r) => r.code);
  const companyAt = interner(companyIds);
  const regionAt = interner(regionCodes);

  const vocabulary = new Map<string, number[]>();
  const days: number[] = [];
  const kinds: number[] = [];
  const companies: number[][] = [];
  const regions: number[][] = [];
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
    days.push(prevDay === undefined ? day : prevDay - day);
    prevDay = day;
    kinds.push(item.kind ? KINDS.indexOf(item.kind) + 1 : 0);
    companies.push(item.companies.map(companyAt));
    regions.push(item.regions.map(regionAt));

    const inTitle = new Set(terms(item.title));
    const all = new Set([
      ...inTitle,
      ...terms(item.summary),
      ...publishersOf(item).flatMap((p) => terms(p)),
    ]);
    for (const word of all) {
      let list = vocabulary.get(word);
      if (!list) vocabulary.set(word, (list = []));
      list.push((i << 1) | (inTitle.has(word) ? 1 : 0));
    }
  });
  // Ids met in items but missing from the taxonomy (companies the classifier proposed) still get
  // a row, named by their id, after the taxonomy's: those have no page.
  const withPages = co.length;
  for (let i = co.length; i < companyIds.length; i++) co.push([companyIds[i]!, companyIds[i]!, '']);
  const re: [string, string, string, number[]][] = regionCodes.map((code, i) => {
    const r = taxonomy.regions[i];
    return r
      ? [code, r.name, joinNames(r.aliases), r.memberOf.map(regionAt)]
      : [code, code, '', []];
  });
  // memberOf may name a bloc no item uses: regionAt added it to the table after the map began.
  for (let i = re.length; i < regionCodes.length; i++)
    re.push([regionCodes[i]!, regionCodes[i]!, '', []]);

  const t = [...vocabulary.keys()].sort();
  const commonDf = Math.max(3, Math.ceil(items.length / COMMON_SHARE));
  const lists = t.map((w) => vocabulary.get(w)!);
  const counts = lists.map((l) => l.length);
  const common = encodeBits(counts.map((c) => c >= commonDf));
  const variants = typoVariants(t, counts, commonDf);
  const shardBodies: { from: number; bytes: Uint8Array<ArrayBuffer> }[] = [];
  let writer = new VarintWriter();
  let from = 0;
  t.forEach((_, i) => {
    writePostings(writer, lists[i]!);
    writePostings(writer, typoPostings(lists, i, variants[i]!));
    if (writer.length >= shardBytes || i === t.length - 1) {
      shardBodies.push({ from, bytes: writer.bytes() });
      writer = new VarintWriter();
      from = i + 1;
    }
  });
  const itemBytes = encodeItems(
    days,
    kinds,
    companies,
    regions,
    re.map((r) => r[3]),
  );
  const rows = items.map(docRow);
  const body = {
    v: FORMAT_VERSION,
    n: items.length,
    cs: chunkSize,
    co,
    cp: withPages,
    re,
    ki: ['news', ...KINDS],
    t: encodeVocabulary(t),
    common,
  };
  const h = sha(
    JSON.stringify(body),
    itemBytes,
    ...shardBodies.map((s) => s.bytes),
    JSON.stringify(rows),
  );
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const itemsName = `items.${h}.bin`;
  files.set(itemsName, withHeader(h, itemBytes));
  const sh: [number, string][] = shardBodies.map(({ from: first, bytes }) => {
    const file = withHeader(h, bytes);
    const name = `shard-${sha(file)}.bin`;
    files.set(name, file);
    return [first, name];
  });
  const chunks: DocsChunk[] = [];
  for (let at = 0; at < rows.length; at += chunkSize) {
    chunks.push({ h, from: at, rows: rows.slice(at, at + chunkSize) });
  }
  return { meta: { ...body, v: FORMAT_VERSION, h, sh, items: itemsName }, files, chunks };
}

/** The file name of a build's meta; the page that hosts the search box links to it. */
export const metaFileName = (meta: SearchMeta) => `index.${meta.h}.json`;

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
