/**
 * The blanks that new-entry and promote leave for the editor. They are recognisable on purpose, so
 * check can say "still the placeholder" rather than let a half-written entry be published.
 */
import { KINDS } from '../content/entry.ts';
import { fieldName } from './problem.ts';

/** Every text placeholder starts with this word. */
export const TODO = 'TODO';

export const PLACEHOLDER = {
  kind: TODO,
  summary: `${TODO}: write one or two sentences in our own words`,
  sourceUrl: 'https://example.com/TODO-paste-the-link',
  sourceTitle: `${TODO}: the headline of the page you link`,
  sourcePublisher: `${TODO}: who published it`,
  company: TODO,
} as const;

/** example.com, .org and .net are reserved for examples: never a real source. */
const EXAMPLE_HOST = /^(?:[a-z0-9-]+\.)*example\.(?:com|org|net)$/i;

function isPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  if (/^TODO\b/i.test(v)) return true;
  try {
    return EXAMPLE_HOST.test(new URL(v).hostname);
  } catch {
    return false;
  }
}

/** What to write instead of a placeholder, by field. */
function adviceFor(path: readonly (string | number)[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  const inSources = path[0] === 'sources';
  switch (last) {
    case 'summary':
      return 'write one or two sentences in our own words';
    case 'title':
      return inSources ? 'copy the headline of the page you link' : 'write the headline';
    case 'url':
      return 'paste the address of the page that reports the event, starting with https://';
    case 'publisher':
      return 'name who published the page (outlet, regulator, court or company), or delete the line';
    case 'kind':
      return `choose one of: ${KINDS.join(', ')}`;
    case 'companies':
      return 'write the company id, the file name in content/companies/ without .yaml';
    case 'regions':
      return 'write the region code from content/regions/, or GLOBAL';
    default:
      return 'replace it with the real value';
  }
}

export interface PlaceholderHit {
  path: (string | number)[];
  field: string;
  advice: string;
}

/** Every placeholder still present in a parsed front matter. */
export function findPlaceholders(value: unknown, path: (string | number)[] = []): PlaceholderHit[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findPlaceholders(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => findPlaceholders(v, [...path, k]));
  return isPlaceholder(value) ? [{ path, field: fieldName(path), advice: adviceFor(path) }] : [];
}
