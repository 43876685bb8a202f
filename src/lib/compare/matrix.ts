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
   * Every change for the deciding region up to the as-of day, oldest first, so a cell can link all
   * the entries that shaped it. Confirmations are not changes and are left out.
   */
  history: StatusEvent[];
  /**
   * The newest event up to the as-of day that set `current` or confirmed it (an entry line with
   * `confirms: true` and the same training state): its date is when the status was last confirmed.
   */
  confirmed?: StatusEvent | undefined;
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

const keyOf = (company: string, region: string) => `${company}\u0000${region}`;

function addTo(map: Map<string, StatusEvent[]>, e: StatusEvent) {
  const key = keyOf(e.company, e.region);
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

/**
 * Events indexed by company and region, so each cell is a lookup rather than a scan. Changes and
 * confirmations are kept apart: only a change decides what a cell shows.
 */
export class StatusIndex {
  readonly #changes = new Map<string, StatusEvent[]>();
  readonly #confirmations = new Map<string, StatusEvent[]>();

  constructor(events: readonly StatusEvent[]) {
    for (const e of events) addTo(e.confirms ? this.#confirmations : this.#changes, e);
    for (const map of [this.#changes, this.#confirmations])
      for (const list of map.values())
        list.sort((a, b) => a.date.localeCompare(b.date) || a.entryId.localeCompare(b.entryId));
  }

  /** Changes for exactly this company and region dated on or before `asOf`, oldest first. */
  upTo(company: string, region: string, asOf: string): StatusEvent[] {
    return (this.#changes.get(keyOf(company, region)) ?? []).filter((e) => e.date <= asOf);
  }

  /**
   * The newest event on or before `asOf` that states `current` for its company and region: the
   * change itself, or a later confirmation of the same training state.
   */
  confirmedBy(current: StatusEvent, asOf: string): StatusEvent {
    let newest = current;
    for (const c of this.#confirmations.get(keyOf(current.company, current.region)) ?? [])
      if (c.date >= newest.date && c.date <= asOf && c.training === current.training) newest = c;
    return newest;
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
    const current = history.at(-1);
    if (current) {
      return {
        company,
        region,
        current,
        inheritedFrom: code === region ? undefined : code,
        history,
        confirmed: index.confirmedBy(current, asOf),
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
  return new Set(events.filter((e) => !e.confirms).map((e) => e.company));
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
  const own = new Set(
    events.filter((e) => e.company === company && !e.confirms).map((e) => e.region),
  );
  const extra = [...own].filter((r) => have.has(r) && !DEFAULT_COLUMNS.includes(r)).sort();
  return [...defaultColumns(have), ...extra];
}
