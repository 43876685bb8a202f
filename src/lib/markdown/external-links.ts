/**
 * Links in entry bodies: a link to another site gets rel="noopener noreferrer", and a link whose
 * scheme is not http(s) (javascript:, data:, …) loses its href and so becomes plain text.
 * Site-relative links and fragments are left alone. astro.config.mjs applies this to every <a>
 * the Markdown processor renders.
 */

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export type LinkFix = { action: 'keep' } | { action: 'external' } | { action: 'unlink' };

/** What to do with a link, from its href: keep it, mark it external, or unlink it. */
export function classifyHref(href: unknown): LinkFix {
  if (typeof href !== 'string') return { action: 'keep' };
  const scheme = SCHEME.exec(href.trim())?.[1]?.toLowerCase();
  if (scheme === undefined) return { action: 'keep' };
  return scheme === 'http' || scheme === 'https' ? { action: 'external' } : { action: 'unlink' };
}
