import { describe, expect, it } from 'vitest';
import { itemDate } from '../../src/lib/ingest/dates.ts';

const fetchedAt = new Date('2024-06-01T12:00:00Z');

describe('itemDate', () => {
  it('converts RFC 822 dates with offsets and zone names to ISO UTC', () => {
    expect(itemDate(['Tue, 14 May 2024 09:30:00 +0200'], fetchedAt)).toEqual({
      published: '2024-05-14T07:30:00.000Z',
      estimated: false,
    });
    expect(itemDate(['Thu, 19 Jan 2012 20:00:00 EST'], fetchedAt).published).toBe(
      '2012-01-20T01:00:00.000Z',
    );
  });

  it('converts ISO 8601 with an offset to UTC', () => {
    expect(itemDate(['2024-05-14T09:30:00-04:00'], fetchedAt).published).toBe(
      '2024-05-14T13:30:00.000Z',
    );
  });

  it('uses the next candidate when the first is unreadable', () => {
    expect(
      itemDate(['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40Z'], fetchedAt),
    ).toEqual({
      published: '2018-09-24T22:42:40.000Z',
      estimated: false,
    });
  });

  it('falls back to the fetch time, flagged, when no date is usable', () => {
    for (const candidates of [[], [undefined, ''], ['not a date'], [{ nested: true }]]) {
      expect(itemDate(candidates, fetchedAt)).toEqual({
        published: '2024-06-01T12:00:00.000Z',
        estimated: true,
      });
    }
  });

  it('treats dates far in the future or before the web era as wrong', () => {
    expect(itemDate(['2099-01-01T00:00:00Z'], fetchedAt).estimated).toBe(true);
    expect(itemDate(['1970-01-01T00:00:00Z'], fetchedAt).estimated).toBe(true);
  });
});
