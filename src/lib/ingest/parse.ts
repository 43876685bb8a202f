/**
 * Response body to raw items: unpack, decode, guard, then rss-parser (RSS 0.9x/1.0/2.0, Atom) or
 * the JSON Feed reader. Every failure is a FeedError with a reason an editor can act on.
 */
import Parser from 'rss-parser';
import { decodeBody, gunzipIfNeeded } from './decode.ts';
import { FeedError } from './errors.ts';
import { parseJsonFeed } from './json-feed.ts';
import type { ParsedFeed, RawItem } from './parsed.ts';
import { escapeBareAmpersands, guardXml, ownPrefixes } from './xml-guard.ts';

/**
 * rss-parser converts Atom dates itself and rejects the whole feed when one is unreadable, so
 * the date elements reach it under other names and are read raw here.
 */
const RENAMED: Record<string, string> = { published: 'aidw-published', updated: 'aidw-updated' };

interface ParserItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  summary?: unknown;
  content?: unknown;
  'content:encoded'?: unknown;
  pubDate?: unknown;
  date?: unknown;
  rawPublished?: unknown;
  rawUpdated?: unknown;
}

function describeXmlError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const [first, ...rest] = message.split('\n');
  const line = /Line:\s*(\d+)/.exec(rest.join(' '));
  const column = /Column:\s*(\d+)/.exec(rest.join(' '));
  const at = line && column ? ` (line ${Number(line[1]) + 1}, column ${column[1]})` : '';
  return `${first}${at}`;
}

async function runRssParser(xml: string, prefixes: readonly string[]) {
  const strip = (name: string) => {
    const colon = name.indexOf(':');
    const local =
      colon > 0 && prefixes.includes(name.slice(0, colon)) ? name.slice(colon + 1) : name;
    return RENAMED[local] ?? local;
  };
  const parser = new Parser<Record<string, unknown>, ParserItem>({
    defaultRSS: 2,
    xml2js: { tagNameProcessors: [strip] },
    customFields: {
      item: [
        ['aidw-published', 'rawPublished'],
        ['aidw-updated', 'rawUpdated'],
      ],
    },
  });
  return parser.parseString(xml);
}

export interface ParseLimits {
  /** Largest document accepted after unpacking and entity expansion. */
  maxBytes: number;
}

/** Bytes as fetched (or read from disk) to a parsed feed. Throws FeedError, never anything else. */
export async function parseFeedBody(
  bytes: Uint8Array,
  contentType: string | undefined,
  { maxBytes }: ParseLimits,
): Promise<ParsedFeed> {
  try {
    const body = gunzipIfNeeded(bytes, maxBytes);
    if (body.length === 0) throw new FeedError('not a feed: the body is empty');
    const { text } = decodeBody(body, contentType);
    const start = text.trimStart();
    if (!start) throw new FeedError('not a feed: the body is only whitespace');
    if (start.startsWith('{') || start.startsWith('[')) return parseJsonFeed(start);
    if (/^<!doctype\s+html|^<html[\s>]/i.test(start))
      throw new FeedError('not a feed: the URL returned an HTML page');

    const guarded = guardXml(start, maxBytes);
    const local = guarded.root.slice(guarded.root.indexOf(':') + 1);
    const format = local === 'feed' ? 'atom' : local === 'RDF' ? 'rdf' : 'rss';
    const base = guarded.base ? { base: guarded.base } : {};
    const prefixes = ownPrefixes(guarded.xml, guarded.root);
    let output;
    try {
      output = await runRssParser(guarded.xml, prefixes);
    } catch (first) {
      // rss-parser dereferences the channel unconditionally; a well-formed feed without one
      // simply has no items yet.
      if (first instanceof TypeError && !/<(?:[\w.-]+:)?channel[\s>/]/.test(guarded.xml))
        return { format, title: '', ...base, items: [] };
      if (!/entity/i.test(describeXmlError(first))) throw first;
      output = await runRssParser(escapeBareAmpersands(guarded.xml), prefixes);
    }
    return {
      format,
      title: typeof output.title === 'string' ? output.title : '',
      ...base,
      items: output.items.map((item): RawItem => ({
        title: item.title,
        link: item.link,
        id: item.guid ?? item.id,
        summaries: [item.summary, item.content, item['content:encoded']],
        dates: [item.rawPublished, item.pubDate, item.date, item.rawUpdated],
      })),
    };
  } catch (e) {
    if (e instanceof FeedError) throw e;
    if (e instanceof TypeError)
      throw new FeedError(`not a feed rss-parser understands: ${e.message}`);
    throw new FeedError(`malformed XML: ${describeXmlError(e)}`);
  }
}
