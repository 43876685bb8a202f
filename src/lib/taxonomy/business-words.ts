/**
 * Words for a company in the languages the site reads, folded as tokens are ("società" →
 * "societa"). The tagger reads a place beside one as where a business is from ("American tech
 * firm", "la società statunitense"); the proposer reads a name after one as a company's
 * ("startup Mistral", "die Plattform Lensa"). Each adds the words only it needs.
 */
export const COMPANY_WORDS: readonly string[] = [
  'company firm startup giant developer maker platform',
  'entreprise societe plateforme',
  'unternehmen firma konzern plattform',
  'empresa compania plataforma',
  'societa azienda piattaforma',
  'bedrijf',
]
  .join(' ')
  .split(' ');
