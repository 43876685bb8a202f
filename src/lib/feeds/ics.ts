/**
 * iCalendar (RFC 5545) text for the effective dates and deadlines of curated entries. Written by
 * hand because the format needs only three rules (escaping, CRLF, folding at 75 octets) and a
 * library would add a dependency to get them.
 */
import { isoDay } from '../content/fields.ts';
import type { TimelineItem } from '../timeline/items.ts';
import { kindLabel } from '../timeline/labels.ts';
import { SITE_NAME, hasEffectiveDate, type CalendarInfo } from './catalog.ts';
import { longDate, plainLine } from './plain-text.ts';
import type { FeedNames } from './rss.ts';

export interface IcsEvent {
  /** Globally unique and stable across builds, e.g. `2024-09-18-linkedin-…@aidatawatch.org`. */
  uid: string;
  /** When the event's data was last stated: ISO 8601. */
  stamp: string;
  /** The all-day event's day, YYYY-MM-DD. */
  day: string;
  summary: string;
  description: string;
  url?: string;
  categories?: string[];
}

export interface IcsCalendar {
  name: string;
  description: string;
  /** The calendar file's own address (RFC 7986 SOURCE), so clients can refresh it. */
  source?: string;
  /** The page that shows the same dates. */
  url?: string;
  events: IcsEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line so no physical line exceeds 75 octets, continuing with a single space
 * (RFC 5545 §3.1). Splits only between characters so multi-octet UTF-8 sequences stay whole.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const basicDate = (day: string) => day.slice(0, 10).replace(/-/g, '');

/** ISO 8601 → 20240918T000000Z (UTC date-time form). */
function basicDateTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function nextDay(day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return isoDay(d);
}

const stripControls = (s: string) =>
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

export function buildCalendar(cal: IcsCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${SITE_NAME}//Dates and deadlines//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(cal.name)}`,
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `DESCRIPTION:${escapeText(cal.description)}`,
    `X-WR-CALDESC:${escapeText(cal.description)}`,
    ...(cal.url ? [`URL:${cal.url}`] : []),
    ...(cal.source ? [`SOURCE;VALUE=URI:${cal.source}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:PT12H',
    'X-PUBLISHED-TTL:PT12H',
  ];
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${basicDateTime(e.stamp)}`,
      `DTSTART;VALUE=DATE:${basicDate(e.day)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(e.day))}`,
      `SUMMARY:${escapeText(stripControls(e.summary))}`,
      `DESCRIPTION:${escapeText(stripControls(e.description))}`,
      ...(e.url ? [`URL:${e.url}`] : []),
      ...(e.categories?.length
        ? [`CATEGORIES:${e.categories.map((c) => escapeText(stripControls(c))).join(',')}`]
        : []),
      // All-day reminders should not block anyone's free/busy time.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** One all-day event per entry with an effective date or deadline, earliest first. */
export function calendarEvents(
  items: readonly TimelineItem[],
  site: URL,
  names: FeedNames,
): IcsEvent[] {
  return items
    .filter(hasEffectiveDate)
    .sort((a, b) => a.effective!.localeCompare(b.effective!) || a.id.localeCompare(b.id))
    .map((item) => {
      const url = new URL(item.href, site).href;
      const companies = item.companies.map(names.company);
      const regions = item.regions.map(names.region);
      const description = [
        plainLine(item.summary, 600),
        `Takes effect or deadline: ${longDate(item.effective!)}.`,
        [
          companies.length ? `Companies: ${companies.join(', ')}.` : '',
          regions.length ? `Regions: ${regions.join(', ')}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
        ...item.sources.map(
          (s) =>
            `Source: ${plainLine(s.title, 200)}${s.publisher ? ` (${plainLine(s.publisher, 80)})` : ''} ${s.url}`,
        ),
        `Details: ${url}`,
      ]
        .filter(Boolean)
        .join('\n');
      return {
        uid: `${item.id}@${site.hostname}`,
        stamp: item.date,
        day: item.effective!,
        summary: plainLine(item.title, 300),
        description,
        url,
        categories: [...companies, kindLabel(item.kind)],
      };
    });
}

/** The calendar a catalog entry describes, with the events in its scope. */
export function calendarFor(
  info: CalendarInfo,
  items: readonly TimelineItem[],
  site: URL,
  names: FeedNames,
): string {
  const scoped =
    info.scope.type === 'company'
      ? items.filter((i) => i.companies.includes(info.scope.id ?? ''))
      : items;
  return buildCalendar({
    name: info.title,
    description: info.description,
    source: new URL(info.path, site).href,
    url: new URL(info.scope.type === 'company' ? `/companies/${info.scope.id}/` : '/feeds/', site)
      .href,
    events: calendarEvents(scoped, site, names),
  });
}
