import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cell } from '../../src/lib/compare/matrix.ts';
import type { StatusEvent } from '../../src/lib/compare/status.ts';
import { companyCard, entryCard, regionCard, shortList } from '../../src/lib/og/card.ts';
import { writeBuildCards } from '../../src/lib/og/integration.ts';
import { companyImage, entryImage, regionImage } from '../../src/lib/og/paths.ts';
import { prepareCards } from '../../src/lib/og/pool.ts';
import {
  cacheDir,
  cardFile,
  cardKey,
  pruneCards,
  renderCard,
  storeCard,
} from '../../src/lib/og/render.ts';
import { makeNames } from '../../src/lib/timeline/names.ts';
import { testCompany, testRegion } from '../support/taxonomy.ts';
import { timelineItem } from '../support/timeline-item.ts';

const names = makeNames(
  [testCompany('linkedin', 'LinkedIn'), testCompany('microsoft', 'Microsoft')],
  [testRegion('EU', 'European Union / EEA'), testRegion('GLOBAL', 'Global')],
);

const item = timelineItem({
  id: 'li',
  title: 'LinkedIn opts members into AI training by default',
  date: '2024-09-18T00:00:00.000Z',
  kind: 'policy-change',
  companies: ['linkedin', 'microsoft'],
  regions: ['GLOBAL', 'EU'],
  status: [
    { company: 'linkedin', region: 'GLOBAL', training: 'default-on' },
    { company: 'linkedin', region: 'EU', training: 'off' },
  ],
});

