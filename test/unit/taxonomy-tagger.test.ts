import { describe, expect, it } from 'vitest';
import type { Taxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { companySchema, regionSchema } from '../../src/lib/content/taxonomy.ts';
import { createTaxonomyTagger, tokenizeItem } from '../../src/lib/taxonomy/index.ts';

/** A small taxonomy written for these tests, so each rule is checked in isolation. */
const taxonomy: Taxonomy = {
  companies: [
    {
      id: 'meta',
      name: 'Meta',
      products: ['Instagram', 'Threads'],
      caseSensitive: ['Meta', 'Threads'],
    },
    { id: 'microsoft', name: 'Microsoft', products: ['Copilot'] },
    { id: 'linkedin', name: 'LinkedIn', parent: 'microsoft' },
    { id: 'github', name: 'GitHub', products: ['GitHub Copilot'], parent: 'microsoft' },
    {
      id: 'x',
      name: 'X',
      aliases: ['Twitter', 'X Corp.'],
      caseSensitive: ['X'],
      builtIn: ['Grok'],
    },
    { id: 'xai', name: 'xAI', products: ['Grok'], caseSensitive: ['xAI', 'Grok'] },
    { id: 'automattic', name: 'Automattic', products: ['WordPress.com'] },
    { id: 'le-monde', name: 'Le Monde', products: ['Télérama'] },
  ].map((c) => ({ ...companySchema.parse(c), id: c.id })),
  regions: [
    { code: 'GLOBAL', name: 'Global' },
    {
      code: 'EU',
      name: 'European Union',
      aliases: ['EU', 'Europe', 'European'],
      laws: [{ name: 'General Data Protection Regulation', abbr: 'GDPR' }],
    },
    {
      code: 'IE',
      name: 'Ireland',
      aliases: ['Irish'],
      regulators: [{ name: 'Data Protection Commission', abbr: 'DPC' }],
      memberOf: ['EU'],
    },
    {
      code: 'UK',
      name: 'United Kingdom',
      aliases: ['UK', 'British'],
      regulators: [{ name: "Information Commissioner's Office", abbr: 'ICO' }],
      laws: [{ name: 'UK GDPR' }],
    },
    {
      code: 'NO',
      name: 'Norway',
      aliases: ['Norwegian'],
      regulators: [{ name: 'Datatilsynet' }],
      languages: ['NO'],
    },
    {
      code: 'DK',
      name: 'Denmark',
      aliases: ['Danish'],
      regulators: [{ name: 'Datatilsynet' }],
      memberOf: ['EU'],
    },
    {
      code: 'NL',
      name: 'Netherlands',
      aliases: ['Dutch'],
      regulators: [{ name: 'Autoriteit Persoonsgegevens', abbr: 'AP' }],
      memberOf: ['EU'],
    },
    {
      code: 'FR',
      name: 'France',
      regulators: [
        { name: 'Commission nationale de l’informatique et des libertés', abbr: 'CNIL' },
      ],
      memberOf: ['EU'],
    },
    { code: 'US', name: 'United States', aliases: ['US', 'American'] },
  ].map((r) => ({ ...regionSchema.parse(r), id: r.code.toLowerCase() })),
  groups: [
    { name: 'Benelux', aliases: [], members: ['NL', 'FR'] },
    { name: 'Five Eyes', aliases: ['Five Eyes', 'five-eyes partners'], members: ['UK', 'US'] },
  ],
};

const tagger = createTaxonomyTagger(taxonomy, [
  'meta-analysis',
  'X marks the spot',
  'North America',
]);
const companies = (title: string, text = '') => {
  const { source, tokens } = tokenizeItem(title, text);
  return tagger.companies(source, tokens);
};
const regions = (title: string, text = '', context = {}) => {
  const { source, tokens } = tokenizeItem(title, text);
  return tagger.regions(source, tokens, context);
};

describe('company tags', () => {
  it('matches names on word boundaries only', () => {
    expect(companies('SpaceX and Metaverse fans flock to Xbox event').ids).toEqual([]);
    expect(companies("Meta's new policy").ids).toEqual(['meta']);
    expect(companies('Users of X, formerly Twitter, complain').ids).toEqual(['x']);
  });

  it('matches case-sensitive names only with their capitalisation', () => {
    expect(companies('a meta point about threads of wool and x marks').ids).toEqual([]);
    expect(companies('Meta updates Threads').ids).toEqual(['meta']);
  });

  it('matches other names whatever their case', () => {
    expect(companies('INSTAGRAM and linkedin users').ids).toEqual(['linkedin', 'meta']);
  });

  it('tags the maker of a named product', () => {
    const tags = companies('Instagram posts will train AI');
    expect(tags.ids).toEqual(['meta']);
    expect(tags.why).toEqual(["'Instagram' → meta"]);
  });

  it('tags the platform a product is built into as well as its maker', () => {
    const tags = companies('Grok will train on your chats');
    expect(tags.ids).toEqual(['x', 'xai']);
    expect(tags.why).toEqual(["'Grok' → x (built in)", "'Grok' → xai"]);
    expect(companies('X trains Grok on posts').why).toEqual(["'X', 'Grok' → x", "'Grok' → xai"]);
    expect(companies('Users grok the new terms').ids).toEqual([]);
  });

  it('does not tag a parent the text does not name', () => {
    expect(companies('LinkedIn opts members in').ids).toEqual(['linkedin']);
    expect(companies('LinkedIn, owned by Microsoft, opts members in').ids).toEqual([
      'linkedin',
      'microsoft',
    ]);
  });

  it('does not tag an investor named to describe the company the story is about', () => {
    expect(companies('Microsoft-backed LinkedIn opts members in').ids).toEqual(['linkedin']);
    expect(companies('X, backed by Microsoft, changes its terms').ids).toEqual(['x']);
    expect(companies('Microsoft backed down on Copilot training').ids).toEqual(['microsoft']);
    expect(companies('Microsoft backed LinkedIn’s plan').ids).toEqual(['linkedin', 'microsoft']);
  });

  it('prefers the longest name, so a subsidiary product does not tag the parent', () => {
    expect(companies('GitHub Copilot trained on public code').ids).toEqual(['github']);
    expect(companies('Copilot will train on chats').ids).toEqual(['microsoft']);
  });

  it('matches names with punctuation inside them', () => {
    expect(companies('WordPress.com users can opt out').ids).toEqual(['automattic']);
    // A full stop after a name may end the sentence, so it is not required.
    expect(companies('Sued by X Corp. Users react').why).toEqual(["'X Corp' → x"]);
  });

  it('ignores names inside phrases that mean something else', () => {
    expect(companies('Meta-analysis of 40 studies').ids).toEqual([]);
    expect(companies('X marks the spot for treasure hunters').ids).toEqual([]);
    expect(companies('Meta-owned Instagram').ids).toEqual(['meta']);
  });

  it('matches a name whether or not the text writes its accents', () => {
    expect(companies('Télérama readers object').ids).toEqual(['le-monde']);
    expect(companies('TELERAMA readers object').ids).toEqual(['le-monde']);
  });

  it('gives one reason per company listing the words that produced it', () => {
    expect(companies('Meta and Instagram', 'Threads too; Instagram again').why).toEqual([
      "'Meta', 'Instagram', 'Threads' → meta",
    ]);
  });
});

describe('region tags', () => {
  it('tags a region from its name, demonym, regulator or law', () => {
    expect(regions('Irish users').ids).toEqual(['EU', 'IE']);
    expect(regions('The ICO said').ids).toEqual(['UK']);
    expect(regions('Complaint under GDPR').ids).toEqual(['EU']);
    expect(regions('Data Protection Commission opens inquiry').ids).toEqual(['EU', 'IE']);
  });

  it('tags the bloc of a member state and says why', () => {
    const tags = regions('DPC asks Meta to pause');
    expect(tags.ids).toEqual(['EU', 'IE']);
    expect(tags.why).toEqual(["'DPC' → IE", "'IE' → EU (member state)"]);
  });

  it('does not put a non-member in the bloc', () => {
    expect(regions('Norwegian users object').ids).toEqual(['NO']);
  });

  it('falls back to GLOBAL when no region is named, with a reason', () => {
    const tags = regions('Company changes terms');
    expect(tags.ids).toEqual(['GLOBAL']);
    expect(tags.why).toEqual(['no region named → GLOBAL']);
  });

  it('reads a national law as that country, not the bloc it was copied from', () => {
    expect(regions('Breach of the UK GDPR').ids).toEqual(['UK']);
  });

  it('matches abbreviations case-sensitively', () => {
    expect(regions('the dpc and the ico said').ids).toEqual(['GLOBAL']);
    expect(regions('us and uk users').ids).toEqual(['GLOBAL']);
    expect(regions('US and UK users').ids).toEqual(['UK', 'US']);
  });

  it('reads a long regulator acronym written in title case, as French and Italian press write it', () => {
    expect(regions('La Cnil publie ses recommandations sur l’IA').ids).toEqual(['EU', 'FR']);
    expect(regions('Ico and Cnil are words too').ids).toEqual(['EU', 'FR']);
    expect(regions('cnil').ids).toEqual(['GLOBAL']);
  });

  it('skips two-letter regulator abbreviations that clash with everyday ones', () => {
    expect(regions('Reporting by AP').ids).toEqual(['GLOBAL']);
    expect(regions('Autoriteit Persoonsgegevens warns users').ids).toEqual(['EU', 'NL']);
  });

  it('resolves a name two regions share only when the text says which', () => {
    expect(regions('Datatilsynet warns users').ids).toEqual(['GLOBAL']);
    expect(regions('The Norwegian Datatilsynet warns users').ids).toEqual(['NO']);
    expect(regions('Danish regulator Datatilsynet').ids).toEqual(['DK', 'EU']);
  });

  it('reads a shared name as the region whose press writes in the text’s language', () => {
    expect(regions('Datatilsynet advarer brukerne', '', { language: 'no' }).ids).toEqual(['NO']);
    // Denmark's file lists no language here, and the text names neither country otherwise.
    expect(regions('Datatilsynet advarer brugerne', '', { language: 'da' }).ids).toEqual([
      'GLOBAL',
    ]);
    // A country the text names settles it, whatever the language.
    expect(
      regions('Danish Datatilsynet warns Norwegian users', '', { language: 'no' }).ids,
    ).toEqual(['DK', 'EU', 'NO']);
  });

  it('files a story that names a group of countries under each member, with their blocs', () => {
    const tags = regions('Benelux regulators question Meta');
    expect(tags.ids).toEqual(['EU', 'FR', 'NL']);
    expect(tags.why).toEqual(["'Benelux' → FR, NL (Benelux)", "'FR' → EU (member state)"]);
    expect(regions('Five Eyes partners and Ireland warn platforms').ids).toEqual([
      'EU',
      'IE',
      'UK',
      'US',
    ]);
    expect(regions('A word with the five-eyes partners').ids).toEqual(['UK', 'US']);
    expect(regions('An eye for Benelu x').ids).toEqual(['GLOBAL']);
  });

  it('rejects a region language that is not a two-letter code, naming the field', () => {
    const r = regionSchema.safeParse({ code: 'NO', name: 'Norway', languages: ['norsk'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['languages', 0],
      message: 'must be a two-letter language code such as no',
    });
  });

  it('sets aside a place in the same clause as a word of contrast, if another place is named', () => {
    const { source, tokens } = tokenizeItem(
      'Meta starts in Europe; it has trained on American posts for years already',
      '',
    );
    const already = tokens.findIndex((t) => t.folded === 'already');
    const at = { first: already, last: already };
    expect(tagger.regions(source, tokens, { asides: [at] }).ids).toEqual(['EU']);
    expect(tagger.regions(source, tokens).ids).toEqual(['EU', 'US']);
    const alone = tokenizeItem('Meta has trained on American posts already', '');
    const i = alone.tokens.findIndex((t) => t.folded === 'already');
    expect(
      tagger.regions(alone.source, alone.tokens, { asides: [{ first: i, last: i }] }).ids,
    ).toEqual(['US']);
  });

  it('reads a name with the genitive s German and the Scandinavian languages write', () => {
    expect(companies('Datenschützer prüfen Metas KI-Pläne').ids).toEqual(['meta']);
    expect(regions('Datatilsynets vedtak mot Meta', '', { language: 'no' }).ids).toEqual(['NO']);
    expect(regions('Brukere i EUs medlemsland kan protestere').ids).toEqual(['EU']);
    // Only a capitalised name takes it, and only on its last word.
    expect(companies('Il raggiunge le sue metas').ids).toEqual([]);
    expect(regions('Norwegians speak Norwegian').ids).toEqual(['NO']);
  });

  it('reads dashes and line breaks between the words of a name as spaces', () => {
    expect(regions('Fined under the General Data-Protection\nRegulation').ids).toEqual(['EU']);
  });

  it('ignores place names inside phrases that mean somewhere else', () => {
    expect(regions('Users in North America').ids).toEqual(['GLOBAL']);
    expect(regions('American users').ids).toEqual(['US']);
  });
});
