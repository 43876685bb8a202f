/**
 * Entries whose file was renamed after a correction (a wrong date is part of the file name): old
 * slug → new slug. The old address keeps working as a redirect, because readers, feeds and other
 * sites link to it. Add a line here whenever an entry file is renamed.
 */
export const MOVED_ENTRIES: Readonly<Record<string, string>> = {
  '2025-02-26-canada-opc-investigates-x-ai-training':
    '2025-02-27-canada-opc-investigates-x-ai-training',
};

/** The site's redirects for the moved entries, as Astro's `redirects` option takes them. */
export function entryRedirects(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(MOVED_ENTRIES).map(([from, to]) => [`/entries/${from}/`, `/entries/${to}/`]),
  );
}