const event = (region: string, training: StatusEvent['training']): StatusEvent => ({
  company: 'linkedin',
  region,
  training,
  date: '2024-09-18',
  entryId: 'li',
  entryTitle: 'x',
  entryHref: '/entries/li/',
});
const cell = (region: string, current?: StatusEvent, inheritedFrom?: string): Cell => ({
  company: current?.company ?? 'linkedin',
  region,
  current,
  inheritedFrom,
  history: current ? [current] : [],
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('link preview cards', () => {
  it('show an entry’s title, kind, date, companies, regions and what it changed', () => {
    const card = entryCard(item, names);
    expect(card).toMatchObject({
      title: item.title,
      eyebrow: 'Policy change · 18 September 2024',
      meta: 'LinkedIn, Microsoft · Global, European Union / EEA',
      chips: [
        { text: 'Global: Trains by default', status: 'default-on' },
        { text: 'EU: Not used', status: 'off' },
      ],
    });
    expect(card.alt).toContain('Global: Trains by default; EU: Not used');
  });

  it('show a company’s current status row, its own statuses before inherited ones', () => {
    const card = companyCard(
      'LinkedIn',
      [
        cell('GLOBAL', event('GLOBAL', 'default-on')),
        cell('UK', event('GLOBAL', 'default-on'), 'GLOBAL'),
        cell('EU', event('EU', 'paused')),
      ],
      names,
    );
    // No date on it: the picture changes when the status does, not every day.
    expect(card.eyebrow).toBe('Company');
    expect(card.chips).toEqual([
      { text: 'Global: Trains by default', status: 'default-on' },
      { text: 'EU: Paused', status: 'paused' },
    ]);
  });

  it('say so when a company or region has no recorded status', () => {
    expect(companyCard('Zoom', [], names)).toMatchObject({
      chips: [],
      meta: 'No recorded status yet',
    });
    expect(regionCard('Norway', [], names).meta).toBe('No recorded status yet');
  });

  it('list a region’s companies with their status', () => {
    const card = regionCard('European Union / EEA', [cell('EU', event('EU', 'paused'))], names);
    expect(card.meta).toBe('1 company with a known status here');
    expect(card.chips).toEqual([{ text: 'LinkedIn: Paused', status: 'paused' }]);
  });

  it('shorten long lists to the first few and a count', () => {
    expect(shortList(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c, d and 2 more');
    expect(shortList(['a', 'b'])).toBe('a, b');
  });

  it('render as a 1200×630 PNG with the bundled font, kept for the next build', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-test-'));
    try {
      const card = entryCard(item, names);
      const png = await renderCard(card, dir);
      expect([...png.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(fs.readdirSync(dir)).toEqual([`${cardKey(card)}.png`]);
      expect(Buffer.from(await renderCard(card, dir)).equals(Buffer.from(png))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('key a kept card by everything it shows, so an edited entry gets a new picture', () => {
    const card = entryCard(item, names);
    expect(cardKey(card)).toBe(cardKey(entryCard({ ...item }, names)));
    expect(cardKey(card)).not.toBe(cardKey(entryCard({ ...item, title: 'Another title' }, names)));
    expect(cardKey(card)).not.toBe(cardKey({ ...card, chips: card.chips.slice(1) }));
  });
});

describe('preview cards in a build', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'og-build-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes each entry, company and region page’s card to its image path and prunes cards no page uses', async () => {
    const dir = scratch();
    const out = scratch();
    fs.writeFileSync(
      path.join(dir, '0123456789abcdef0123456789abcdef.png'),
      'an earlier build’s card',
    );
    const dead = `.${'f'.repeat(32)}.png.999999999.0badcafe.tmp`;
    const live = `.${'e'.repeat(32)}.png.${process.ppid}.0badcafe.tmp`;
    fs.writeFileSync(path.join(dir, dead), 'left by a build that was killed');
    fs.writeFileSync(path.join(dir, live), 'being written by a build still running');
    const cards = new Map([
      [entryImage(item.id), entryCard(item, names)],
      [
        companyImage('linkedin'),
        companyCard('LinkedIn', [cell('EU', event('EU', 'paused'))], names),
      ],
      [regionImage('EU'), regionCard('European Union / EEA', [], names)],
    ]);

    prepareCards(cards, dir);
    expect(await writeBuildCards(out)).toEqual({ written: 3, pruned: 2 });

    for (const [image, card] of cards) {
      const png = fs.readFileSync(path.join(out, image));
      expect(pngSize(png), image).toEqual({ width: 1200, height: 630 });
      expect(png.equals(fs.readFileSync(cardFile(card, dir))), image).toBe(true);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(
      [live, ...[...cards.values()].map((c) => `${cardKey(c)}.png`)].sort(),
    );
    // The hand-over is for one build: a second call has nothing left to write or prune.
    expect(await writeBuildCards(out)).toBeUndefined();
  });

  it('leaves nothing under a card’s name when its write is cut short, and the next build draws it whole', async () => {
    const dir = scratch();
    const card = entryCard(item, names);
    vi.spyOn(fs, 'writeFileSync').mockImplementationOnce((fd, data) => {
      fs.writeSync(fd as number, (data as Uint8Array).subarray(0, 100));
      throw new Error('killed mid-write');
    });
    await expect(storeCard(card, dir)).rejects.toThrow('killed mid-write');
    vi.restoreAllMocks();
    expect(fs.existsSync(cardFile(card, dir))).toBe(false);

    expect(pngSize(await renderCard(card, dir))).toEqual({ width: 1200, height: 630 });
    // The half-written temp file goes with the next prune.
    expect(pruneCards(new Set([`${cardKey(card)}.png`]), dir)).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([`${cardKey(card)}.png`]);
  });

  it('keeps the cards of a build from another content tree apart from the site’s', () => {
    const site = cacheDir();
    vi.stubEnv('AIDW_CONTENT_DIR', '/tmp/some-fixture/content');
    const fixture = cacheDir();
    vi.stubEnv('AIDW_CONTENT_DIR', '/tmp/another-fixture/content');
    expect(site).toBe(path.join(process.cwd(), '.cache', 'og'));
    expect(fixture).not.toBe(site);
    expect(cacheDir()).not.toBe(fixture);
    vi.unstubAllEnvs();
  });
});
