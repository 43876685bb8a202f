import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFeedsFile, parseFeedsFile } from '../../src/lib/content/feeds.ts';
import { ContentError, loadTaxonomy, vocabulary } from '../../src/lib/content/load-taxonomy.ts';

const vocab = {
  companyIds: ['meta', 'linkedin'],
  regionCodes: ['EU', 'UK', 'IE', 'GLOBAL'],
  blocsOf: new Map([['IE', ['EU']]]),
};

const problems = (raw: unknown) => {
  try {
    parseFeedsFile(raw, 'feeds.yaml', vocab);
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  return [];
};

const good = { id: 'ico-news', url: 'https://ico.org.uk/feed', publisher: 'ICO' };

describe('the feeds file', () => {
  it('accepts a plain list of feeds and fills in defaults', () => {
    const file = parseFeedsFile([good], 'feeds.yaml', vocab);
    expect(file.feeds[0]).toEqual({ ...good, tags: { companies: [], regions: [] }, enabled: true });
    expect(file.fetch).toMatchObject({
      timeoutSeconds: 20,
      maxMegabytes: 5,
      maxRedirects: 5,
      concurrency: 8,
    });
  });

  it('accepts fetch settings alongside the feeds', () => {
    const file = parseFeedsFile(
      {
        fetch: { timeoutSeconds: 0.5, retries: 0 },
        feeds: [{ ...good, tags: { regions: ['uk'] } }],
      },
      'feeds.yaml',
      vocab,
    );
    expect(file.fetch.timeoutSeconds).toBe(0.5);
    expect(file.feeds[0]?.tags.regions).toEqual(['UK']);
  });

  it('names the entry index, its id and the field of every problem', () => {
    expect(
      problems([
        good,
        { id: 'eff', url: 'javascript:alert(1)', publisher: 'EFF' },
        { id: 'Bad Id', url: 'https://x.org/f', publisher: '' },
      ]),
    ).toEqual([
      'feeds.yaml: feeds[1] (eff).url — must be an absolute URL starting with https:// or http://',
      'feeds.yaml: feeds[2] (Bad Id).id — must be a lowercase slug such as stack-overflow',
      'feeds.yaml: feeds[2] (Bad Id).publisher — must not be empty',
    ]);
  });

  it('refuses repeated ids and URLs', () => {
    expect(
      problems([good, { ...good, url: 'https://ico.org.uk/other' }, { ...good, id: 'ico-2' }]),
    ).toEqual([
      'feeds.yaml: feeds[1] (ico-news).id — repeats the id of feeds[0]; every feed needs its own id',
      'feeds.yaml: feeds[2] (ico-2).url — repeats the url of feeds[0]; list each feed once',
    ]);
  });

  it('refuses unknown tags and unknown keys, listing the valid values', () => {
    const [tagProblem, keyProblem] = problems([
      { ...good, tags: { companies: ['metta'] } },
      { ...good, id: 'other', url: 'https://x.org/f', tag: {} },
    ]);
    expect(tagProblem).toBe(
      'feeds.yaml: feeds[0] (ico-news).tags.companies[0] — unknown company id "metta"; valid values: linkedin, meta',
    );
    expect(keyProblem).toMatch(/^feeds\.yaml: feeds\[1\] \(other\) — Unrecognized key: "tag"/);
  });

  it('reports unreadable files and invalid YAML with the file name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-file-'));
    const file = path.join(dir, 'feeds.yaml');
    fs.writeFileSync(file, 'feeds: [\n  - id: x\n');
    expect(() => loadFeedsFile(file)).toThrow(/feeds\.yaml: \(file\) — is not valid YAML/);
    expect(() => loadFeedsFile(path.join(dir, 'missing.yaml'))).toThrow(
      /missing\.yaml: \(file\) — cannot be read/,
    );
    fs.rmSync(dir, { recursive: true });
  });

  it('content/feeds.yaml itself is valid against the real taxonomy and has 15 to 30 feeds', () => {
    const file = loadFeedsFile('content/feeds.yaml', vocabulary(loadTaxonomy()));
    expect(file.feeds.length).toBeGreaterThanOrEqual(15);
    expect(file.feeds.length).toBeLessThanOrEqual(30);
  });
});
