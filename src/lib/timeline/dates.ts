/**
 * How item dates read on the page. Everything is formatted in UTC so a build anywhere gives the
 * same text, and month-precision entries never claim a day they do not know.
 */
import type { TimelineItem } from './items.ts';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const asDate = (iso: string) => new Date(iso.length === 7 ? `${iso}-01` : iso);

/** "18 September 2024" from an ISO date or date-time. */
export const formatDay = (iso: string) => dayFormat.format(asDate(iso));

/** "18 Sept 2024": for tight spaces such as comparison cells. */
export const formatShortDay = (iso: string) => shortDayFormat.format(asDate(iso));

/** "September 2024" from `2024-09`, a day or a date-time. */
export const formatMonth = (iso: string) => monthFormat.format(asDate(iso));

/** The item's date as a reader sees it: "April 2023" when only the month is known. */
export function formatItemDate(item: Pick<TimelineItem, 'date' | 'datePrecision'>): string {
  return item.datePrecision === 'month' ? formatMonth(item.date) : formatDay(item.date);
}

/**
 * The `datetime` attribute: `2023-04` for a month, `2024-09-18` for an entry's day, the full
 * instant for a story, each a valid HTML date string at the precision we know.
 */
export function itemDatetime(item: Pick<TimelineItem, 'type' | 'date' | 'datePrecision'>): string {
  if (item.datePrecision === 'month') return item.date.slice(0, 7);
  if (item.type === 'entry') return item.date.slice(0, 10);
  return item.date;
}

/** `2024-09` */
export const monthKey = (iso: string) => iso.slice(0, 7);

/** The calendar year of an ISO date. */
export const yearOf = (iso: string) => Number(iso.slice(0, 4));
