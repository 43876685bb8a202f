/**
 * Checks a decoded document before any XML parser sees it: refuses entity tricks (expansion bombs,
 * external entities), expands the harmless internal entities real feeds use, drops DOCTYPEs so no
 * DTD is ever fetched, and recognises pages that are not feeds at all.
 */
import { FeedError } from './errors.ts';

/** Entity declarations beyond this are refused: real feeds declare a handful at most. */
const MAX_ENTITIES = 64;

export interface GuardedXml {
  /** The document without its DOCTYPE, internal entities expanded. */
  xml: string;
  /** Root element name as written, e.g. `rss`, `feed`, `rdf:RDF`. */
  root: string;
  /** `xml:base` on the root element, if any. */
  base?: string;
}

interface Doctype {
  start: number;
  end: number;
  name: string;
  subset: string;
}

/** Finds `<!DOCTYPE …>` and its internal subset, honouring quotes and the `[ … ]` brackets. */
function findDoctype(xml: string): Doctype | undefined {
  const match = /<!DOCTYPE\s+([^\s[>]+)/i.exec(xml);
  if (!match) return undefined;
  let inSubset = false;
  let quote = '';
  let subsetStart = -1;
  let subsetEnd = -1;
  for (let i = match.index + match[0].length; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (!inSubset && c === '[') {
      inSubset = true;
      subsetStart = i + 1;
    } else if (inSubset && c === ']') {
      inSubset = false;
      subsetEnd = i;
    } else if (!inSubset && c === '>') {
      return {
        start: match.index,
        end: i + 1,
        name: match[1]!,
        subset: subsetStart >= 0 ? xml.slice(subsetStart, subsetEnd) : '',
      };
    }
  }
  throw new FeedError('malformed XML: the DOCTYPE is never closed');
}

/** name → replacement text, or a FeedError for anything that could explode or reach out. */
function internalEntities(subset: string, maxBytes: number, body: string): Map<string, string> {
  const entities = new Map<string, string>();
  const declarations = subset.match(/<!ENTITY[\s\S]*?>/gi) ?? [];
  if (declarations.length > MAX_ENTITIES)
    throw new FeedError(
      `refused: the DOCTYPE declares ${declarations.length} entities (a possible entity-expansion bomb)`,
    );
  for (const decl of declarations) {
    if (/^<!ENTITY\s+%/i.test(decl))
      throw new FeedError('refused: the DOCTYPE declares parameter entities');
    const m = /^<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>$/i.exec(decl.trim());
    if (!m) {
      if (/\s(SYSTEM|PUBLIC)\s/i.test(decl))
        throw new FeedError('refused: the DOCTYPE declares an external entity');
      throw new FeedError('malformed XML: an entity declaration in the DOCTYPE cannot be read');
    }
    const value = m[2] ?? m[3] ?? '';
    if (/[&%]/.test(value))
      throw new FeedError(
        'refused: the DOCTYPE declares entities that expand other entities (a possible entity-expansion bomb)',
      );
    entities.set(m[1]!, value);
  }
  let added = 0;
  for (const [name, value] of entities) {
    const uses = body.split(`&${name};`).length - 1;
    added += uses * value.length;
  }
  if (added > maxBytes)
    throw new FeedError(
      `refused: entities in the DOCTYPE would expand the document past ${maxBytes} bytes`,
    );
  return entities;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The first element's name and start tag, skipping the prolog (declaration, PIs, comments). */
function rootElement(xml: string): { name: string; tag: string } | undefined {
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<([A-Za-z_][\w.:-]*)([^>]*)>/gi;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1]) return { name: m[1], tag: m[0] };
  }
  return undefined;
}

const FEED_ROOTS = /^(?:[\w.-]+:)?(?:rss|feed|RDF)$/;

export function guardXml(text: string, maxBytes: number): GuardedXml {
  // A declaration after leading whitespace or a comment is a hard error for strict parsers;
  // dropping it loses nothing, since the text is already decoded.
  let xml = text.trimStart();
  const prolog = /^(?:\s*(?:<!--[\s\S]*?-->|<\?[\s\S]*?\?>))*/.exec(xml)![0];
  xml = (prolog.replace(/<\?xml\s[\s\S]*?\?>/g, '') + xml.slice(prolog.length)).trimStart();
  if (!xml.startsWith('<')) throw new FeedError('not a feed: the body is not XML or JSON');

  const doctype = findDoctype(xml);
  if (doctype && /^html$/i.test(doctype.name))
    throw new FeedError('not a feed: the URL returned an HTML page');
  if (doctype) {
    const body = xml.slice(doctype.end);
    const entities = doctype.subset ? internalEntities(doctype.subset, maxBytes, body) : new Map();
    let expanded = body;
    for (const [name, value] of entities)
      expanded = expanded.split(`&${name};`).join(escapeXml(value));
    xml = xml.slice(0, doctype.start) + expanded;
  }

  const root = rootElement(xml);
  if (!root) throw new FeedError('not a feed: the document has no root element');
  if (/^html$/i.test(root.name)) throw new FeedError('not a feed: the URL returned an HTML page');
  if (!FEED_ROOTS.test(root.name))
    throw new FeedError(`not a feed: the root element is <${root.name}>, not RSS or Atom`);
  const base = /\sxml:base\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(root.tag);
  const baseValue = base ? (base[1] ?? base[2] ?? '').trim() : '';
  return baseValue ? { xml, root: root.name, base: baseValue } : { xml, root: root.name };
}

/**
 * Prefixes bound to the feed's own vocabulary (`<rss:item>` in RSS 1.0, `<p0:entry>` in Atom).
 * rss-parser reads unprefixed names only, so these prefixes are dropped, but only for the
 * vocabulary of the root element: an RSS 2.0 feed's `atom:link` must stay what it is.
 */
export function ownPrefixes(xml: string, root: string): string[] {
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  const namespaces =
    local === 'feed'
      ? ['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#']
      : local === 'RDF'
        ? ['http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/']
        : [];
  const prefixes = new Set<string>();
  for (const m of xml.matchAll(/\sxmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (namespaces.includes((m[2] ?? m[3] ?? '').trim())) prefixes.add(m[1]!);
  }
  if (local === 'feed' && root.includes(':')) prefixes.add(root.slice(0, root.indexOf(':')));
  return [...prefixes];
}

/** Escapes ampersands that start no entity: the commonest way a feed breaks XML. */
export function escapeBareAmpersands(xml: string): string {
  return xml.replace(/&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);)/g, '&amp;');
}
