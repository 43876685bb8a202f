/**
 * Every ISO 3166 country with the names news uses for it, in the languages the site reads, from
 * well-kept data packages instead of lists typed by hand: i18n-iso-countries (names and short
 * forms in every language), world-countries (English demonyms, other spellings, and the common
 * names other languages use), i18n-nationality (demonyms in other languages, demonyms.ts) and
 * iso-3166-2 (the states of federations, subdivisions.ts).
 * content/regions/ adds what only editors know — regulators, laws, blocs — and can override a name.
 */
import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries/index.js';
import worldCountries from 'world-countries';
import { allDemonyms } from './demonyms.ts';
import { federalStates } from './subdivisions.ts';
import { ISO_639_1 } from './language-codes.ts';
import { fold } from '../text/fold.ts';

/** The languages the site reads news in (ISO 639-1, as i18n-iso-countries names them). */
export const LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'nb',
  'da',
  'sv',
  'pl',
  'cs',
  'ko',
  'ja',
  'fi',
] as const;

// The package's Node entry loads all of its 80-odd languages; these are the ones read here.
const require = createRequire(import.meta.url);
for (const language of LANGUAGES)
  countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`) as LocaleData);

/** world-countries keys its translations by ISO 639-3. */
const WORLD_LANGUAGES = [
  'ces',
  'deu',
  'fin',
  'fra',
  'ita',
  'jpn',
  'kor',
  'nld',
  'pol',
  'por',
  'spa',
  'swe',
];

/**
 * world-countries' official languages (ISO 639-3) → the ISO 639-1 codes the classifier detects.
 * Austria's and Switzerland's press writes standard German, whatever the spoken variety.
 */
const PRESS_LANGUAGES: Record<string, string> = { ...ISO_639_1, bar: 'de', gsw: 'de' };

/** The site files Great Britain under UK, the code the press and the regulators use. */
export const siteCode = (alpha2: string) => (alpha2 === 'GB' ? 'UK' : alpha2);

export interface Country {
  code: string;
  /** English short name. */
  name: string;
  /** Every other name, short form and English demonym. */
  aliases: string[];
  /** A sovereign state, not a territory of one (world-countries): a name it shares with its territories is its own. */
  independent: boolean;
  /** Demonyms in other languages, by ISO 639-1 code: they count only in text of that language. */
  demonyms: Record<string, string[]>;
  /** ISO 639-1 codes of its official languages that the site reads (world-countries). */
  languages: string[];
}

/**
 * Function words of the languages read (stopwords-iso): a country name that is also one — the
 * Norwegian "Man" for the Isle of Man is German's "man" — would place every such sentence there.
 * stopwords-iso keys Norwegian as `no`, where i18n-iso-countries says `nb`.
 */
const stopwords = require('stopwords-iso') as Record<string, string[]>;
const ordinary = new Set(
  LANGUAGES.flatMap((l) => stopwords[l === 'nb' ? 'no' : l] ?? []).map((w) => w.toLowerCase()),
);

/**
 * A two-letter code written as a word ("IT", "NO", "DE") is far more often something else, and so
 * is a function word; an acronym ("USA") is not one, whatever a word list says.
 */
const usable = (name: string) =>
  name.replace(/[^\p{L}]/gu, '').length > 2 &&
  (name === name.toUpperCase() || !ordinary.has(name.toLowerCase()));

export function allCountries(): Country[] {
  const byCode = new Map<string, Set<string>>();
  const add = (alpha2: string, names: Iterable<string | undefined>) => {
    const set = byCode.get(alpha2) ?? new Set<string>();
    for (const n of names) if (n && usable(n)) set.add(n.trim());
    byCode.set(alpha2, set);
  };
  for (const language of LANGUAGES)
    for (const [alpha2, names] of Object.entries(countries.getNames(language, { select: 'all' })))
      add(alpha2, names);
  for (const c of worldCountries) {
    const demonyms = Object.values(c.demonyms?.eng ?? {});
    add(c.cca2, [
      c.name.common,
      ...c.altSpellings,
      ...demonyms,
      // "Italians", "Brazilians": the plural news writes of a people.
      ...demonyms.filter((d) => /[^s]$/.test(d) && !/(ese|ish|ch)$/.test(d)).map((d) => `${d}s`),
      ...WORLD_LANGUAGES.flatMap((l) => {
        const t = c.translations[l];
        return t ? [t.common, t.official] : [];
      }),
    ]);
  }
  // A state named as a country ("Georgia") or written as a function word ("Pará" is "para")
  // would take that name from the country or the sentence: the country's name wins.
  const countryNames = new Set([...byCode.values()].flatMap((names) => [...names].map(fold)));
  for (const [alpha2, states] of federalStates())
    add(
      alpha2,
      states.filter((s) => !countryNames.has(fold(s)) && !ordinary.has(fold(s))),
    );
  const independent = new Set(worldCountries.filter((c) => c.independent).map((c) => c.cca2));
  const languages = new Map(
    worldCountries.map((c) => [
      c.cca2,
      [
        ...new Set(
          Object.keys(c.languages ?? {})
            .map((l) => PRESS_LANGUAGES[l])
            .filter((l) => l !== undefined),
        ),
      ].sort(),
    ]),
  );
  const demonyms = new Map<string, Record<string, string[]>>();
  for (const d of allDemonyms()) {
    const forms = d.forms.filter((f) => !ordinary.has(f));
    if (!forms.length || !byCode.has(d.alpha2)) continue;
    demonyms.set(d.alpha2, { ...demonyms.get(d.alpha2), [d.language]: forms });
  }
  // Korean names a people by its country and 인 ("person"): 미국인, 독일인. Japanese writes 人
  // as a word of its own, so the country's name already matches there.
  for (const [alpha2, names] of Object.entries(countries.getNames('ko', { select: 'all' })))
    if (byCode.has(alpha2))
      demonyms.set(alpha2, {
        ...demonyms.get(alpha2),
        ko: [...new Set(names.map((n) => `${n.replace(/\s+/g, '')}인`))],
      });
  return [...byCode]
    .map(([alpha2, names]) => {
      const name = countries.getName(alpha2, 'en') ?? alpha2;
      names.delete(name);
      return {
        code: siteCode(alpha2),
        name,
        aliases: [...names].sort(),
        demonyms: demonyms.get(alpha2) ?? {},
        independent: independent.has(alpha2),
        languages: languages.get(alpha2) ?? [],
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
