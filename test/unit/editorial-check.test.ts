import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/content/article.ts';
import type { Vocabulary } from '../../src/lib/content/entry.ts';
import { checkEntry, type CheckedEntry } from '../../src/lib/editorial/check-entry.ts';
import {
  duplicateEntries,
  entryArticleLinks,
  titleSimilarity,
} from '../../src/lib/editorial/cross-checks.ts';
import { formatProblem, sortProblems, type Problem } from '../../src/lib/editorial/problem.ts';
import { parseYamlSource } from '../../src/lib/editorial/yaml-source.ts';

const vocab: Vocabulary = {
  companyIds: ['linkedin', 'meta', 'microsoft'],
  regionCodes: ['EU', 'GLOBAL', 'IE', 'UK', 'US'],
  blocsOf: new Map([['IE', ['EU']]]),
};
const today = new Date('2025-06-01T12:00:00Z');
const FILE = 'content/entries/2024-09-18-linkedin-ai-training.md';

const GOOD = `---
title: LinkedIn opts members into AI training
date: 2024-09-18
companies: [linkedin]
regions: [US]
kind: policy-change
summary: LinkedIn began training generative-AI models on members' data by default.
sources:
  - url: https://www.linkedin.com/blog/member/trust-and-safety/updates
    title: Updates to our terms
    publisher: LinkedIn
    date: 2024-09-18
---

Notes.
`;

const lines = (problems: Problem[]) => problems.map(formatProblem);
const check = (text: string, file = FILE) => checkEntry(file, text, vocab, today);

describe('checkEntry', () => {
  it('accepts a complete entry', () => {
    const { problems, entry } = check(GOOD);
    expect(problems).toEqual([]);
    expect(entry?.data.companies).toEqual(['linkedin']);
  });

  it('names file, line, field, problem and fix for an unknown company', () => {
    const { problems } = check(GOOD.replace('[linkedin]', '[linkdin]'));
    expect(lines(problems)).toEqual([
      `${FILE}:4 companies[0] — unknown company id "linkdin"; valid values: linkedin, meta, microsoft — use company ids, the file names in content/companies/ without .yaml (to add a company, see EDITING.md "Add a company")`,
    ]);
  });

  it('catches an impossible day that a YAML 1.1 parser would roll over into March', () => {
    const { problems } = check(
      GOOD.replace('date: 2024-09-18\ncompanies', 'date: 2024-02-30\ncompanies'),
    );
    expect(lines(problems)).toEqual([
      `${FILE}:3 date — 2024-02-30 is not a real calendar day — write the day as YYYY-MM-DD, e.g. 2024-09-18`,
    ]);
  });

  it('points out a misspelt field and the field it probably meant', () => {
    const { problems } = check(GOOD.replace('summary:', 'summery:'));
    expect(lines(problems)).toEqual([
      `${FILE}:7 summery — is not a field of an entry (did you mean "summary"?) — rename it to summary`,
      `${FILE} summary — is missing — write one or two sentences in our own words, at most 600 characters`,
    ]);
  });

  it('finds unknown keys inside sources too', () => {
    const { problems } = check(GOOD.replace('    publisher: LinkedIn', '    pubisher: LinkedIn'));
    expect(lines(problems)).toContain(
      `${FILE}:11 sources[0].pubisher — is not a field of an entry (did you mean "publisher"?) — rename it to publisher`,
    );
  });

  it('refuses a source link that is not http(s)', () => {
    const { problems } = check(
      GOOD.replace(
        'https://www.linkedin.com/blog/member/trust-and-safety/updates',
        'javascript:alert(1)',
      ),
    );
    expect(lines(problems)).toEqual([
      `${FILE}:9 sources[0].url — must be an absolute URL starting with https:// or http:// — paste the full address, starting with https://`,
    ]);
  });

  it('refuses links in the text that are not http(s), with their line', () => {
    const { problems } = check(
      `${GOOD}\nSee [the form](https://example.org/form), [this](javascript:void) or <ftp://files.test/x>.\n`,
    );
    expect(lines(problems)).toEqual([
      `${FILE}:17 (text) — links to "javascript:void", which is not an http(s) address — link to a page starting with https://, or remove the link`,
      `${FILE}:17 (text) — links to "ftp://files.test/x", which is not an http(s) address — link to a page starting with https://, or remove the link`,
    ]);
  });

  it('refuses an entry dated in the future but lets effective be a future deadline', () => {
    const { problems } = check(
      GOOD.replace(
        'date: 2024-09-18\ncompanies',
        'date: 2025-07-01\neffective: 2026-01-01\ncompanies',
      ),
    );
    expect(lines(problems)).toEqual([
      `${FILE}:3 date — 2025-07-01 is in the future — write the day it happened or was announced; a future deadline or start goes in effective`,
    ]);
  });

  it('refuses a status for a company the entry does not tag', () => {
    const { problems } = check(
      GOOD.replace(
        '---\n\nNotes',
        'status:\n  - { company: meta, region: US, training: off }\n---\n\nNotes',
      ),
    );
    expect(lines(problems)).toEqual([
      `${FILE}:14 status[0].company — "meta" is not among the entry's companies (linkedin); add it to companies or fix the id — use one of the entry’s companies, or add that company to companies`,
    ]);
  });

  it('says which placeholders are still there, field by field', () => {
    const text = GOOD.replace(/^summary: .*$/m, "summary: 'TODO: write one or two sentences'")
      .replace(
        'https://www.linkedin.com/blog/member/trust-and-safety/updates',
        'https://example.com/TODO-paste-the-link',
      )
      .replace('kind: policy-change', 'kind: TODO');
    const { problems } = check(text);
    expect(lines(problems)).toEqual([
      `${FILE}:6 kind — still the placeholder — choose one of: policy-change, opt-out, regulator-action, court, data-deal, pause, statement`,
      `${FILE}:7 summary — still the placeholder — write one or two sentences in our own words`,
      `${FILE}:9 sources[0].url — still the placeholder — paste the address of the page that reports the event, starting with https://`,
    ]);
  });

  it('lets a draft keep placeholders the site can build, but not ones that would break it', () => {
    const text = GOOD.replace(/^summary: .*$/m, "summary: 'TODO: write it'")
      .replace('kind: policy-change', 'kind: TODO')
      .replace('---\n\nNotes', 'draft: true\n---\n\nNotes');
    expect(lines(check(text).problems)).toEqual([
      `${FILE}:6 kind — still the placeholder — choose one of: policy-change, opt-out, regulator-action, court, data-deal, pause, statement`,
    ]);
  });

  it('reports broken YAML with its line instead of giving up silently', () => {
    const { problems } = check(GOOD.replace('kind: policy-change', 'kind: policy-change: oops'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 6, field: '(file)' });
    expect(problems[0]!.problem).toMatch(/^is not valid YAML/);
  });

  it('reports a file without front matter', () => {
    expect(lines(check('# Just a heading\n').problems)).toEqual([
      `${FILE}:1 (file) — has no front matter between --- lines — start the file with a line "---", the fields, then another "---" (npm run new-entry writes a complete one)`,
    ]);
  });

  it('asks for the YYYY-MM-DD-slug.md file name', () => {
    const { problems } = check(GOOD, 'content/entries/LinkedIn Training.md');
    expect(problems.map((p) => p.field)).toEqual(['(file name)']);
  });
});

