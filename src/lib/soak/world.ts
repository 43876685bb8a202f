/**
 * The soak's world: feeds served from 127.0.0.1 that publish a few items each cycle, and the
 * faults injected into them. It remembers exactly what each feed delivered, so the soak can say
 * what ingest should have stored and what its health report should say.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Random } from './random.ts';

/** Faults of one feed in one cycle. */
export const FEED_FAULTS = [
  'hang',
  'http-500',
  'broken-xml',
  'moved',
  'repeat',
  'retitle',
] as const;
export type FeedFault = (typeof FEED_FAULTS)[number];
/** Faults of a whole cycle. */
export type CycleFault = 'sigkill';

export interface Item {
  url: string;
  title: string;
  summary: string;
  published: string;
}

export interface SoakFeed {
  id: string;
  /** The path feeds.yaml names. */
  path: string;
  /** Set once the feed has moved for good: the old path answers 301 to this one. */
  movedPath?: string;
  items: Item[];
}

const TOPICS = [
  ['Meta will train its AI on public Instagram posts of users', 'Meta'],
  ['LinkedIn opts members into training generative AI on their data', 'LinkedIn'],
  ['Reddit licenses user posts to Google to train AI models', 'Reddit'],
  ['X lets xAI train Grok on user posts without asking', 'X'],
  ['OpenAI trains ChatGPT on public personal data from forums', 'OpenAI'],
  ['Google updates its privacy policy to train Gemini on user data', 'Google'],
] as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rssOf(title: string, items: readonly Item[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>http://127.0.0.1/</link><description>soak</description>${items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.url)}</link><description>${esc(i.summary)}</description><pubDate>${new Date(i.published).toUTCString()}</pubDate></item>`,
    )
    .join('')}</channel></rss>`;
}

/** What the server does for a feed this cycle. */
interface Served {
  fault: FeedFault | undefined;
  body: string;
  /** Items in the body, repeated and retitled ones included. */
  items: Item[];
}

export interface World {
  feeds: SoakFeed[];
  url: string;
  /** Advances to the next cycle: new items, this cycle's faults. Returns the faults by feed id. */
  nextCycle(cycle: number, forced?: FeedFault): Map<string, FeedFault | undefined>;
  /** What a feed's answer delivered this cycle (only if it answered 200). */
  delivered(feedId: string): Item[] | undefined;
  /** Whether a feed answered 200 or 304 this cycle so far (a run killed early may not have asked). */
  answered(feedId: string): boolean;
  close(): Promise<void>;
}

export interface WorldOptions {
  feeds: number;
  /** Items a feed keeps in its document. */
  window: number;
  random: Random;
  /** Chance per feed per cycle of each fault. */
  faultRate: number;
}

const START = Date.UTC(2026, 0, 5);
const HOUR = 3_600_000;

export async function startWorld(options: WorldOptions): Promise<World> {
  const { random } = options;
  const feeds: SoakFeed[] = Array.from({ length: options.feeds }, (_, f) => ({
    id: `soak-${String(f).padStart(2, '0')}`,
    path: `/feeds/${f}.xml`,
    items: [],
  }));
  const byPath = new Map<string, SoakFeed>();
  for (const f of feeds) byPath.set(f.path, f);
  let serving = new Map<string, Served>();
  const answered = new Set<string>();
  const delivered = new Map<string, Item[]>();
  let counter = 0;

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const feed = byPath.get(pathname) ?? feeds.find((f) => f.movedPath === pathname);
    if (!feed) return void res.writeHead(404).end();
    if (feed.movedPath && pathname === feed.path)
      return void res.writeHead(301, { location: feed.movedPath }).end();
    const served = serving.get(feed.id);
    if (!served) return void res.writeHead(404).end();
    if (served.fault === 'hang') return; // accepted, never answered
    if (served.fault === 'http-500') return void res.writeHead(500).end('down');
    const etag = `"${createHash('sha256').update(served.body).digest('hex').slice(0, 16)}"`;
    answered.add(feed.id);
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    if (served.fault !== 'broken-xml') delivered.set(feed.id, served.items);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function publish(feed: SoakFeed, cycle: number, f: number) {
    for (let n = random.int(3); n > 0; n--) {
      const [topic, company] = TOPICS[(f + counter) % TOPICS.length]!;
      const k = ++counter;
      feed.items.push({
        url: `https://news${f}.soak.test/${cycle}/${k}`,
        title: `${topic} (report ${k})`,
        summary: `${company} will use people’s posts and personal data to train its AI; users can opt out in settings. Report ${k}.`,
        published: new Date(START + cycle * 6 * HOUR + k * 1000).toISOString(),
      });
    }
    feed.items = feed.items.slice(-options.window);
  }

  return {
    feeds,
    url,
    nextCycle(cycle, forced) {
      answered.clear();
      delivered.clear();
      const faults = new Map<string, FeedFault | undefined>();
      const forcedFeed = forced ? random.int(feeds.length) : -1;
      serving = new Map();
      feeds.forEach((feed, f) => {
        publish(feed, cycle, f);
        let fault: FeedFault | undefined =
          f === forcedFeed
            ? forced
            : random.chance(options.faultRate * FEED_FAULTS.length)
              ? random.pick(FEED_FAULTS)
              : undefined;
        if (fault === 'moved') {
          if (feed.movedPath) fault = undefined;
          else feed.movedPath = `/moved${feed.path}`;
        }
        let items = [...feed.items];
        if (fault === 'repeat') {
          const other = feeds[(f + 1 + random.int(feeds.length - 1)) % feeds.length]!;
          const theirs = other.items.at(-1);
          if (theirs) items = [...items, { ...theirs }];
        }
        if (fault === 'retitle' && items.length) {
          const i = random.int(items.length);
          items[i] = { ...items[i]!, title: `${items[i]!.title}, updated` };
        }
        const body =
          fault === 'broken-xml' ? rssOf(feed.id, items).slice(0, 200) : rssOf(feed.id, items);
        serving.set(feed.id, { fault, body, items });
        faults.set(feed.id, fault);
      });
      return faults;
    },
    delivered: (id) => delivered.get(id),
    answered: (id) => answered.has(id),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
