/**
 * Nationality adjectives in the languages the site reads, from i18n-nationality, with the endings
 * each language gives them: "utenti italiani", "usuarios españoles", "l'autorité irlandaise",
 * "die irische Behörde", "norske brukere", "suomalaiset käyttäjät". The package names one base form
 * per country (Italiano, Irisch, Irsk); the endings below are each language's regular adjective
 * inflection, so no country's forms are typed by hand. A form counts only in text of its language:
 * Dutch "Fin" or "Pool" is English "fin" and "pool".
 */
import { createRequire } from 'node:module';
import { fold } from '../text/fold.ts';

/** i18n-nationality's languages among the site's, with the languages that write the same forms. */
const SOURCES: Record<string, readonly string[]> = {
  de: ['de'],
  es: ['es'],
  fi: ['fi'],
  fr: ['fr'],
  it: ['it'],
  nl: ['nl'],
  // Danish writes nationality adjectives as Norwegian Bokmål does (tysk, tyske; irsk, irske).
  no: ['no', 'da'],
};

const require = createRequire(import.meta.url);

/** The base forms in one entry: "britannialainen / isobritannialainen, brittiläinen", "Fransk (Frankrike)". */
function baseForms(entry: string): string[] {
  return entry
    .replace(/\([^)]*\)/g, '')
    .replace(/[\u200b-\u200d]/g, '')
    .split(/[,/]/)
    .map((s) => s.trim())
    .filter((s) => /^\p{L}+(-\p{L}+)?$/u.test(s));
}

/** The forms of an adjective (given in plain lower case) that a language writes. */
const INFLECT: Record<string, (base: string) => string[]> = {
  // irisch, irische, irischen, irischer, irisches
  de: (b) => (b.endsWith('sch') ? ['', 'e', 'en', 'er', 'es'].map((e) => b + e) : [b]),
  // italiano, italiana, italianos, italianas; irlandés, irlandesa, irlandeses; canadiense(s); belga(s)
  es: (b) =>
    /o$/.test(b)
      ? ['o', 'a', 'os', 'as'].map((e) => b.slice(0, -1) + e)
      : /[ae]$/.test(b)
        ? [b, `${b}s`]
        : [b, `${b}a`, `${b}es`, `${b}as`],
  // suomalainen and the plurals news writes most: suomalaiset, suomalaisten, suomalaisia, suomalaisille
  fi: (b) =>
    b.endsWith('nen')
      ? [b, ...['et', 'ten', 'ia', 'ille'].map((e) => `${b.slice(0, -3)}s${e}`)]
      : [b],
  // irlandais, irlandaise(s); italien, italienne(s); belge(s); espagnol, espagnole(s)
  fr: (b) =>
    b.endsWith('e')
      ? [b, `${b}s`]
      : b.endsWith('s')
        ? [b, `${b}e`, `${b}es`]
        : b.endsWith('en')
          ? [b, `${b}s`, `${b}ne`, `${b}nes`]
          : [b, `${b}e`, `${b}s`, `${b}es`],
  // italiano, italiana, italiani, italiane; tedesco, tedeschi; irlandese, irlandesi; belga, belgi
  it: (b) =>
    /o$/.test(b)
      ? [
          ...['o', 'a', 'i', 'e'].map((e) => b.slice(0, -1) + e),
          ...(/[cg]o$/.test(b) ? ['hi', 'he'].map((e) => b.slice(0, -1) + e) : []),
        ]
      : /e$/.test(b)
        ? [b, `${b.slice(0, -1)}i`]
        : /a$/.test(b)
          ? [b, `${b.slice(0, -1)}i`, `${b.slice(0, -1)}he`]
          : [b],
  // The package mixes adjectives (Frans, Duits, Chinees) and nouns (Pool, Ier, Italiaan): an
  // adjective takes -e (Franse, Duitse, Chinese); a noun's adjective adds -s (Iers, Ierse), its
  // plural -en (Ieren).
  nl: (b) =>
    b.endsWith('ees')
      ? [b, `${b.slice(0, -2)}se`]
      : b.endsWith('s')
        ? [b, `${b}e`]
        : b.endsWith('e')
          ? [b, b.slice(0, -1)]
          : [b, `${b}s`, `${b}se`, `${b}en`],
  // irsk, irske
  no: (b) => (b.endsWith('sk') ? [b, `${b}e`] : [b]),
};

/** Shorter forms are too often other words. */
const MIN_LENGTH = 4;

export interface Demonym {
  /** ISO 3166-1 alpha-2 (GB for the United Kingdom, as the package writes it). */
  alpha2: string;
  /** ISO 639-1 code of the language whose text the forms count in. */
  language: string;
  /** Plain lower-case forms. */
  forms: string[];
}

/** Every country's nationality adjective, per language, with its inflected forms. */
export function allDemonyms(): Demonym[] {
  const out: Demonym[] = [];
  for (const [source, languages] of Object.entries(SOURCES)) {
    const { nationalities } = require(`i18n-nationality/langs/${source}.json`) as {
      nationalities: Record<string, string>;
    };
    for (const [alpha2, entry] of Object.entries(nationalities)) {
      const forms = new Set(
        baseForms(entry)
          .map(fold)
          .flatMap((b) => INFLECT[source]!(b))
          .filter((f) => f.length >= MIN_LENGTH),
      );
      if (!forms.size) continue;
      for (const language of languages) out.push({ alpha2, language, forms: [...forms].sort() });
    }
  }
  return out;
}