function entry(file: string, text: string): CheckedEntry {
  const r = checkEntry(file, text, vocab, today);
  if (!r.entry) throw new Error(lines(r.problems).join('\n'));
  return r.entry;
}

const article = (over: Partial<Article>): Article => ({
  id: 'news-test-a-0000000001',
  url: 'https://news.test/a',
  title: 'A',
  summary: '',
  published: '2024-09-18T09:00:00.000Z',
  dateEstimated: false,
  publisher: 'News',
  feed: 'news',
  companies: ['linkedin'],
  regions: ['US'],
  score: 0.9,
  why: [],
  story: 'story-a',
  fetchedAt: '2024-09-18T10:00:00.000Z',
  ...over,
});

describe('duplicateEntries', () => {
  const a = entry(FILE, GOOD);

  it('flags the same event entered twice with a reworded title, two days apart', () => {
    const b = entry(
      'content/entries/2024-09-20-linkedin-opts-users-into-ai-training.md',
      GOOD.replace('LinkedIn opts members into AI training', 'LinkedIn opts users into AI training')
        .replace('date: 2024-09-18\ncompanies', 'date: 2024-09-20\ncompanies')
        .replace(
          'https://www.linkedin.com/blog/member/trust-and-safety/updates',
          'https://news.test/li',
        ),
    );
    expect(lines(duplicateEntries([b, a]))).toEqual([
      `content/entries/2024-09-20-linkedin-opts-users-into-ai-training.md:2 title — looks like the same event as ${FILE} (2024-09-18, same company, a very similar title) — merge the two into one entry and delete the other file; if they are different events, make each title say what happened`,
    ]);
  });

  it('flags two entries citing the same page for the same company within three days', () => {
    const b = entry(
      'content/entries/2024-09-19-linkedin-updates-terms.md',
      GOOD.replace('LinkedIn opts members into AI training', 'New terms of service published')
        .replace('date: 2024-09-18\ncompanies', 'date: 2024-09-19\ncompanies')
        .replace('updates\n', 'updates?utm_source=newsletter\n'),
    );
    expect(duplicateEntries([a, b]).map((p) => [p.file, p.field])).toEqual([
      ['content/entries/2024-09-19-linkedin-updates-terms.md', 'sources[0].url'],
    ]);
  });

  it('leaves alone similar events of other companies, or the same company weeks apart', () => {
    const other = entry(
      'content/entries/2024-09-18-meta-opts-members-into-ai-training.md',
      GOOD.replace('[linkedin]', '[meta]').replace('LinkedIn opts', 'Meta opts'),
    );
    const later = entry(
      'content/entries/2024-10-18-linkedin-opts-members-into-ai-training.md',
      GOOD.replace('date: 2024-09-18\ncompanies', 'date: 2024-10-18\ncompanies'),
    );
    expect(duplicateEntries([a, other, later])).toEqual([]);
  });

  it('scores reworded headlines as similar and different events as not', () => {
    expect(
      titleSimilarity('Meta pauses AI training in the EU', 'Meta pauses its AI training in EU'),
    ).toBeGreaterThan(0.7);
    expect(
      titleSimilarity(
        'Meta pauses AI training in the EU',
        'Irish DPC fines Meta over data transfers',
      ),
    ).toBeLessThan(0.5);
  });
});

