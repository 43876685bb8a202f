import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../src/lib/timeline/items.ts';
import { entryJsonLd } from '../../src/lib/feeds/jsonld.ts';

const site = new URL('https://aidatawatch.org');
const item: TimelineItem = {
  type: 'entry',
  id: '2025-04-14-meta-announces-eu-ai-training',
  title: 'Meta announces AI training on EU users’ public posts',
  date: '2025-04-14T00:00:00.000Z',
  datePrecision: 'day',
  kind: 'policy-change',
  summary: 'Meta said it would train on public posts of adults in the EU.',
  companies: ['meta'],
  regions: ['EU'],
  href: '/entries/2025-04-14-meta-announces-eu-ai-training/',
  sources: [
    {
      url: 'https://about.fb.com/news/x',
      title: 'Making AI work for Europeans',
      publisher: 'Meta',
      date: '2025-04-14',
    },
  ],
  effective: '2025-05-27',
};
const names = {
  companies: new Map([['meta', { name: 'Meta', website: 'https://about.meta.com' }]]),
  regions: new Map([['EU', { name: 'European Union / EEA' }]]),
};

describe('entryJsonLd', () => {
  const ld = entryJsonLd(item, site, names);

  it('describes the entry as a schema.org NewsArticle at its canonical address', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: item.title,
      description: item.summary,
      url: 'https://aidatawatch.org/entries/2025-04-14-meta-announces-eu-ai-training/',
      datePublished: '2025-04-14',
      publisher: { '@type': 'Organization', name: 'AI Data Watch' },
    });
  });

  it('cites every source with its link and publisher', () => {
    expect(ld['citation']).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'Making AI work for Europeans',
        url: 'https://about.fb.com/news/x',
        publisher: { '@type': 'Organization', name: 'Meta' },
        datePublished: '2025-04-14',
      },
    ]);
  });

  it('adds the effective date as an Event the article is about, placed in its regions', () => {
    const about = ld['about'] as Record<string, unknown>[];
    expect(about[0]).toMatchObject({
      '@type': 'Organization',
      name: 'Meta',
      sameAs: 'https://about.meta.com',
    });
    expect(about.find((a) => a['@type'] === 'Event')).toMatchObject({
      startDate: '2025-05-27',
      location: [
        {
          '@type': 'Place',
          name: 'European Union / EEA',
          url: 'https://aidatawatch.org/regions/eu/',
        },
      ],
    });
  });

  it('has no Event when the entry has no effective date, and falls back to ids without names', () => {
    const plain = entryJsonLd({ ...item, effective: undefined }, site);
    const about = plain['about'] as Record<string, unknown>[];
    expect(about.map((a) => a['@type'])).toEqual(['Organization']);
    expect(about[0]!['name']).toBe('meta');
  });

  it('survives JSON serialisation unchanged, as the page embeds it', () => {
    expect(JSON.parse(JSON.stringify(ld))).toEqual(ld);
  });
});
