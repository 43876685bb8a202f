/**
 * How fresh the comparison is: when each status was last confirmed, which statuses nobody has
 * confirmed for a year, and how far the entries reach. A status is a claim about the present, so a
 * reader needs to know how old the newest evidence for it is; `npm run check` and the scheduled
 * update's summary list the statuses that have gone unconfirmed too long.
 */
import type { TimelineItem } from '../timeline/items.ts';
import { StatusIndex } from './matrix.ts';
import type { StatusEvent } from './status.ts';

/** A status not confirmed for this many months is stale. */
export const FRESH_MONTHS = 12;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The same day `months` calendar months before `day` (both YYYY-MM-DD), or the last day of that
 * month when it is shorter: 12 months before 2028-02-29 is 2027-02-28.
 */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** True when `confirmed` is more than `months` months before `asOf`. */
export function isStale(confirmed: string, asOf: string, months = FRESH_MONTHS): boolean {
  return confirmed < monthsBefore(asOf, months);
}

/** The day of the newest curated entry on or before `today`, YYYY-MM-DD; undefined without any. */
export function newestEntryDay(items: readonly TimelineItem[], today: string): string | undefined {
  let newest: string | undefined;
  for (const item of items) {
    if (item.type !== 'entry') continue;
    const day = item.date.slice(0, 10);
    if (day <= today && (!newest || day > newest)) newest = day;
  }
  return newest;
}

/** A company's own status in a region that no entry has set or confirmed for too long. */
export interface StaleStatus {
  company: string;
  region: string;
  training: StatusEvent['training'];
  /** YYYY-MM-DD of the newest entry that set or confirmed it. */
  lastConfirmed: string;
  /** That entry, so an editor knows where to start. */
  entryId: string;
  entryTitle: string;
  entryHref: string;
  /** Which line of that entry's `status` list states it (0-based), when known. */
  statusIndex?: number | undefined;
}

/**
 * Every status recorded for a company in a region (its own, not inherited) whose newest setting or
 * confirming entry is more than `months` months before `today`, by company then region. Statuses
 * inherited from a bloc or GLOBAL are not listed again: confirming the bloc's confirms them.
 */
export function staleStatuses(
  events: readonly StatusEvent[],
  today: string,
  months = FRESH_MONTHS,
): StaleStatus[] {
  const index = new StatusIndex(events);
  const keys = new Map<string, { company: string; region: string }>();
  for (const e of events)
    if (!e.confirms)
      keys.set(`${e.company}\u0000${e.region}`, { company: e.company, region: e.region });
  const out: StaleStatus[] = [];
  for (const { company, region } of keys.values()) {
    const current = index.upTo(company, region, today).at(-1);
    if (!current) continue;
    const confirmed = index.confirmedBy(current, today);
    if (!isStale(confirmed.date, today, months)) continue;
    out.push({
      company,
      region,
      training: current.training,
      lastConfirmed: confirmed.date,
      entryId: confirmed.entryId,
      entryTitle: confirmed.entryTitle,
      entryHref: confirmed.entryHref,
      statusIndex: confirmed.statusIndex,
    });
  }
  return out.sort((a, b) => a.company.localeCompare(b.company) || a.region.localeCompare(b.region));
}