describe('entryArticleLinks', () => {
  const withArticles = (ids: string[], url = 'https://news.test/a') =>
    GOOD.replace('https://www.linkedin.com/blog/member/trust-and-safety/updates', url).replace(
      '---\n\nNotes',
      `articles: [${ids.join(', ')}]\n---\n\nNotes`,
    );

  it('flags a source that is an article of another story than the entry covers', () => {
    const e = entry(FILE, withArticles(['news-test-b-0000000002']));
    const found = entryArticleLinks(
      [e],
      [
        article({}),
        article({ id: 'news-test-b-0000000002', url: 'https://news.test/b', story: 'story-b' }),
      ],
    );
    expect(lines(found)).toEqual([
      `${FILE}:9 sources[0].url — is article news-test-a-0000000001, which belongs to another story (story-a) than the articles this entry covers — if it reports the same event, add news-test-a-0000000001 to articles (or join the stories in content/overrides.yaml); otherwise cite a different page`,
    ]);
  });

  it('accepts it once the stories are joined', () => {
    const e = entry(FILE, withArticles(['news-test-b-0000000002']));
    const found = entryArticleLinks(
      [e],
      [
        article({ story: 'story-b' }),
        article({ id: 'news-test-b-0000000002', url: 'https://news.test/b', story: 'story-b' }),
      ],
    );
    expect(found).toEqual([]);
  });

  it('flags an article id that does not exist, and one claimed by two entries', () => {
    const one = entry(FILE, withArticles(['news-test-a-0000000001'], 'https://news.test/x'));
    const two = entry(
      'content/entries/2024-09-18-z.md',
      withArticles(['news-test-a-0000000001', 'gone-0000000009'], 'https://news.test/y'),
    );
    expect(
      entryArticleLinks([two, one], [article({})]).map((p) => `${p.file} ${p.field} ${p.problem}`),
    ).toEqual([
      `content/entries/2024-09-18-z.md articles[0] article news-test-a-0000000001 is already covered by ${FILE}`,
      'content/entries/2024-09-18-z.md articles[1] no article "gone-0000000009" in content/articles/',
    ]);
  });
});

describe('parseYamlSource', () => {
  it('finds the line of nested fields, offset to where the YAML starts in the file', () => {
    const src = parseYamlSource('a: 1\nlist:\n  - x: 1\n  - x: 2\n    y: 3\n', 2);
    expect(src.lineOf(['list', 1, 'y'])).toBe(6);
    expect(src.lineOf(['list', 1, 'missing'])).toBe(5);
    expect(src.lineOf(['nothing'])).toBeUndefined();
  });

  it('keeps dates as written so impossible days are not rolled over', () => {
    expect(parseYamlSource('date: 2024-02-30\n').value).toEqual({ date: '2024-02-30' });
  });
});

describe('sortProblems', () => {
  const p = (file: string, field: string, line?: number): Problem => ({
    file,
    line,
    field,
    problem: 'is wrong',
    fix: 'fix it',
  });

  it('orders a report by file, then line (whole-file problems first), then field', () => {
    const sorted = sortProblems([
      p('b.md', 'title', 3),
      p('a.md', 'summary', 9),
      p('a.md', 'date', 2),
      p('a.md', '(file)'),
      p('a.md', 'companies', 2),
    ]);
    expect(sorted.map((x) => `${x.file}:${x.line ?? '-'} ${x.field}`)).toEqual([
      'a.md:- (file)',
      'a.md:2 companies',
      'a.md:2 date',
      'a.md:9 summary',
      'b.md:3 title',
    ]);
  });
});
