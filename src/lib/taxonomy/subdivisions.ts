/**
 * The states of federations, from iso-3166-2 rather than typed by hand: "Oregon's new privacy
 * law", "Quebec's privacy regulator", "Landesamt in Bayern", "Tribunal de Justiça de São Paulo".
 * A federation's states make and enforce privacy law, so news names them where it would name the
 * country. Counties, departments and provinces of unitary states are left out: they rarely stand
 * for a jurisdiction, and many are also towns' or common words.
 */
import { createRequire } from 'node:module';

interface Iso31662 {
  country(code: string): { sub: Record<string, { type: string; name: string }> } | undefined;
}

const iso31662 = createRequire(import.meta.url)('iso-3166-2') as Iso31662;

/** Each federation and the kinds of its subdivisions that are states with laws of their own. */
const FEDERATIONS: Record<string, readonly string[]> = {
  US: ['State', 'District'],
  CA: ['Province', 'Territory'],
  AU: ['State', 'Territory'],
  DE: ['Länder'],
  AT: ['Federal länder'],
  CH: ['Canton'],
  IN: ['State', 'Union territory'],
  BR: ['State'],
};

/** Fewer letters than this and a name is more often an abbreviation or a word ("Uri", "Zug"). */
const MIN_LETTERS = 4;

/** ISO 3166-1 alpha-2 code → the names of its states, as the package writes them. */
export function federalStates(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [alpha2, kinds] of Object.entries(FEDERATIONS)) {
    const sub = iso31662.country(alpha2)?.sub ?? {};
    out.set(
      alpha2,
      Object.values(sub)
        .filter((s) => kinds.includes(s.type))
        .map((s) => s.name.trim())
        .filter((n) => n.replace(/[^\p{L}]/gu, '').length >= MIN_LETTERS)
        .sort(),
    );
  }
  return out;
}
