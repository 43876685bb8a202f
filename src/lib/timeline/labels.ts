/** Words readers see for the codes in the data. */
import type { Kind } from '../content/entry.ts';

export const KIND_LABELS: Record<Kind, string> = {
  'policy-change': 'Policy change',
  'opt-out': 'Opt-out',
  'regulator-action': 'Regulator action',
  court: 'Court',
  'data-deal': 'Data deal',
  pause: 'Pause',
  statement: 'Statement',
};

/** The kind's label, or "News" for an ingested story, which has no kind. */
export const kindLabel = (kind: Kind | undefined) => (kind ? KIND_LABELS[kind] : 'News');

/** Region codes are upper case in data and lower case in URLs (`EU` → `/regions/eu/`). */
export const regionHref = (code: string) => `/regions/${code.toLowerCase()}/`;

export const companyHref = (id: string) => `/companies/${id}/`;

/** The language the site is written in (ISO 639-1). */
export const SITE_LANGUAGE = 'en';

/**
 * The `lang` for a story's headline and summary: its own language where that is not the site's,
 * so that a screen reader reads "Datatilsynet vil stanse…" in Norwegian rather than in English.
 * None when the language is unknown (`und`) or not a language code.
 */
export function partLang(language: string | undefined): string | undefined {
  const known = language && /^[a-z]{2,3}$/.test(language) && language !== 'und';
  return known && language !== SITE_LANGUAGE ? language : undefined;
}

/** Only http: and https: links are ever rendered; anything else becomes no link at all. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host a link goes to, without "www.", to show readers where a source lives. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
