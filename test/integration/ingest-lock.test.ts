/**
 * Two `npm run ingest` on one state file: the second one exits at once with its own exit code and
 * names the run holding the lock; a run killed with its lock held does not block the next one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKED_EXIT_CODE } from '../../src/lib/ingest/lock.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { startFeedServer, trickle, type FeedServer } from '../support/feed-server.ts';
import { runIngestCommand, startIngest } from '../support/ingest-command.ts';

let server: FeedServer;
let dir: string;
let args: string[];
const lockFile = () => path.join(dir, 'state.json.lock');

beforeAll(async () => {
  server = await startFeedServer();
  const body = rss([
    {
      title: 'Meta will train its AI on Instagram posts of EU users',
      link: 'https://news.example.org/meta-eu',
      description: "Meta will use people's public posts to train its AI models; users can opt out.",
      pubDate: 'Mon, 03 Jun 2024 10:00:00 GMT',
    },
  ]);
  // About five seconds to deliver: long enough for a second run to start meanwhile, even on a
  // busy machine.
  server.route('/slow.xml', trickle(body, 8, 100));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-lock-cli-'));
  fs.writeFileSync(
    path.join(dir, 'feeds.yaml'),
    stringify({
      fetch: { retries: 0 },
      feeds: [{ id: 'slow', url: `${server.url}/slow.xml`, publisher: 'Slow' }],
    }),
  );
  args = ['--feeds', path.join(dir, 'feeds.yaml'), '--out', path.join(dir, 'articles')];
  args.push('--state', path.join(dir, 'state.json'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function whenLocked(): Promise<void> {
  for (let i = 0; i < 2000 && !fs.existsSync(lockFile()); i++)
    await new Promise((r) => setTimeout(r, 10));
}

describe('one ingest at a time', () => {
  it('sends a second run away with exit code 75 and the first run’s pid, then the first finishes', async () => {
    const first = startIngest(args);
    await whenLocked();
    const second = await runIngestCommand(args);
    expect(second.code).toBe(LOCKED_EXIT_CODE);
    expect(second.stderr).toContain(
      `ingest: another ingest is running (process ${first.child.pid} on ${os.hostname()}`,
    );
    expect(second.stdout).toBe('');
    const done = await first.done;
    expect(done.code, done.stderr).toBe(0);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('takes over the lock a killed run left behind and says so', async () => {
    const killed = startIngest(args);
    await whenLocked();
    killed.child.kill('SIGKILL');
    await killed.done;
    expect(fs.existsSync(lockFile())).toBe(true);
    const next = await runIngestCommand(args);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(
      new RegExp(`ingest: took over the lock of process ${killed.child.pid} .*no longer running`),
    );
    expect(fs.existsSync(lockFile())).toBe(false);
  });
});
