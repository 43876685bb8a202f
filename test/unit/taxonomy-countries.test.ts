import { describe, expect, it } from 'vitest';
import {
  loadTaxonomy,
  regionsInUse,
  withAllCountries,
} from '../../src/lib/content/load-taxonomy.ts';
import { allCountries } from '../../src/lib/taxonomy/countries.ts';
import { matchForms, tokenize } from '../../src/lib/taxonomy/text.ts';
import { buildTermIndex, findTerms } from '../../src/lib/taxonomy/terms.ts';

describe('countries', () => {
  const countries = allCountries();
  const byCode = new Map(countries.map((c) => [c.code, c]));

  it('knows every ISO 3166 country, Great Britain as UK', () => {
    expect(countries.length).toBe(250);
    expect(byCode.has('UK')).toBe(true);
    expect(byCode.has('GB')).toBe(false);
  });

  it('has the names news uses, in the languages the site reads', () => {
    const cz = byCode.get('CZ')!;
    expect(cz.aliases).toEqual(
      expect.arrayContaining(['Czechia', 'Tschechien', 'Tchéquie', 'Česko', 'チェコ']),
    );
    expect(byCode.get('NL')!.aliases).toEqual(
      expect.arrayContaining(['Dutch', 'Nederland', 'Niederlande', '네덜란드']),
    );
    expect(byCode.get('DE')!.aliases).toEqual(
      expect.arrayContaining(['German', 'Germans', 'Deutschland']),
    );
  });

  it('leaves out two-letter codes, which are far more often words', () => {
    for (const c of countries)
      expect(
        c.aliases.filter((a) => /^[A-Z]{2}$/.test(a)),
        c.code,
      ).toEqual([]);
  });

  it('leaves out names that are function words of a language read, but keeps acronyms', () => {
    // Norwegian names the Isle of Man "Man": German's "man" ("one") on every other page.
    expect(byCode.get('IM')!.aliases).not.toContain('Man');
    expect(byCode.get('IM')!.name).toBe('Isle of Man');
    expect(byCode.get('US')!.aliases).toContain('USA');
  });

  it('names the states of federations as their country, from the ISO 3166-2 data', () => {
    expect(byCode.get('US')!.aliases).toEqual(
      expect.arrayContaining(['Oregon', 'Texas', 'New Jersey', 'District of Columbia']),
    );
    expect(byCode.get('CA')!.aliases).toEqual(expect.arrayContaining(['Quebec', 'Ontario']));
    expect(byCode.get('DE')!.aliases).toEqual(expect.arrayContaining(['Bayern', 'Hessen']));
    expect(byCode.get('BR')!.aliases).toEqual(expect.arrayContaining(['São Paulo', 'Paraná']));
    expect(byCode.get('CH')!.aliases).toContain('Zürich');
  });

  it('leaves a state out where its name is a country’s, a function word or too short', () => {
    // The US state of Georgia: the name stays the country's.
    expect(byCode.get('US')!.aliases).not.toContain('Georgia');
    expect(byCode.get('GE')!.name).toBe('Georgia');
    // Brazil's Pará is Spanish and Portuguese "para" once accents are ignored.
    expect(byCode.get('BR')!.aliases).not.toContain('Pará');
    // Switzerland's Uri would be read in every "URI".
    expect(byCode.get('CH')!.aliases).not.toContain('Uri');
  });

  it('keeps an editor’s region file and adds the packages’ names to it', () => {
    const merged = withAllCountries(loadTaxonomy('content').regions.filter((r) => r.code === 'IT'));
    const it = merged.find((r) => r.code === 'IT')!;
    expect(it.memberOf).toEqual(['EU']);
    expect(it.regulators.map((r) => r.abbr)).toContain('Garante');
    expect(it.aliases).toContain('Rome');
    expect(it.countryNames).toEqual(
      expect.arrayContaining(['Italy', 'Italia', 'Italien', '이탈리아']),
    );
    expect(merged.find((r) => r.code === 'CL')).toMatchObject({ name: 'Chile', memberOf: [] });
  });

  it('knows the languages each country’s press writes in, and lets a region file say otherwise', () => {
    expect(byCode.get('CH')!.languages).toEqual(['de', 'fr', 'it']);
    expect(byCode.get('AT')!.languages).toEqual(['de']);
    expect(byCode.get('NO')!.languages).toEqual(['no']);
    expect(byCode.get('BR')!.languages).toEqual(['pt']);
    const merged = withAllCountries([
      ...loadTaxonomy('content').regions.filter((r) => r.code === 'DK'),
      { ...loadTaxonomy('content').regions.find((r) => r.code === 'BE')!, languages: ['nl'] },
    ]);
    expect(merged.find((r) => r.code === 'DK')!.languages).toEqual(['da']);
    expect(merged.find((r) => r.code === 'BE')!.languages).toEqual(['nl']);
    expect(merged.find((r) => r.code === 'LU')!.languages).toEqual(['de', 'fr']);
  });

  it('gives a name countries share to the one sovereign state among them, or else to none', () => {
    const merged = withAllCountries([]);
    const owners = (name: string) =>
      merged.filter((r) => r.countryNames?.includes(name)).map((r) => r.code);
    // The Netherlands, Aruba, Curaçao and Sint Maarten: one state and its territories.
    expect(owners('Dutch')).toEqual(['NL']);
    // The Republic of the Congo and the Democratic Republic of the Congo: two states.
    expect(owners('Congolese')).toEqual([]);
    const french = (code: string) => merged.find((r) => r.code === code)!.countryDemonyms?.fr;
    expect(french('FR')).toContain('francaise');
    expect(french('GF') ?? []).not.toContain('francaise');
  });

  it('has each country’s demonym in the languages read, with the endings each gives it', () => {
    const demonyms = (code: string) => byCode.get(code)!.demonyms;
    expect(demonyms('IT').it).toEqual(expect.arrayContaining(['italiano', 'italiani', 'italiane']));
    expect(demonyms('IT').es).toEqual(expect.arrayContaining(['italianos', 'italianas']));
    expect(demonyms('ES').es).toEqual(expect.arrayContaining(['espanol', 'espanoles']));
    expect(demonyms('DE').it).toEqual(expect.arrayContaining(['tedesco', 'tedeschi']));
    expect(demonyms('IE').de).toEqual(expect.arrayContaining(['irische', 'irischen']));
    expect(demonyms('IE').fr).toEqual(expect.arrayContaining(['irlandais', 'irlandaise']));
    expect(demonyms('IT').fr).toEqual(expect.arrayContaining(['italien', 'italienne']));
    expect(demonyms('FR').nl).toEqual(expect.arrayContaining(['frans', 'franse']));
    expect(demonyms('FI').fi).toEqual(expect.arrayContaining(['suomalaiset', 'suomalaisille']));
    expect(demonyms('NO').no).toEqual(expect.arrayContaining(['norsk', 'norske']));
    expect(demonyms('DK').da).toEqual(expect.arrayContaining(['dansk', 'danske']));
    expect(demonyms('US').ko).toContain('미국인');
  });

  it('gives the site a page for each country an item is filed under, and no more', () => {
    const files = loadTaxonomy('content').regions.filter((r) => ['EU', 'IE'].includes(r.code));
    const regions = regionsInUse(files, ['IE', 'EU', 'CL', 'CL']);
    expect(regions.map((r) => r.code).sort()).toEqual(['CL', 'EU', 'IE']);
  });
});

describe('words in languages that write them differently', () => {
  it('cuts Japanese into words as ICU’s dictionary does', () => {
    expect(tokenize('個人情報保護委員会が注意喚起').map((t) => t.raw)).toEqual([
      '個人',
      '情報',
      '保護',
      '委員',
      '会',
      'が',
      '注意',
      '喚起',
    ]);
  });

  it('folds full-width letters to plain ones', () => {
    expect(tokenize('オープンＡＩ').map((t) => t.folded)).toContain('ai');
  });

  it('matches a Korean name with a particle attached', () => {
    const [t] = tokenize('메타가');
    expect(matchForms(t!)).toEqual([t!.folded, tokenize('메타')[0]!.folded]);
    const index = buildTermIndex([{ name: '메타', target: 'meta', caseSensitive: false }]);
    const text = '메타가 유럽에서 AI 학습을 재개한다';
    expect(findTerms(index, text, tokenize(text)).map((m) => m.targets)).toEqual([['meta']]);
  });

  it('ends a sentence at a Japanese full stop', () => {
    const tokens = tokenize('学習する。設定で無効化');
    expect(tokens.at(-1)!.sentence).toBeGreaterThan(tokens[0]!.sentence);
  });
});
