/**
 * Links in entry bodies: a link to another site gets rel="noopener noreferrer", and a link whose
 * scheme is not http(s) (javascript:, data:, …) loses its href and so becomes plain text.
 * Site-relative links and fragments are left alone.
 */

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export type LinkFix = { action: 'keep' } | { action: 'external' } | { action: 'unlink' };

/** What to do with a link, from its href. */
export function classifyHref(href: unknown): LinkFix {
  if (typeof href !== 'string') return { action: 'keep' };
  const scheme = SCHEME.exec(href.trim())?.[1]?.toLowerCase();
  if (scheme === undefined) return { action: 'keep' };
  return scheme === 'http' || scheme === 'https' ? { action: 'external' } : { action: 'unlink' };
}

interface LinkNode {
  properties?: Record<string, unknown>;
}
interface VisitContext {
  setProperty(node: LinkNode, key: string, value: unknown): void;
}

/** A hast plugin for Astro's Markdown processor (Sätteri) applying `classifyHref` to every <a>. */
export const externalLinksPlugin = {
  name: 'external-links',
  element: {
    filter: ['a'],
    visit(node: LinkNode, ctx: VisitContext) {
      const fix = classifyHref(node.properties?.['href']);
      if (fix.action === 'external') ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
      else if (fix.action === 'unlink') ctx.setProperty(node, 'href', null);
    },
  },
};
