import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript, scratchContent, writeArticle } from './editor-support.ts';

let content: string;
beforeEach(() => {
  content = scratchContent();
});
afterEach(() => {
  fs.rmSync(content, { recursive: true, force: true });
});

const NEW_ENTRY = [
  '--title',
  'LinkedIn opts members into AI training',
  '--date',
  '2024-09-18',
  '--company',
  'linkedin',
  '--region',
  'US',
];

describe('npm run new-entry, then npm run check', () => {
  it('fails on every placeholder, then passes once the editor fills them in', () => {
    const made = runScript('new-entry', NEW_ENTRY, content);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const file = made.stdout.trim();
    expect(file).toBe(
      path.join(content, 'entries/2024-09-18-linkedin-opts-members-into-ai-training.md'),
    );

    const before = runScript('check', [], content);
    expect(before.status).toBe(1);
    const lines = before.stderr.split('\n');
    const placeholders: [string, string][] = [
      ['kind', 'still the placeholder — choose one of: policy-change'],
      ['summary', 'still the placeholder — write one or two sentences in our own words'],
      ['sources[0].url', 'still the placeholder — paste the address of the page'],
      ['sources[0].title', 'still the placeholder — copy the headline of the page you link'],
      ['sources[0].publisher', 'still the placeholder — name who published the page'],
    ];
    for (const [field, advice] of placeholders) {
      const line = lines.find((l) => l.startsWith(`${file}:`) && l.includes(` ${field} — `));
      expect(line, field).toMatch(/:\d+ /);
      expect(line).toContain(` ${field} — ${advice}`);
    }
    expect(before.stderr).toContain('5 problems in 1 file');

    const filled = fs
      .readFileSync(file, 'utf8')
      .replace(/^kind: .*$/m, 'kind: policy-change')
      .replace(
        /^summary: .*$/m,
        'summary: LinkedIn began training generative-AI models on members’ data, switched on by default.',
      )
      .replace(
        'https://example.com/TODO-paste-the-link',
        'https://www.linkedin.com/blog/member/trust-and-safety/updates-to-our-terms-of-service-2024',
      )
      .replace(/^ {4}title: .*$/m, '    title: Updates to our terms of service')
      .replace(/^ {4}publisher: .*$/m, '    publisher: LinkedIn');
    fs.writeFileSync(file, filled);

    const after = runScript('check', [], content);
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(
      /no problems \(read 1 entries, \d+ companies, \d+ regions, 1 feeds, 0 articles/,
    );
  });

  it('refuses an unknown company and lists the valid ids', () => {
    const r = runScript(
      'new-entry',
      NEW_ENTRY.map((a) => (a === 'linkedin' ? 'linkdin' : a)),
      content,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /--company "linkdin" is not a known company id; valid ids: .*\blinkedin\b.*\bmeta\b/,
    );
    expect(fs.readdirSync(path.join(content, 'entries'))).toEqual([]);
  });

  it('refuses an unknown region and lists the valid codes', () => {
    const r = runScript(
      'new-entry',
      NEW_ENTRY.map((a) => (a === 'US' ? 'USA' : a)),
      content,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /--region "USA" is not a known region code; valid codes: .*\bEU\b.*\bGLOBAL\b.*\bUS\b/,
    );
  });

  it('never overwrites an existing entry and says which file is in the way', () => {
    const first = runScript('new-entry', NEW_ENTRY, content);
    const file = first.stdout.trim();
    fs.appendFileSync(file, '\nThe editor’s notes.\n');
    const written = fs.readFileSync(file, 'utf8');

    const second = runScript('new-entry', NEW_ENTRY, content);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`${file} already exists; nothing was written.`);
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
  });

  it('rejects a bad date with the format to use', () => {
    const r = runScript(
      'new-entry',
      NEW_ENTRY.map((a) => (a === '2024-09-18' ? '18/09/2024' : a)),
      content,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--date "18/09/2024" is not a real day written YYYY-MM-DD');
  });
});

describe('npm run check on malformed files', () => {
  it('reports a problem in every sort of file in one run, each with file, line and field', () => {
    const write = (rel: string, text: string) => fs.writeFileSync(path.join(content, rel), text);
    write(
      'entries/2024-09-18-bad-entry.md',
      '---\ntitle: Bad entry\ndate: 2024-09-18\ncompanies: [linkedin]\nregions: [US]\nkind: rumour\nsummery: Typo.\nsources:\n  - url: ftp://files.test/x\n    title: X\n---\n',
    );
    write('companies/acme.yaml', 'name: Acme\nwebsite: www.acme.test\n');
    write('regions/zz.yaml', 'code: ZZ\nname: Nowhere\nmemberOf: [XX]\n');
    write(
      'feeds.yaml',
      'feeds:\n  - id: news-test\n    url: https://news.test/feed.xml\n  - id: Bad Id\n    url: https://news.test/b.xml\n    publisher: B\n',
    );
    write(
      'overrides.yaml',
      'articles:\n  no-such-article-0000000000:\n    hide: yes please\n    companies: [acme, nobody]\n',
    );
    write('feeds-health.json', '{"startedAt": "yesterday"}');
    const rules = fs.readFileSync(path.join(content, 'classifier.yaml'), 'utf8');
    write('classifier.yaml', rules.replace(/^window: .*$/m, 'window: 200'));
    const model = fs.readFileSync(path.join(content, 'classifier-model.json'), 'utf8');
    write('classifier-model.json', model.replace(/"threshold": [\d.]+/, '"threshold": 2'));
    write('review-labels.jsonl', '{"article": "news-test-a-0000000002", "relevant": "maybe"}\n');
    write('articles/broken-0000000001.json', '{"id": "broken-0000000001", "url": ');
    writeArticle(content, {
      id: 'news-test-a-0000000002',
      url: 'javascript:alert(1)',
      title: 'A',
      published: '2024-09-18T09:00:00Z',
      companies: ['linkedin'],
      regions: ['US'],
      story: 'story-a',
    });

    const r = runScript('check', [], content);
    expect(r.status).toBe(1);
    const at = (rel: string) => path.join(content, rel);
    const expected = [
      `${at('entries/2024-09-18-bad-entry.md')}:6 kind — must be one of: policy-change`,
      `${at('entries/2024-09-18-bad-entry.md')}:7 summery — is not a field of an entry (did you mean "summary"?) — rename it to summary`,
      `${at('entries/2024-09-18-bad-entry.md')} summary — is missing — write one or two sentences`,
      `${at('entries/2024-09-18-bad-entry.md')}:9 sources[0].url — must be an absolute URL starting with https:// or http:// — paste the full address`,
      `${at('companies/acme.yaml')}:2 website — must be an absolute URL starting with https:// or http:// — paste the full address`,
      `${at('regions/zz.yaml')}:3 memberOf[0] — unknown region code "XX"; valid values:`,
      `${at('feeds.yaml')}:2 feeds[0].publisher — is missing — write who publishes the feed`,
      `${at('feeds.yaml')}:4 feeds[1].id — must be a lowercase slug such as stack-overflow — write a short lowercase id`,
      `${at('overrides.yaml')}:3 articles.no-such-article-0000000000.hide — must be true or false — write true or false`,
      `${at('articles/broken-0000000001.json')} (file) — is not valid JSON`,
      `${at('feeds-health.json')}:1 startedAt — must be an ISO 8601 date-time, e.g. 2024-09-18T09:30:00Z — this file is written by npm run ingest`,
      `${at('classifier.yaml')}:${rules.split('\n').findIndex((l) => l.startsWith('window:')) + 1} window — `,
      `classifier-model.json threshold — Too big: expected number to be <=1 — run \`npm run train-classifier\` to write it again`,
      `review-labels.jsonl:1 relevant — `,
      `${at('articles/news-test-a-0000000002.json')}:9 url — must be an absolute URL starting with https:// or http:// — articles are written by npm run ingest`,
    ];
    for (const line of expected) expect(r.stderr).toContain(line);
    expect(r.stderr).toMatch(/\d+ problems in 11 files/);
  });

  it('rejects a built-in product that no other company makes, with its line and the fix', () => {
    fs.writeFileSync(
      path.join(content, 'companies/acme.yaml'),
      'name: Acme\nproducts: [Acme Assist]\nbuiltIn:\n  - Grok\n  - Gronk\n  - Acme Assist\n',
    );
    const r = runScript('check', [], content);
    expect(r.status).toBe(1);
    const file = path.join(content, 'companies/acme.yaml');
    const fix =
      'list products that another company’s file lists under products, such as [Grok], or delete the line';
    expect(r.stderr).not.toContain(`${file}:4 builtIn[0]`);
    expect(r.stderr).toContain(
      `${file}:5 builtIn[1] — "Gronk" is in no company's products, so it would name no maker — ${fix}`,
    );
    expect(r.stderr).toContain(
      `${file}:6 builtIn[2] — "Acme Assist" is this company's own product; built-in products are other companies' — ${fix}`,
    );
  });

  it('lists the overrides that point at nothing once the file itself is valid', () => {
    fs.writeFileSync(
      path.join(content, 'overrides.yaml'),
      'articles:\n  no-such-article-0000000000:\n    hide: true\n    companies: [nobody]\n',
    );
    const r = runScript('check', [], content);
    expect(r.status).toBe(1);
    const file = path.join(content, 'overrides.yaml');
    expect(r.stderr).toContain(
      `${file}:2 articles.no-such-article-0000000000 — no article "no-such-article-0000000000" in content/articles/ — copy the id from the article’s file name without .json, or remove this correction`,
    );
    expect(r.stderr).toMatch(
      new RegExp(
        `${file.replace(/[.]/g, '\\.')}:4 articles\\.no-such-article-0000000000\\.companies\\[0\\] — unknown company id "nobody"; valid values: .*linkedin`,
      ),
    );
  });
});

describe('npm run promote', () => {
  const lead = {
    id: 'news-test-meta-pause-0000000001',
    url: 'https://news.test/meta-pause',
    title: 'Meta pauses plans to train AI on Europeans’ posts after Irish request',
    summary: 'Meta said it would delay training its models on public posts by adults in the EU.',
    published: '2024-06-14T10:00:00Z',
    companies: ['meta'],
    regions: ['IE', 'EU'],
    story: 'story-meta-pause',
  };
  const sibling = {
    ...lead,
    id: 'wire-test-meta-delay-0000000002',
    url: 'https://wire.test/meta-delay',
    title: 'Meta delays EU AI training',
    publisher: 'Wire Test',
    published: '2024-06-14T12:00:00Z',
  };

  it('drafts an entry from the article and its story that check accepts as written', () => {
    writeArticle(content, lead);
    writeArticle(content, sibling);
    writeArticle(content, {
      ...lead,
      id: 'other-0000000003',
      url: 'https://news.test/other',
      story: 'story-other',
    });
    const r = runScript('promote', [lead.id], content);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = fs.readFileSync(r.stdout.trim(), 'utf8');
    expect(text).toContain(`articles: [${lead.id}, ${sibling.id}]`);
    expect(text).toContain('  - url: https://wire.test/meta-delay');
    expect(text).not.toContain('news.test/other');

    const checked = runScript('check', [], content);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
  });

  it('will not promote a story twice', () => {
    writeArticle(content, lead);
    writeArticle(content, sibling);
    const first = runScript('promote', [lead.id], content);
    const again = runScript('promote', [sibling.id], content);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${first.stdout.trim()} already covers this story`);
  });

  it('explains how to find an article id when the one given does not exist', () => {
    writeArticle(content, lead);
    const r = runScript('promote', ['meta-pause'], content);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`No article "meta-pause" in ${path.join(content, 'articles')}/.`);
    expect(r.stderr).toContain(`Did you mean: ${lead.id}?`);
    expect(r.stderr).toContain('An article id is its file name without .json');
  });
});
