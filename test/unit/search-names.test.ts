import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { nameTable, readNames } from '../../src/lib/search/names.ts';
import { words } from '../../src/lib/search/normalize.ts';

const taxonomy = loadTaxonomy('content');
const table = nameTable(
  taxonomy.companies.map((c) => [c.id, c.name, [...c.aliases, ...c.products].join(' | ')] as const),
  taxonomy.regions.map((r) => [r.code, r.name, r.aliases.join(' | '), []] as const),
);
const companyId = (index: number) => taxonomy.companies[index]!.id;
const regionCode = (index: number) => taxonomy.regions[index]!.code;
const targetsOf = (q: string, archiveWords: string[] = []) => {
  const reading = readNames(table, words(q), (w) => archiveWords.includes(w));
  return {
    names: reading.names.map((n) => ({
      label: n.label,
      corrected: n.corrected,
      tags: n.targets.map((t) => (t.kind === 0 ? companyId(t.index) : regionCode(t.index))),
    })),
    rest: reading.rest,
  };
};

describe('names read in a query', () => {
  it('reads small typos of companies, products and regions as their tags', () => {
    expect(targetsOf('linkdin').names).toEqual([
      { label: 'LinkedIn', corrected: true, tags: ['linkedin'] },
    ]);
    expect(targetsOf('goggle').names[0]?.tags).toEqual(['google']);
    expect(targetsOf('chatgtp').names[0]).toMatchObject({ label: 'ChatGPT', tags: ['openai'] });
    expect(targetsOf('irland').names[0]).toMatchObject({ label: 'Ireland', tags: ['IE'] });
  });

  it('reads names typed exactly without calling them corrected, and keeps the other words', () => {
    expect(targetsOf('linkedin opt out')).toEqual({
      names: [{ label: 'LinkedIn', corrected: false, tags: ['linkedin'] }],
      rest: ['opt', 'out'],
    });
    expect(targetsOf('eu').names[0]?.tags).toEqual(['EU']);
  });

  it('joins a name written in two words ("insta gram") and says it was read that way', () => {
    expect(targetsOf('insta gram').names).toEqual([
      { label: 'Instagram', corrected: true, tags: ['meta'] },
    ]);
    expect(targetsOf('stack overflow').names[0]?.corrected).toBe(false);
  });

  it('takes a word the archive itself uses as that word, not as a misspelt name', () => {
    expect(targetsOf('goggle').names[0]?.tags).toEqual(['google']);
    expect(targetsOf('goggle', ['goggle'])).toEqual({ names: [], rest: ['goggle'] });
    expect(targetsOf('linking').names).toEqual([]);
  });

  it('leaves short ordinary words alone even when they are region codes or near a name', () => {
    expect(targetsOf('no opt out').names).toEqual([]);
    expect(targetsOf('mata').names).toEqual([]);
    expect(targetsOf('data').names).toEqual([]);
  });
});
