/**
 * ISO 639-3 codes, as franc and world-countries write them, → the ISO 639-1 codes the site uses:
 * `no` for Norwegian in either written form, `zh` for Chinese and franc's Mandarin.
 */
export const ISO_639_1: Readonly<Record<string, string>> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  nor: 'no',
  nob: 'no',
  nno: 'no',
  dan: 'da',
  swe: 'sv',
  pol: 'pl',
  ces: 'cs',
  fin: 'fi',
  kor: 'ko',
  jpn: 'ja',
  slv: 'sl',
  tur: 'tr',
  zho: 'zh',
  cmn: 'zh',
};
