/** The command's contract: flags, a bad feeds file, and a run with no network at all. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthReportSchema } from '../../src/lib/ingest/health.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { feed, startFeedServer } from '../support/feed-server.ts';
import { readArticles, runIngestCommand, snapshot } from '../support/ingest-command.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

/** One run with these feeds, article folder and state file. */
const ingest = (feeds: string, out: string, state: string, env?: Record<string, string>) =>
  runIngestCommand(['--feeds', feeds, '--out', out, '--state', state], env);

describe('npm run ingest', () => {
  it('prints its usage for --help and exits 0', async () => {
    const r = await runIngestCommand(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Usage: npm run ingest -- \[--feeds FILE\] \[--out DIR\] \[--state FILE\]/,
    );
  });

  it('refuses an unknown flag with a message, the usage and a non-zero exit', async () => {
    const r = await runIngestCommand(['--feed', 'x.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ingest: Unknown option '--feed'/);
    expect(r.stderr).toContain('Usage: npm run ingest');
    expect(r.stdout).toBe('');
  });

  it('refuses a bad feeds file, naming the entry and the field, and fetches nothing', async () => {
    const feeds = write(
      'bad-feeds.yaml',
      stringify([
        { id: 'fine', url: 'https://example.org/feed', publisher: 'Fine' },
        { id: 'broken', url: 'ftp://example.org/feed', publisher: 'Broken' },
        {
          id: 'fine',
          url: 'https://example.org/other',
          publisher: 'Twice',
          tags: { regions: ['XX'] },
        },
      ]),
    );
    const out = path.join(dir, 'bad-out');
    const r = await ingest(feeds, out, path.join(dir, 's.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${feeds}: feeds[1] (broken).url — must be an absolute URL starting with https:// or http://`,
    );
    expect(r.stderr).toContain(
      `${feeds}: feeds[2] (fine).tags.regions[0] — unknown region code "XX"`,
    );
    expect(r.stderr).toContain(`${feeds}: feeds[2] (fine).id — repeats the id of feeds[0]`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(path.join(dir, 's.json'))).toBe(false);
  });

  it('refuses a missing feeds file', async () => {
    const r = await runIngestCommand([
      '--feeds',
      path.join(dir, 'nope.yaml'),
      '--out',
      path.join(dir, 'o'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.yaml: \(file\) — cannot be read/);
  });

  it('with no network, completes quickly, reports every feed failed and changes no article', async () => {
    const out = path.join(dir, 'offline', 'articles');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'kept-article-1.json'), '{"id":"kept-article-1"}\n');
    const before = snapshot(out);
    // .invalid never resolves (RFC 6761); a port just released on loopback refuses connections.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const feeds = write(
      'offline.yaml',
      stringify({
        fetch: { retries: 1, retryDelaySeconds: 0.05 },
        feeds: [
          { id: 'nowhere', url: 'https://feeds.invalid/rss', publisher: 'Nowhere' },
          { id: 'refused', url: `http://127.0.0.1:${port}/feed`, publisher: 'Refused' },
        ],
      }),
    );
    const r = await ingest(feeds, out, path.join(dir, 'offline.json'));
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
    const health = healthReportSchema.parse(
      JSON.parse(fs.readFileSync(path.join(dir, 'offline', 'feeds-health.json'), 'utf8')),
    );
    expect(health.feeds.map((f) => [f.id, f.status])).toEqual([
      ['nowhere', 'failed'],
      ['refused', 'failed'],
    ]);
    expect(health.feeds[0]?.reason).toMatch(/^network error: the host name does not resolve/);
    expect(health.feeds[1]?.reason).toBe('network error: connection refused (after 2 attempts)');
    expect(r.stdout).toContain('2 feeds: 0 ok, 0 not modified, 2 failed.');
    expect(snapshot(out)).toEqual(before);
  });

  it('warns about a damaged state file and runs anyway', async () => {
    const state = write('damaged-state.json', '{ not json');
    const feeds = write(
      'one.yaml',
      stringify([{ id: 'nowhere', url: 'https://feeds.invalid/rss', publisher: 'N' }]),
    );
    const r = await ingest(feeds, path.join(dir, 'd', 'articles'), state);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'damaged-state.json: not a valid state file; fetching every feed in full',
    );
    expect(JSON.parse(fs.readFileSync(state, 'utf8'))).toEqual({ version: 1, feeds: {} });
  });

  it('stores nothing and names the file and the fix when the classifier model is stale', async () => {
    const content = path.join(dir, 'stale-model');
    for (const part of ['companies', 'regions', 'classifier.yaml', 'classifier-model.json'])
      fs.cpSync(path.join('content', part), path.join(content, part), { recursive: true });
    const model = path.join(content, 'classifier-model.json');
    fs.writeFileSync(
      model,
      fs.readFileSync(model, 'utf8').replace(/"version": \d+/, '"version": 0'),
    );
    const feeds = write(
      'stale.yaml',
      stringify([{ id: 'nowhere', url: 'https://feeds.invalid/rss', publisher: 'N' }]),
    );
    const out = path.join(content, 'articles');
    const r = await ingest(feeds, out, path.join(dir, 'stale-state.json'), {
      AIDW_CONTENT_DIR: content,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /ingest: cannot start, fix these first:\n.*classifier-model\.json: version — is 0, .* run `npm run train-classifier`/,
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'stale-state.json'))).toBe(false);
  });

  it('files a dated story that names no place where the record says its company’s change applies', async () => {
    const title = 'How to stop LinkedIn using your profile to train its AI';
    const description = 'Members who do not want their posts used can switch the setting off.';
    const server = await startFeedServer({
      '/feed.xml': feed(
        rss([
          {
            title,
            description,
            link: 'https://news.example.org/linkedin-setting',
            pubDate: 'Mon, 20 Oct 2025 09:00:00 GMT',
          },
        ]),
      ),
    });
    try {
      const feeds = write(
        'dated.yaml',
        stringify([{ id: 'dated', url: `${server.url}/feed.xml`, publisher: 'Dated' }]),
      );
      const out = path.join(dir, 'dated', 'articles');
      const r = await ingest(feeds, out, path.join(dir, 'dated-state.json'));
      expect(r.code).toBe(0);
      const [article] = readArticles(out);
      expect(article?.['regions']).toEqual(expect.arrayContaining(['CH', 'EU', 'UK']));
      expect(article?.['regions']).not.toContain('GLOBAL');
      expect(String((article?.['why'] as string[]).at(-1))).toMatch(
        /^no place named; linkedin's change in entries\/2025-11-03-.* \(14 days later\)/,
      );
    } finally {
      await server.close();
    }
  });
});
