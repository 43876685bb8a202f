/**
 * Status over time: for one company, one lane per region it has a status of its own in, cut into
 * bands of the status that held from one day to the next. Each day's status is the matrix's cell
 * for that day (`cellAt`), so the chart, the table below it and the as-of quarters can never
 * disagree: a region without a status of its own yet shows its bloc's or the global one, marked as
 * inherited.
 */
import type { Training } from '../content/entry.ts';
import { cellAt, DEFAULT_COLUMNS, StatusIndex, type BlocsOf } from '../compare/matrix.ts';
import type { StatusEvent } from '../compare/status.ts';

export type BandStatus = Training | 'unknown';

export interface Band {
  status: BandStatus;
  /** YYYY-MM-DD, the first day of the band. */
  from: string;
  /** YYYY-MM-DD, the day the next band starts, or the chart's end. */
  to: string;
  /** The region the status was recorded for, when it is not the lane's own (EU for IE, GLOBAL). */
  inheritedFrom?: string | undefined;
  /** The event that set it; undefined for `unknown`. */
  event?: StatusEvent | undefined;
}

export interface Lane {
  company: string;
  region: string;
  bands: Band[];
  /** The entries that recorded a status for this very region, oldest first. */
  markers: StatusEvent[];
}

export interface StatusHistory {
  /** YYYY-MM-DD: the first day any of the companies has a recorded status. */
  start: string;
  /** YYYY-MM-DD: today, the chart's right edge. */
  end: string;
  groups: { company: string; lanes: Lane[] }[];
}

/** GLOBAL and the major jurisdictions in the matrix's column order, then the rest by code. */
function regionOrder(a: string, b: string): number {
  const rank = (r: string) => {
    const i = DEFAULT_COLUMNS.indexOf(r);
    return i < 0 ? DEFAULT_COLUMNS.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The regions a company has a status of its own in: its lanes. */
export function laneRegions(events: readonly StatusEvent[], company: string): string[] {
  return [...new Set(events.filter((e) => e.company === company).map((e) => e.region))].sort(
    regionOrder,
  );
}

/**
 * One lane from `start` to `end`. A band starts on a day an event for the company (in this region
 * or one it inherits from) changes the status shown or where it comes from. A later entry that
 * confirms the same status (a new opt-out route, a note) starts no band: the band shows the
 * status, the markers show the entries.
 */
export function lane(
  index: StatusIndex,
  events: readonly StatusEvent[],
  company: string,
  region: string,
  start: string,
  end: string,
  blocsOf: BlocsOf,
): Lane {
  const days = new Set([start]);
  for (const e of events)
    if (e.company === company && e.date > start && e.date <= end) days.add(e.date);
  const bands: Band[] = [];
  for (const day of [...days].sort()) {
    const cell = cellAt(index, company, region, day, blocsOf);
    const status: BandStatus = cell.current?.training ?? 'unknown';
    const last = bands.at(-1);
    if (last && last.status === status && last.inheritedFrom === cell.inheritedFrom) continue;
    if (last) last.to = day;
    bands.push({
      status,
      from: day,
      to: end,
      inheritedFrom: cell.inheritedFrom,
      event: cell.current,
    });
  }
  return {
    company,
    region,
    bands,
    markers: events.filter((e) => e.company === company && e.region === region && e.date <= end),
  };
}

export interface HistoryInput {
  events: readonly StatusEvent[];
  companies: readonly string[];
  /** YYYY-MM-DD. */
  today: string;
  blocsOf: BlocsOf;
}

/**
 * The lanes of one or more companies on one time axis, from the first status any of them has to
 * today. Companies without a recorded status get no group.
 */
export function statusHistory({
  events,
  companies,
  today,
  blocsOf,
}: HistoryInput): StatusHistory | undefined {
  const mine = events.filter((e) => companies.includes(e.company) && e.date <= today);
  if (!mine.length) return undefined;
  const start = mine.reduce((min, e) => (e.date < min ? e.date : min), mine[0]!.date);
  const index = new StatusIndex(mine);
  const groups = companies
    .map((company) => ({
      company,
      lanes: laneRegions(mine, company).map((region) =>
        lane(index, mine, company, region, start, today, blocsOf),
      ),
    }))
    .filter((g) => g.lanes.length > 0);
  return { start, end: today, groups };
}
