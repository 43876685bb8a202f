/**
 * The company × region status matrix. A cell is the latest status recorded for that company in
 * that region on or before the as-of day. A region with no status of its own takes its bloc's
 * (IE from EU), and failing that the company's GLOBAL status; the cell then says where it came
 * from, because "inherited from EU" and "decided for Ireland" are different facts.
 */
import type { StatusEvent } from './status.ts';

export const GLOBAL = 'GLOBAL';

export interface Cell {
  company: string;
  region: string;
  /** The event that sets the status shown, or undefined when nothing is known. */
  current?: StatusEvent | undefined;
  /** Set when `current` was recorded for a bloc or GLOBAL rather than this region. */
  inheritedFrom?: string | undefined;
  /**
   * Every event for the deciding region up to the as-of day, oldest first, so a cell can link all
   * the entries that shaped it.
   */
  history: StatusEvent[];
}

export interface MatrixRow {
  company: string;
  cells: Cell[];
}

export interface Matrix {
  /** YYYY-MM-DD. */
  asOf: string;
  regions: string[];
  rows: MatrixRow[];
}

export type BlocsOf = ReadonlyMap<string, readonly string[]>;

/**
 * Where a region looks for a status, most specific first: itself, its blocs (and theirs), then
 * GLOBAL. Cycles in bloc membership are ignored rather than looping.
 */
export function lookupChain(region: string, blocsOf: BlocsOf): string[] {
  const chain: string[] = [];
  const visit = (code: string) => {
    if (chain.includes(code)) return;
    chain.push(code);
    for (const bloc of blocsOf.get(code) ?? []) visit(bloc);
  };
  visit(region);
  if (!chain.includes(GLOBAL)) chain.push(GLOBAL);
  return chain;
}

/** Events indexed by company and region, so each cell is a lookup rather than a scan. */
export class StatusIndex {
  readonly #byKey = new Map<string, StatusEvent[]>();

  constructor(events: readonly StatusEvent[]) {
    for (const e of events) {
      const key = `${e.company}\u0000${e.region}`;
      const list = this.#byKey.get(key);
      if (list) list.push(e);
      else this.#byKey.set(key, [e]);
    }
    for (const list of this.#byKey.values())
      list.sort((a, b) => a.date.localeCompare(b.date) || a.entryId.localeCompare(b.entryId));
  }

  /** Events for exactly this company and region dated on or before `asOf`, oldest first. */
  upTo(company: string, region: string, asOf: string): StatusEvent[] {
    return (this.#byKey.get(`${company}\u0000${region}`) ?? []).filter((e) => e.date <= asOf);
  }
}

/** The status of one company in one region as of a day. */
export function cellAt(
  index: StatusIndex,
  company: string,
  region: string,
  asOf: string,
  blocsOf: BlocsOf,
): Cell {
  for (const code of lookupChain(region, blocsOf)) {
    const history = index.upTo(company, code, asOf);
    if (history.length) {
      return {
        company,
        region,
        current: history.at(-1),
        inheritedFrom: code === region ? undefined : code,
        history,
      };
    }
  }
  return { company, region, history: [] };
}

export interface MatrixInput {
  events: readonly StatusEvent[];
  companies: readonly string[];
  regions: readonly string[];
  asOf: string;
  blocsOf: BlocsOf;
}

export function buildMatrix({ events, companies, regions, asOf, blocsOf }: MatrixInput): Matrix {
  const index = new StatusIndex(events);
  return {
    asOf,
    regions: [...regions],
    rows: companies.map((company) => ({
      company,
      cells: regions.map((region) => cellAt(index, company, region, asOf, blocsOf)),
    })),
  };
}

/** Companies with at least one recorded status: the rows worth showing. */
export function companiesWithStatus(events: readonly StatusEvent[]): Set<string> {
  return new Set(events.map((e) => e.company));
}

/**
 * The comparison's columns: GLOBAL first, as the baseline the other cells inherit from, then the
 * major jurisdictions in a fixed order, as far as the taxonomy has them.
 */
export const DEFAULT_COLUMNS = [GLOBAL, 'EU', 'UK', 'US', 'CH', 'CA', 'AU', 'BR', 'IN', 'JP', 'KR'];

export function defaultColumns(known: Iterable<string>): string[] {
  const have = new Set(known);
  return DEFAULT_COLUMNS.filter((c) => have.has(c));
}

/**
 * The regions worth listing for one company: the default columns plus every region it has a
 * status of its own in (e.g. BR after the ANPD's order).
 */
export function regionsForCompany(
  events: readonly StatusEvent[],
  company: string,
  known: Iterable<string>,
): string[] {
  const have = new Set(known);
  const own = new Set(events.filter((e) => e.company === company).map((e) => e.region));
  const extra = [...own].filter((r) => have.has(r) && !DEFAULT_COLUMNS.includes(r)).sort();
  return [...defaultColumns(have), ...extra];
}
