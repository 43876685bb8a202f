/**
 * What the comparison pages show, computed once from the site's items and taxonomy: the status
 * events, the columns, the rows (companies that have any recorded status), and the matrix as of a day.
 */
import { isoDay } from '../content/fields.ts';
import type { Company, Region } from '../content/taxonomy.ts';
import type { TimelineItem } from '../timeline/items.ts';
import {
  buildMatrix,
  companiesWithStatus,
  defaultColumns,
  type BlocsOf,
  type Matrix,
} from './matrix.ts';
import { quartersBetween, type Quarter } from './quarters.ts';
import { statusEvents, type StatusEvent } from './status.ts';

export interface ComparisonModel {
  events: StatusEvent[];
  /** Region codes, in column order. */
  columns: string[];
  /** Company ids with any recorded status, by display name. */
  companies: string[];
  blocsOf: BlocsOf;
  /** Past quarters with a snapshot page, oldest first. */
  quarters: Quarter[];
  matrixAt(asOf: string): Matrix;
}

export function comparisonModel(
  items: readonly TimelineItem[],
  companies: readonly Company[],
  regions: readonly Region[],
  today: string,
): ComparisonModel {
  const events = statusEvents(items);
  const blocsOf: BlocsOf = new Map(regions.map((r) => [r.code, r.memberOf]));
  const columns = defaultColumns(regions.map((r) => r.code));
  const withStatus = companiesWithStatus(events);
  const rows = [...companies]
    .filter((c) => withStatus.has(c.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => c.id);
  const quarters = events.length ? quartersBetween(events[0]!.date, today) : [];
  return {
    events,
    columns,
    companies: rows,
    blocsOf,
    quarters,
    matrixAt: (asOf) => buildMatrix({ events, companies: rows, regions: columns, asOf, blocsOf }),
  };
}

/** Today as YYYY-MM-DD in UTC: the as-of day of the current comparison. */
export const isoToday = (now = new Date()) => isoDay(now);
