import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { offTopicFigures, readOffTopicItems } from '../../src/lib/classify/off-topic.ts';
import type { Classification } from '../../src/lib/classify/types.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { scratchDir } from '../support/scratch-dir.ts';

const garden = (...titles: string[]) =>
  rss(
    titles.map((t, i) => ({
      title: t,
      link: `https://garden.example/${i}`,
      description: `<p>About ${t}.</p>`,
    })),
  );

describe('off-topic stories from real feeds', () => {
  it('reads every item of every feed as ingest would, once per headline, past files that do not parse', async () => {
    const dir = scratchDir('off-topic-');
    fs.writeFileSync(path.join(dir, 'a.xml'), garden('Planting tulips', 'Pruning roses'));
    fs.writeFileSync(path.join(dir, 'b.rss'), garden('Pruning roses', 'Saving seeds'));
    fs.writeFileSync(path.join(dir, 'broken.xml'), '<rss><channel><item><title>half');
    fs.writeFileSync(path.join(dir, 'SOURCES.md'), '# not a feed');
    const items = await readOffTopicItems(dir);
    expect(items.map((i) => i.title)).toEqual(['Planting tulips', 'Pruning roses', 'Saving seeds']);
    expect(items[0]!.text).toBe('About Planting tulips.');
  });

  it('reads nothing when the corpus is not there', async () => {
    expect(await readOffTopicItems(path.join(os.tmpdir(), 'no-such-corpus'))).toEqual([]);
  });

  it('counts the stories that would be shown to readers and those held for review', () => {
    const verdicts: Record<string, Partial<Classification>> = {
      shown: { relevant: true },
      held: { relevant: true, review: true },
      dropped: { relevant: false },
    };
    const classify = (input: { title: string }) =>
      ({
        score: 0,
        language: 'en',
        companies: [],
        regions: [],
        why: [],
        ...verdicts[input.title],
      }) as Classification;
    const f = offTopicFigures(
      classify,
      ['shown', 'held', 'dropped', 'dropped'].map((title) => ({ title, text: '' })),
    );
    expect(f).toEqual({ items: 4, kept: 1, held: 1, keptTitles: ['shown'] });
  });
});
