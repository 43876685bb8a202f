import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readRegionGroups } from '../../src/lib/content/load-taxonomy.ts';
import { createTaxonomyTagger, tokenizeItem } from '../../src/lib/taxonomy/index.ts';
import { scratchDir } from '../support/scratch-dir.ts';

const taxonomy = loadTaxonomy('content');
const company = (id: string) => taxonomy.companies.find((c) => c.id === id);
const region = (code: string) => taxonomy.regions.find((r) => r.code === code);

describe('taxonomy content', () => {
  it('has a file for every company id the site is built around', () => {
    const ids = [
      'meta',
      'linkedin',
      'microsoft',
      'google',
      'x',
      'xai',
      'openai',
      'anthropic',
      'reddit',
      'automattic',
      'stack-overflow',
      'slack',
      'salesforce',
      'adobe',
      'zoom',
      'snap',
      'amazon',
      'apple',
      'wetransfer',
      'soundcloud',
      'midjourney',
      'tiktok',
    ];
    expect(ids.filter((id) => !company(id))).toEqual([]);
  });

  it('has a file for every region code the site is built around', () => {
    const codes = [
      'GLOBAL',
      'EU',
      'UK',
      'US',
      'CH',
      'CA',
      'AU',
      'BR',
      'IN',
      'JP',
      'KR',
      'HK',
      'NG',
      'IE',
      'DE',
      'NL',
      'IT',
      'FR',
      'ES',
      'NO',
      'AT',
      'BE',
      'GR',
      'PL',
    ];
    expect(codes.filter((c) => !region(c))).toEqual([]);
  });

  it('files a G7 story under every G7 member and a Nordic one under the five Nordic countries', () => {
    const members = (name: string) => taxonomy.groups?.find((g) => g.name === name)?.members;
    expect(members('G7')?.toSorted()).toEqual(['CA', 'DE', 'FR', 'IT', 'JP', 'UK', 'US']);
    expect(members('the Nordic countries')?.toSorted()).toEqual(['DK', 'FI', 'IS', 'NO', 'SE']);
  });

  it('refuses a group whose member is no region, naming the file, the group and the fix', () => {
    const dir = scratchDir('region-groups-');
    const file = path.join(dir, 'region-groups.yaml');
    fs.writeFileSync(file, '- name: G7\n  aliases: [G7]\n  members: [CA, GB, JP]\n');
    expect(() => readRegionGroups(file, taxonomy.regions)).toThrow(
      /region-groups\.yaml: 0\.members\.1 — G7 lists GB, which is no region: use a code from content\/regions\//,
    );
    fs.writeFileSync(file, '- name: G7\n  members: [CA]\n');
    expect(() => readRegionGroups(file, taxonomy.regions)).toThrow(
      /region-groups\.yaml: 0\.members — must list at least two members/,
    );
    fs.writeFileSync(file, '- name: [G7\n');
    expect(() => readRegionGroups(file, taxonomy.regions)).toThrow(/is not valid YAML/);
    expect(readRegionGroups(path.join(dir, 'missing.yaml'), taxonomy.regions)).toEqual([]);
  });

  it('files Ring and its doorbells under Ring, and Amazon only where the text names it', () => {
    const tagger = createTaxonomyTagger(taxonomy);
    const ids = (title: string) => {
      const { source, tokens } = tokenizeItem(title, '');
      return tagger.companies(source, tokens).ids;
    };
    expect(ids('FTC says Ring doorbell videos were open to staff')).toEqual(['ring']);
    expect(ids('Amazon’s Ring settles over customers’ videos')).toEqual(['amazon', 'ring']);
    expect(ids('A ring of scammers used voice clones')).toEqual([]);
  });

  it('names each region file after its lower-case code', () => {
    expect(taxonomy.regions.filter((r) => r.id !== r.code.toLowerCase()).map((r) => r.id)).toEqual(
      [],
    );
  });

  it('files EU member states and EEA Norway under the EU/EEA bloc and keeps Switzerland and the UK out', () => {
    for (const code of ['IE', 'DE', 'NL', 'IT', 'FR', 'ES', 'AT', 'BE', 'GR', 'PL', 'NO'])
      expect(region(code)?.memberOf, code).toContain('EU');
    expect(region('CH')?.memberOf).not.toContain('EU');
    expect(region('UK')?.memberOf).not.toContain('EU');
    expect(region('GLOBAL')?.memberOf).toEqual([]);
  });

  it('only refers to blocs and parents that exist', () => {
    const codes = new Set(taxonomy.regions.map((r) => r.code));
    const ids = new Set(taxonomy.companies.map((c) => c.id));
    expect(taxonomy.regions.flatMap((r) => r.memberOf.filter((m) => !codes.has(m)))).toEqual([]);
    expect(
      taxonomy.companies.filter((c) => c.parent && !ids.has(c.parent)).map((c) => c.id),
    ).toEqual([]);
  });

  it('files products under their maker and subsidiaries under their parent', () => {
    expect(company('meta')?.products).toEqual(
      expect.arrayContaining(['Instagram', 'WhatsApp', 'Threads']),
    );
    expect(company('google')?.products).toEqual(
      expect.arrayContaining(['Gemini', 'Gmail', 'YouTube']),
    );
    expect(company('openai')?.products).toContain('ChatGPT');
    expect(company('xai')?.products).toContain('Grok');
    expect(company('x')?.builtIn).toContain('Grok');
    expect(company('automattic')?.products).toEqual(
      expect.arrayContaining(['Tumblr', 'WordPress.com']),
    );
    expect(company('linkedin')?.parent).toBe('microsoft');
    expect(company('slack')?.parent).toBe('salesforce');
  });

  it('marks names that are everyday words as case-sensitive', () => {
    expect(company('x')?.caseSensitive).toContain('X');
    expect(company('meta')?.caseSensitive).toEqual(expect.arrayContaining(['Meta', 'Threads']));
    expect(company('snap')?.caseSensitive).toContain('Snap');
    expect(company('zoom')?.caseSensitive).toContain('Zoom');
    expect(company('slack')?.caseSensitive).toContain('Slack');
    expect(company('apple')?.caseSensitive).toContain('Apple');
  });

  it('lists case-sensitive names that the company actually goes by', () => {
    const stray = taxonomy.companies.flatMap((c) =>
      c.caseSensitive
        .filter((n) => ![c.name, ...c.aliases, ...c.products].includes(n))
        .map((n) => `${c.id}: ${n}`),
    );
    expect(stray).toEqual([]);
  });

  it('gives no name to two companies', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of taxonomy.companies)
      for (const n of new Set([c.name, ...c.aliases, ...c.products].map((s) => s.toLowerCase()))) {
        const other = owner.get(n);
        if (other && other !== c.id) clashes.push(`${n}: ${other} and ${c.id}`);
        owner.set(n, c.id);
      }
    expect(clashes).toEqual([]);
  });

  it('lists the regulators the press names by abbreviation', () => {
    const abbrs = (code: string) => region(code)?.regulators.map((g) => g.abbr);
    expect(abbrs('IE')).toContain('DPC');
    expect(abbrs('UK')).toContain('ICO');
    expect(abbrs('FR')).toContain('CNIL');
    expect(abbrs('BR')).toContain('ANPD');
    expect(abbrs('AU')).toContain('OAIC');
    expect(abbrs('US')).toContain('FTC');
    expect(abbrs('EU')).toContain('EDPB');
    expect(region('EU')?.laws.map((l) => l.abbr)).toContain('GDPR');
    expect(region('BR')?.laws.map((l) => l.abbr)).toContain('LGPD');
  });

  it('gives every opt-out guide a summary and either steps or a link', () => {
    const thin = taxonomy.companies
      .filter((c) => c.optOut && !c.optOut.steps.length && !c.optOut.url)
      .map((c) => c.id);
    expect(thin).toEqual([]);
  });
});
