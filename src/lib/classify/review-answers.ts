/** Reads an editor's answer to "companies [...]" or "regions [...]" in `npm run review`. */

export type TagAnswer = { tags?: string[] } | { error: string };

/**
 * Empty keeps the current tags; otherwise a comma- or space-separated list. Regions must be known
 * codes; a company may be any id (one content/companies/ lacks becomes a proposed company).
 */
export function parseTagAnswer(
  reply: string,
  field: 'companies' | 'regions',
  validRegions: ReadonlySet<string> | null,
): TagAnswer {
  if (!reply.trim()) return {};
  const tags = [
    ...new Set(
      reply
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((t) => (field === 'regions' ? t.toUpperCase() : t.toLowerCase())),
    ),
  ].sort();
  if (field === 'regions') {
    const unknown = tags.filter((t) => !validRegions?.has(t));
    if (unknown.length)
      return {
        error: `unknown region code ${unknown.join(', ')}; use codes such as EU, UK, US, DE`,
      };
  } else {
    const bad = tags.filter((t) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(t));
    if (bad.length)
      return {
        error: `${bad.join(', ')} cannot be a company id: lowercase words joined by dashes`,
      };
  }
  return { tags };
}
