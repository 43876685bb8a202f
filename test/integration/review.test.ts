import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReviewLabels } from '../../src/lib/classify/review-labels.ts';
import { editorItems } from '../../src/lib/classify/training-data.ts';
import { applyReviewDecisions, awaitingReview } from '../../src/lib/timeline/review.ts';
import { articleSchema } from '../../src/lib/content/article.ts';
import { NODE, REPO, runScript, scratchContent, writeArticle } from './editor-support.ts';
import { removedAfterTest } from '../support/scratch-dir.ts';

function held(content: string) {
  writeArticle(content, {
    id: 'news-test-held-one-0000000001',
    url: 'https://news.test/one',
    title: 'Photoshare may use pictures to improve its assistant',
    published: '2026-11-02T09:00:00Z',
    companies: ['photoshare'],
    proposedCompanies: ['photoshare'],
    regions: ['GLOBAL'],
    score: 0.5,
    review: true,
    story: 'story-one',
  });
  writeArticle(content, {
    id: 'news-test-held-two-0000000002',
    url: 'https://news.test/two',
    title: 'Meta shares rise as AI spending grows',
    published: '2026-11-03T09:00:00Z',
    companies: ['meta'],
    regions: ['GLOBAL'],
    score: 0.45,
    review: true,
    story: 'story-two',
  });
  writeArticle(content, {
    id: 'news-test-shown-0000000003',
    url: 'https://news.test/three',
    title: 'LinkedIn trains AI on member posts',
    published: '2026-11-04T09:00:00Z',
    companies: ['linkedin'],
    regions: ['GLOBAL'],
    story: 'story-three',
  });
}

const review = (content: string, input: string) =>
  spawnSync(NODE, [path.join(REPO, 'scripts', 'review.ts')], {
    cwd: REPO,
    env: { ...process.env, AIDW_CONTENT_DIR: content },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

const articles = (content: string) =>
  fs
    .readdirSync(path.join(content, 'articles'))
    .map((f) =>
      articleSchema.parse(JSON.parse(fs.readFileSync(path.join(content, 'articles', f), 'utf8'))),
    );

describe('npm run review', () => {
  it('shows each held item with its reasons, takes y with corrected tags and n, and saves both', () => {
    const content = removedAfterTest(scratchContent());
    held(content);
    const r = review(content, 'y\nphotoshare, meta\nEU\nn\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('review: 2 items waiting.');
    expect(r.stdout).toContain('(1/2) Photoshare may use pictures to improve its assistant');
    expect(r.stdout).toContain('News Test · score 0.50');
    expect(r.stdout).toContain('review: 2 decisions saved');
    const labels = loadReviewLabels(content);
    expect(labels.get('news-test-held-one-0000000001')).toMatchObject({
      relevant: true,
      companies: ['meta', 'photoshare'],
      regions: ['EU'],
    });
    expect(labels.get('news-test-held-two-0000000002')).toMatchObject({ relevant: false });
    expect(review(content, '').stdout).toContain('nothing is waiting for review');
  });

  it('asks again on an unknown region and on an answer it does not understand', () => {
    const content = removedAfterTest(scratchContent());
    held(content);
    const r = review(content, 'maybe\ny\n\nNARNIA\nUK\nq\n');
    expect(r.stdout).toContain('Please answer y, n, s or q');
    expect(r.stdout).toContain('unknown region code NARNIA');
    expect(loadReviewLabels(content).get('news-test-held-one-0000000001')).toMatchObject({
      relevant: true,
      regions: ['UK'],
    });
    expect(loadReviewLabels(content).size).toBe(1);
  });

  it('keeps every decision already given when the session is killed half-way', async () => {
    const content = removedAfterTest(scratchContent());
    held(content);
    const child = spawn(NODE, [path.join(REPO, 'scripts', 'review.ts')], {
      cwd: REPO,
      env: { ...process.env, AIDW_CONTENT_DIR: content },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const waitFor = async (text: string) => {
      for (let i = 0; i < 200 && !out.includes(text); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(out).toContain(text);
    };
    await waitFor('(1/2)');
    child.stdin.write('n\n');
    await waitFor('(2/2)');
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect([...loadReviewLabels(content).keys()]).toEqual(['news-test-held-one-0000000001']);
  });

  it('names the file and line of a malformed decision', () => {
    const content = removedAfterTest(scratchContent());
    fs.writeFileSync(path.join(content, 'review-labels.jsonl'), '{"article": "x"\n');
    const r = review(content, '');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/review-labels\.jsonl:1: \(line\) — is not valid JSON/);
  });
});

describe('review decisions', () => {
  it('take effect on the next build: a held item is hidden until a yes, a no hides any article', () => {
    const content = removedAfterTest(scratchContent());
    held(content);
    const all = articles(content);
    const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();
    expect(ids(applyReviewDecisions(all, new Map()))).toEqual(['news-test-shown-0000000003']);
    review(content, 'y\n\n\nn\n');
    const decided = applyReviewDecisions(all, loadReviewLabels(content));
    expect(ids(decided)).toEqual(['news-test-held-one-0000000001', 'news-test-shown-0000000003']);
    expect(decided.find((a) => a.id === 'news-test-held-one-0000000001')!.review).toBeUndefined();
    expect(awaitingReview(all, loadReviewLabels(content))).toEqual([]);
  });

  it('join the training data of the next npm run train-classifier, with the editor’s tags', () => {
    const content = removedAfterTest(scratchContent());
    held(content);
    review(content, 'y\nphotoshare\nEU\nn\n');
    const items = editorItems(content);
    expect(items).toHaveLength(2);
    expect(items.find((x) => x.relevant)).toMatchObject({
      title: 'Photoshare may use pictures to improve its assistant',
      companies: ['photoshare'],
      regions: ['EU'],
      language: 'en',
    });
    expect(items.find((x) => !x.relevant)!.title).toBe('Meta shares rise as AI spending grows');
  });
});

describe('npm run check on proposed companies', () => {
  it('lists each proposed company with the stories that named it, as a warning that does not fail', () => {
    const content = removedAfterTest(scratchContent());
    held(content);
    const r = runScript('check', [], content);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /warning: .*news-test-held-one-0000000001\.json proposedCompanies — proposed company "photoshare" is named by 1 story: "Photoshare may use pictures to improve its assistant" — to adopt it, add content\/companies\/photoshare\.yaml/,
    );
    fs.writeFileSync(path.join(content, 'companies', 'photoshare.yaml'), 'name: Photoshare\n');
    expect(runScript('check', [], content).stderr).not.toContain('proposed company "photoshare"');
  });
});
