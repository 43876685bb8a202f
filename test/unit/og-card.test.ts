import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/lib/compare/matrix.ts';
import type { StatusEvent } from '../../src/lib/compare/status.ts';
import { companyCard, entryCard, regionCard, shortList } from '../../src/lib/og/card.ts';
import { cardKey, renderCard } from '../../src/lib/og/render.ts';
import { makeNames } from '../../src/lib/timeline/names.ts';
import { timelineItem } from '../support/timeline-item.ts';

const names = makeNames(
  [
    { id: 'linkedin', name: 'LinkedIn', aliases: [], products: [], caseSensitive: [] },
    { id: 'microsoft', name: 'Microsoft', aliases: [], products: [], caseSensitive: [] },
  ],
  [
    {
      id: 'eu',
      code: 'EU',
      name: 'European Union / EEA',
      aliases: [],
      regulators: [],
      laws: [],
      memberOf: [],
    },
    {
      id: 'global',
      code: 'GLOBAL',
      name: 'Global',
      aliases: [],
      regulators: [],
      laws: [],
      memberOf: [],
    },
  ],
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
