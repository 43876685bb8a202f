/**
 * Warnings about the sources an entry cites: a headline with the publisher tacked on in brackets,
 * one page cited twice, and an entry resting only on aggregators while the regulator's or
 * company's own page is known. None of these stops the update; each deserves an editor's look.
 */
import { onDomain, type PrimarySources } from '../content/primary-sources.ts';
import type { CheckedEntry } from './check-entry.ts';
import { urlKey } from './cross-checks.ts';
import type { Problem } from './problem.ts';

const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '');

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};

/** Parts of a host name that say nothing about who the site is. */
const GENERIC_LABELS = new Set(['www', 'www1', 'news', 'blog', 'blogs', 'amp', 'digital', 'stage']);

/**
 * The bracketed text at the end of `title` when it names the publisher rather than belonging to
 * the headline: it matches the publisher field or the site's name, or says "via". A bracket that
 * is part of a real headline ("(PIPEDA Findings #2026-002)", "(C.D. Cal.)") is left alone.
 */
export function bracketedPublisher(
  title: string,
  publisher: string | undefined,
  url: string,
): string | undefined {
  const m = /\s\(([^()]+)\)\s*$/.exec(title);
  if (!m) return undefined;
  const inside = m[1]!;
  const bracket = norm(inside);
  if (!bracket) return undefined;
  if (/\bvia\b/i.test(inside)) return inside;
  const pub = publisher ? norm(publisher) : '';
  if (pub && (pub.includes(bracket) || bracket.includes(pub))) return inside;
  // The site's name as its address spells it: livemint.com → livemint, thejournal.ie → thejournal.
  const labels = hostOf(url)
    .split('.')
    .filter((l) => l.length > 3 && !GENERIC_LABELS.has(l));
  if (labels.some((l) => bracket.includes(norm(l)) || norm(l).includes(bracket))) return inside;
  return undefined;
}

function bracketWarnings(e: CheckedEntry): Problem[] {
  const out: Problem[] = [];
  e.data.sources.forEach((s, i) => {
    const inside = bracketedPublisher(s.title, s.publisher, s.url);
    if (!inside) return;
    out.push({
      file: e.file,
      line: e.lineOf(['sources', i, 'title']),
      field: `sources[${i}].title`,
      problem: `ends with "(${inside})", which looks like the publisher rather than part of the headline`,
      fix: `copy the page's own headline without it; the publisher goes in publisher${s.publisher ? '' : ' (add the line)'}`,
    });
  });
  return out;
}

/**
 * Which page a source is: its canonical URL (tracking parameters and fragment dropped, as ingest
 * stores articles), further ignoring what never names a different page: http or https, a leading
 * `www.` and a trailing slash.
 */
export function pageKey(url: string): string {
  const canonical = urlKey(url);
  try {
    const u = new URL(canonical);
    const host = u.hostname.replace(/^www\./, '');
    const path = u.pathname.replace(/\/+$/, '');
    return `${host}${u.port ? `:${u.port}` : ''}${path}${u.search}`;
  } catch {
    return canonical;
  }
}

function samePageWarnings(e: CheckedEntry): Problem[] {
  const out: Problem[] = [];
  const first = new Map<string, number>();
  e.data.sources.forEach((s, i) => {
    const key = pageKey(s.url);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return;
    }
    out.push({
      file: e.file,
      line: e.lineOf(['sources', i, 'url']),
      field: `sources[${i}].url`,
      problem: `is the same page as sources[${earlier}] (${urlKey(e.data.sources[earlier]!.url)})`,
      fix: 'delete one of the two, or cite a different page that reports the event',
    });
  });
  return out;
}

/** The primary domains that speak for one of the entry's companies or regions, companies' first. */
function knownPrimaries(e: CheckedEntry, sources: PrimarySources): string[] {
  const forCompany = sources.primary.filter((p) =>
    p.companies.some((c) => e.data.companies.includes(c)),
  );
  const forRegion = sources.primary.filter((p) =>
    p.regions.some((r) => e.data.regions.includes(r)),
  );
  return [...forCompany, ...forRegion].map((p) => p.domain);
}

/** Enough domains to point the way, without a wall of them for an entry about many regions. */
const SHOWN_DOMAINS = 4;
const listed = (domains: readonly string[]) =>
  domains.length > SHOWN_DOMAINS
    ? `${domains.slice(0, SHOWN_DOMAINS).join(', ')} and ${domains.length - SHOWN_DOMAINS} more`
    : domains.join(', ');

function aggregatorWarnings(e: CheckedEntry, sources: PrimarySources): Problem[] {
  const hosts = e.data.sources.map((s) => hostOf(s.url));
  const aggregatorOf = (host: string) => sources.aggregators.find((d) => onDomain(host, d));
  if (!hosts.length || !hosts.every((h) => aggregatorOf(h))) return [];
  const primaries = [...new Set(knownPrimaries(e, sources))];
  if (!primaries.length) return [];
  const used = [...new Set(hosts.map((h) => aggregatorOf(h)!))];
  return [
    {
      file: e.file,
      line: e.lineOf(['sources']),
      field: 'sources',
      problem: `cites only aggregators (${used.join(', ')}), while the regulator's or company's own pages are known for this entry: ${listed(primaries)}`,
      fix: 'add the regulator’s or company’s own page (or the outlet that first reported it) as a source; the list of such domains is content/primary-sources.yaml',
    },
  ];
}

/** Every source warning for the entries, in entry order. */
export function sourceWarnings(
  entries: readonly CheckedEntry[],
  primarySources: PrimarySources | undefined,
): Problem[] {
  return entries.flatMap((e) => [
    ...bracketWarnings(e),
    ...samePageWarnings(e),
    ...(primarySources ? aggregatorWarnings(e, primarySources) : []),
  ]);
}
