/** A day-based time axis shared by the charts: days to x, and the year and quarter ticks. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD day. */
export function dayNumber(day: string): number {
  const ms = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a YYYY-MM-DD day: "${day}"`);
  return Math.round(ms / DAY_MS);
}

export interface TimeScale {
  (day: string): number;
  start: string;
  end: string;
  left: number;
  right: number;
}

/** Maps [start, end] onto [left, right]; a one-day range still has width. */
export function timeScale(start: string, end: string, left: number, right: number): TimeScale {
  const d0 = dayNumber(start);
  const span = Math.max(1, dayNumber(end) - d0);
  const scale = ((day: string) =>
    round(left + ((dayNumber(day) - d0) / span) * (right - left))) as TimeScale;
  return Object.assign(scale, { start, end, left, right });
}

export interface Tick {
  /** YYYY-MM-DD. */
  day: string;
  x: number;
  /** "2025" on the first of January; empty for quarter ticks. */
  label: string;
  major: boolean;
}

/**
 * A tick on each 1 January inside the range, labelled with the year, and unlabelled quarter ticks
 * between while the range is short enough for them not to crowd.
 */
export function yearTicks(scale: TimeScale): Tick[] {
  const first = Number(scale.start.slice(0, 4));
  const last = Number(scale.end.slice(0, 4));
  const quarters = last - first <= 6;
  const ticks: Tick[] = [];
  for (let year = first; year <= last; year++) {
    for (const month of quarters ? ['01', '04', '07', '10'] : ['01']) {
      const day = `${year}-${month}-01`;
      if (day <= scale.start || day > scale.end) continue;
      const major = month === '01';
      ticks.push({ day, x: scale(day), label: major ? String(year) : '', major });
    }
  }
  return ticks;
}

/** Two decimals are plenty for a picture and keep the markup short. */
export const round = (n: number) => Math.round(n * 100) / 100;
