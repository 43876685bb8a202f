/** Scratch copies of content/ and the editors' commands run on them as subprocesses. */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const NODE = path.join(REPO, 'node_modules/.bin/node');

/** A feeds.yaml that check accepts, for copies that must not depend on the real feed list. */
export const FEEDS_YAML = `feeds:
  - id: news-test
    url: https://news.test/feed.xml
    publisher: News Test
`;

/**
 * A fresh content folder holding the real companies, regions, classifier rules and model (so ids
 * and tagging match the site's), a small feeds.yaml, the documented overrides.yaml and no entries or
 * articles.
 */
export function scratchContent(prefix = 'aidw-editors-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const dir of ['companies', 'regions'])
    fs.cpSync(path.join(REPO, 'content', dir), path.join(root, dir), { recursive: true });
  fs.mkdirSync(path.join(root, 'entries'));
  fs.mkdirSync(path.join(root, 'articles'));
  fs.writeFileSync(path.join(root, 'feeds.yaml'), FEEDS_YAML);
  for (const file of ['overrides.yaml', 'classifier.yaml', 'classifier-model.json'])
    fs.copyFileSync(path.join(REPO, 'content', file), path.join(root, file));
  return root;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<name>.ts as `npm run <name>` would, against the given content folder. */
export function runScript(name: string, args: string[], contentDir: string): Run {
  const r = spawnSync(NODE, [path.join(REPO, 'scripts', `${name}.ts`), ...args], {
    cwd: REPO,
    env: { ...process.env, AIDW_CONTENT_DIR: contentDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same, without blocking this process: needed when the test itself serves what the script
 * fetches (a local feed).
 */
export function runScriptAsync(name: string, args: string[], contentDir: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      NODE,
      [path.join(REPO, 'scripts', `${name}.ts`), ...args],
      { cwd: REPO, env: { ...process.env, AIDW_CONTENT_DIR: contentDir }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status: code, stdout, stderr });
      },
    );
  });
}

export interface ArticleFixture {
  id: string;
  url: string;
  title: string;
  summary?: string;
  published: string;
  publisher?: string;
  companies: string[];
  proposedCompanies?: string[];
  regions: string[];
  score?: number;
  review?: boolean;
  story: string;
}

/** Writes an article file the way ingest does (one JSON file per article, named by id). */
export function writeArticle(contentDir: string, a: ArticleFixture): void {
  const full = {
    summary: '',
    publisher: 'News Test',
    feed: 'news-test',
    score: 0.9,
    why: [],
    fetchedAt: a.published,
    ...a,
  };
  fs.writeFileSync(
    path.join(contentDir, 'articles', `${a.id}.json`),
    `${JSON.stringify(full, null, 2)}\n`,
  );
}
