/** The status rows on company and region pages, from the same matrix rules as /compare/. */
import { cellAt, regionsForCompany, StatusIndex, type BlocsOf, type Cell } from './matrix.ts';
import type { StatusEvent } from './status.ts';

/** One company's status in each region worth listing, as of a day. */
export function companyStatus(
  events: readonly StatusEvent[],
  company: string,
  knownRegions: Iterable<string>,
  asOf: string,
  blocsOf: BlocsOf,
): Cell[] {
  const index = new StatusIndex(events);
  return regionsForCompany(events, company, knownRegions).map((region) =>
    cellAt(index, company, region, asOf, blocsOf),
  );
}

/**
 * Every company with a known status in one region (own, a bloc's, or global), as of a day, those
 * that train on people's data first.
 */
export function regionStatus(
  events: readonly StatusEvent[],
  region: string,
  companies: readonly string[],
  asOf: string,
  blocsOf: BlocsOf,
): Cell[] {
  const index = new StatusIndex(events);
  const rank = { 'default-on': 0, 'opt-in': 1, paused: 2, blocked: 3, off: 4 } as const;
  return companies
    .map((company) => cellAt(index, company, region, asOf, blocsOf))
    .filter((cell) => cell.current !== undefined)
    .sort((a, b) => rank[a.current!.training] - rank[b.current!.training]);
}
