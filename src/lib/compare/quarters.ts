/**
 * The as-of control: one static comparison per calendar quarter, from the first recorded status
 * to the last quarter that has ended, so a reader can see the matrix at past dates without JS.
 */

export interface Quarter {
  /** `2024-q3`: also the URL segment, `/compare/2024-q3/`. */
  id: string;
  /** "Q3 2024". */
  label: string;
  year: number;
  /** 1–4. */
  quarter: number;
  /** The quarter's last day, YYYY-MM-DD: the matrix is shown as of the end of that day. */
  asOf: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterOf(day: string): { year: number; quarter: number } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12))
    throw new RangeError(`not a YYYY-MM-DD day: "${day}"`);
  return { year, quarter: Math.ceil(month / 3) };
}

export function makeQuarter(year: number, quarter: number): Quarter {
  const endMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return {
    id: `${year}-q${quarter}`,
    label: `Q${quarter} ${year}`,
    year,
    quarter,
    asOf: `${year}-${pad(endMonth)}-${pad(lastDay)}`,
  };
}

/** Matches a quarter id such as `2024-q3`. */
export const QUARTER_ID = /^(\d{4})-q([1-4])$/;

export function parseQuarterId(id: string): Quarter | undefined {
  const m = QUARTER_ID.exec(id);
  return m ? makeQuarter(Number(m[1]), Number(m[2])) : undefined;
}

/**
 * Every quarter from the one containing `first` to the last one that ended on or before `today`,
 * oldest first. Empty when no quarter has ended since `first`.
 */
export function quartersBetween(first: string, today: string): Quarter[] {
  const start = quarterOf(first);
  const out: Quarter[] = [];
  let { year, quarter } = start;
  for (;;) {
    const q = makeQuarter(year, quarter);
    if (q.asOf > today) break;
    out.push(q);
    quarter += 1;
    if (quarter > 4) {
      quarter = 1;
      year += 1;
    }
  }
  return out;
}
