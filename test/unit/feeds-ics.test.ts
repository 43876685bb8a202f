import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Company, Region } from '../../src/lib/content/taxonomy.ts';
import type { TimelineItem } from '../../src/lib/timeline/items.ts';
import { calendarCatalog } from '../../src/lib/feeds/catalog.ts';
import { feedNames } from '../../src/lib/feeds/names.ts';
import {
  buildCalendar,
  calendarEvents,
  calendarFor,
  escapeText,
  foldLine,
} from '../../src/lib/feeds/ics.ts';
import { timelineItem } from '../support/timeline-item.ts';

const site = new URL('https://aidatawatch.org');
const names = feedNames(
  [
    { id: 'meta', name: 'Meta' },
    { id: 'linkedin', name: 'LinkedIn' },
  ] as Company[],
  [
    { code: 'EU', name: 'European Union / EEA' },
    { code: 'US', name: 'United States' },
  ] as Region[],
);

function entry(over: Partial<TimelineItem> & { id: string }): TimelineItem {
  return timelineItem({
    title: 'A title',
    date: '2024-06-01T00:00:00.000Z',
    kind: 'policy-change',
    summary: 'A summary.',
    companies: ['meta'],
    regions: ['EU'],
    sources: [{ url: 'https://example.org/a', title: 'Source A', publisher: 'Example' }],
    ...over,
  });
}

const octets = (s: string) => new TextEncoder().encode(s).length;

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and newlines as RFC 5545 requires', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds long lines into physical lines of at most 75 octets that each continue with a space', () => {
    const folded = foldLine(`DESCRIPTION:${'word '.repeat(60)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of lines.slice(1)) expect(l.startsWith(' ')).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(
      `DESCRIPTION:${'word '.repeat(60)}`,
    );
  });

  it('never splits a multi-octet character across lines', () => {
    const folded = foldLine(`SUMMARY:${'é€😀'.repeat(40)}`);
    const lines = folded.split('\r\n');
    for (const l of lines) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/\uFFFD/);
      expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
    }
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(`SUMMARY:${'é€😀'.repeat(40)}`);
  });
});

describe('buildCalendar', () => {
  const text = buildCalendar({
    name: 'Dates, deadlines; and more',
    description: 'Test calendar',
    events: [
      {
        uid: 'x@aidatawatch.org',
        stamp: '2024-09-18T00:00:00.000Z',
        day: '2024-12-31',
        summary: 'Last day to object, Meta; EU\\UK',
        description: `Line one\nLine two, with ${'long text '.repeat(20)}`,
        url: 'https://aidatawatch.org/entries/x/',
        categories: ['Meta, Inc', 'Policy change'],
      },
    ],
  });

  it('ends every line with CRLF and has no bare LF', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every physical line within 75 octets', () => {
    for (const l of text.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
  });

  it('declares the calendar properties clients need', () => {
    const { cal } = parse(text);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toMatch(/AI Data Watch/);
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    // ical.js does not know X-WR-CALNAME's value type, so it hands back the escaped TEXT as written.
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Dates\\, deadlines\\; and more');
    expect(cal.getFirstPropertyValue('description')).toBe('Test calendar');
  });

  it('round-trips text with special characters through a calendar parser', () => {
    const [event] = parse(text).events;
    expect(event!.summary).toBe('Last day to object, Meta; EU\\UK');
    expect(event!.description).toBe(`Line one\nLine two, with ${'long text '.repeat(20)}`);
    expect(event!.component.getFirstProperty('categories')!.getValues()).toEqual([
      'Meta, Inc',
      'Policy change',
    ]);
  });

  it('makes an all-day event ending the next day, across a year boundary', () => {
    const [event] = parse(text).events;
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe('2024-12-31');
    expect(event!.endDate.toString()).toBe('2025-01-01');
  });

  it('writes DTSTAMP as a UTC date-time', () => {
    expect(text).toContain('DTSTAMP:20240918T000000Z\r\n');
  });
});

describe('calendarEvents', () => {
  const items = [
    entry({ id: '2024-06-01-later', effective: '2024-06-26' }),
    entry({ id: '2024-05-01-earlier', effective: '2024-02-29', companies: ['linkedin'] }),
    entry({ id: '2024-05-02-no-date' }),
    {
      ...entry({ id: 'story-1', effective: '2024-07-01' }),
      type: 'story' as const,
      kind: undefined,
      href: 'https://example.org/story',
    },
  ];

  it('makes one event per entry with an effective date, earliest first, and none for stories', () => {
    const events = calendarEvents(items, site, names);
    expect(events.map((e) => e.day)).toEqual(['2024-02-29', '2024-06-26']);
  });

  it('gives each event a UID made of the entry id and the site’s host, the same on every build', () => {
    const a = calendarEvents(items, site, names);
    const b = calendarEvents([...items].reverse(), site, names);
    expect(a.map((e) => e.uid)).toEqual([
      '2024-05-01-earlier@aidatawatch.org',
      '2024-06-01-later@aidatawatch.org',
    ]);
    expect(b).toEqual(a);
  });

  it('describes the event with its summary, companies, regions, sources and page', () => {
    const [event] = calendarEvents(items, site, names);
    expect(event!.description).toContain('A summary.');
    expect(event!.description).toContain('Companies: LinkedIn.');
    expect(event!.description).toContain('Regions: European Union / EEA.');
    expect(event!.description).toContain('Source A (Example) https://example.org/a');
    expect(event!.url).toBe('https://aidatawatch.org/entries/2024-05-01-earlier/');
  });

  it('keeps a company calendar to that company’s entries', () => {
    const info = calendarCatalog(items, [
      { id: 'linkedin', name: 'LinkedIn' },
      { id: 'meta', name: 'Meta' },
    ] as never).find((c) => c.scope.id === 'linkedin')!;
    const { events } = parse(calendarFor(info, items, site, names));
    expect(events.map((e) => e.uid)).toEqual(['2024-05-01-earlier@aidatawatch.org']);
    expect(events[0]!.startDate.toString()).toBe('2024-02-29');
  });

  it('drops control characters that would corrupt the file', () => {
    const dirty = [entry({ id: 'dirty', title: 'Bad\u0007 title\u0000', effective: '2024-01-01' })];
    const text = buildCalendar({
      name: 'n',
      description: 'd',
      events: calendarEvents(dirty, site, names),
    });
    expect(text).not.toMatch(/[\u0000\u0007]/);
    expect(parse(text).events[0]!.summary).toBe('Bad title');
  });
});
