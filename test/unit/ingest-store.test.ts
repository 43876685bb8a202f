import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/content/article.ts';
import {
  createFileAtomic,
  syncFolder,
  removeStaleTemps,
  writeFileAtomic,
} from '../../src/lib/ingest/atomic.ts';
import { readState, validatorsFor, writeState } from '../../src/lib/ingest/state.ts';
import { readStore, serialiseArticle, storeArticle } from '../../src/lib/ingest/store.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const article = (over: Partial<Article> = {}): Article => ({
  id: 'news-example-org-a-0123456789',
  url: 'https://news.example.org/a',
  title: 'Title',
  summary: 'Summary',
  published: '2024-05-14T07:30:00.000Z',
  dateEstimated: false,
  publisher: 'Example News',
  feed: 'example',
  companies: ['meta'],
  regions: ['EU', 'IE'],
  score: 0.9,
  why: ["'Meta' → meta"],
  story: 'news-example-org-a-0123456789',
  fetchedAt: '2024-06-01T12:00:00.000Z',
  ...over,
});

describe('article files', () => {
  it('are pretty JSON with a fixed key order and a trailing newline', () => {
    const shuffled = Object.fromEntries(Object.entries(article()).reverse()) as Article;
    const text = serialiseArticle(shuffled);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'id',
      'url',
      'title',
      'summary',
      'published',
      'dateEstimated',
      'publisher',
      'feed',
      'companies',
      'regions',
      'score',
      'why',
      'story',
      'fetchedAt',
    ]);
    expect(text).toBe(serialiseArticle(article()));
  });

  it('are created once and never rewritten', () => {
    expect(storeArticle(dir, article())).toBe(true);
    const file = path.join(dir, 'news-example-org-a-0123456789.json');
    const before = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    expect(storeArticle(dir, article({ title: 'Changed' }))).toBe(false);
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('are refused when they do not pass the article schema', () => {
    expect(() => storeArticle(dir, article({ url: 'javascript:alert(1)' }))).toThrow(/http/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('are read back with only what clustering and the health counts need', () => {
    const a = article();
    storeArticle(dir, a);
    expect(readStore(dir).articles).toEqual([
      {
        id: a.id,
        title: a.title,
        summary: a.summary,
        companies: a.companies,
        published: a.published,
        story: a.story,
        feed: a.feed,
      },
    ]);
  });

  it('are read back; broken files are reported but their ids stay reserved', () => {
    storeArticle(dir, article());
    fs.writeFileSync(path.join(dir, 'broken-file.json'), '{"id": ');
    const store = readStore(dir);
    expect(store.articles.map((a) => a.id)).toEqual(['news-example-org-a-0123456789']);
    expect([...store.ids].sort()).toEqual(['broken-file', 'news-example-org-a-0123456789']);
    expect(store.problems).toEqual([expect.stringMatching(/broken-file\.json: not valid JSON/)]);
  });
});

describe('atomic writes', () => {
  it('replace a file whole and leave no temp file behind', () => {
    const file = path.join(dir, 'state.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['state.json']);
  });

  it('create-only writes do not touch an existing file', () => {
    const file = path.join(dir, 'a.json');
    expect(createFileAtomic(file, 'first')).toBe(true);
    expect(createFileAtomic(file, 'second')).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    expect(fs.readdirSync(dir)).toEqual(['a.json']);
  });

  it('create-only writes with a deferred folder sync still land whole and never overwrite', () => {
    const file = path.join(dir, 'b.json');
    expect(createFileAtomic(file, 'first', { deferFolderSync: true })).toBe(true);
    expect(createFileAtomic(file, 'second', { deferFolderSync: true })).toBe(false);
    syncFolder(dir);
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    expect(fs.readdirSync(dir)).toEqual(['b.json']);
  });

  it('temp files of dead runs are cleaned up, those of live ones are not', () => {
    const dead = path.join(dir, '.x.json.999999.0a1b2c3d.tmp');
    const live = path.join(dir, `.y.json.${process.ppid}.0a1b2c3d.tmp`);
    fs.writeFileSync(dead, 'half');
    fs.writeFileSync(live, 'busy');
    fs.writeFileSync(path.join(dir, 'keep.json'), '{}');
    expect(removeStaleTemps(dir)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), 'keep.json'].sort());
  });
});

describe('the state file', () => {
  it('round-trips validators and only offers them for the same URL', () => {
    const file = path.join(dir, 'state.json');
    writeState(file, {
      version: 1,
      feeds: {
        ico: { url: 'https://ico.example/feed', etag: '"e"', updatedAt: '2024-06-01T00:00:00Z' },
      },
    });
    const { state, warning } = readState(file);
    expect(warning).toBeUndefined();
    expect(validatorsFor(state, 'ico', 'https://ico.example/feed')).toEqual({ etag: '"e"' });
    expect(validatorsFor(state, 'ico', 'https://ico.example/other')).toEqual({});
    expect(validatorsFor(state, 'nope', 'https://ico.example/feed')).toEqual({});
  });

  it('treats a missing file as empty and a damaged one as empty with a warning', () => {
    expect(readState(path.join(dir, 'none.json'))).toEqual({ state: { version: 1, feeds: {} } });
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, 'not json');
    const { state, warning } = readState(file);
    expect(state.feeds).toEqual({});
    expect(warning).toMatch(/bad\.json: not a valid state file; fetching every feed in full/);
  });
});
