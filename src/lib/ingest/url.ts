/**
 * Canonical article URLs and the ids derived from them. Two feeds linking the same page with
 * different tracking parameters must land on one article, so the id hangs off the cleaned URL.
 */
import { createHash } from 'node:crypto';

/** Query parameters that only identify a campaign, click or mailing, never the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref_src',
  'ref_url',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  '_ga',
  '_gl',
  's_kwcid',
  'cmpid',
]);

const isTracking = (name: string) => {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
};

export type UrlResult = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Resolves `raw` against `base`, keeps it only if it is http(s), and drops the fragment, any
 * credentials and tracking parameters. Everything else (path, remaining query order) is kept:
 * servers may treat them as meaningful.
 */
export function canonicalUrl(raw: string, base?: string): UrlResult {
  const trimmed = raw.trim();
  if (!trimmed) return { ok: false, reason: 'has no link' };
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return { ok: false, reason: `link "${raw.slice(0, 80)}" is not a valid URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `link uses ${url.protocol} (only http and https are kept)` };
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  if (kept.length !== [...url.searchParams].length) {
    const query = new URLSearchParams(kept).toString();
    url.search = query ? `?${query}` : '';
  }
  return { ok: true, url: url.toString() };
}

/**
 * A readable, stable id: a slug of host and path (so editors recognise the article in a file
 * listing) plus a hash of the whole canonical URL (so two URLs never share an id).
 */
export function articleId(canonical: string): string {
  const url = new URL(canonical);
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 10);
  const readable = `${url.hostname.replace(/^www\./, '')}${url.pathname}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return readable ? `${readable}-${hash}` : hash;
}
