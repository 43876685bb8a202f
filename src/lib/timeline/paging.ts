/**
 * Splits a long list into numbered pages so that no page grows with the archive. Page 1 lives at
 * the base path (`/`), later pages at `<base>page/<n>/`.
 */

/** Items per timeline page: long enough to browse, short enough to load fast on a phone. */
export const PAGE_SIZE = 50;

export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages there are in all. */
  total: number;
  items: T[];
  /** This page's path. */
  href: string;
  prev?: string | undefined;
  next?: string | undefined;
  /** 1-based positions of the first and last item on this page (0 and 0 when empty). */
  first: number;
  last: number;
  /** All items across pages. */
  count: number;
}

/** `/` for page 1, `/page/2/` for page 2; with base `/companies/meta/`, `/companies/meta/page/2/`. */
export function pageHref(base: string, n: number): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return n <= 1 ? root : `${root}page/${n}/`;
}

/**
 * Every page of `items`. An empty list still yields one (empty) page, so the first page always
 * exists and can say there is nothing yet.
 */
export function paginate<T>(items: readonly T[], base: string, size = PAGE_SIZE): Page<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    const slice = items.slice(i * size, number * size);
    return {
      number,
      total,
      items: slice,
      href: pageHref(base, number),
      prev: number > 1 ? pageHref(base, number - 1) : undefined,
      next: number < total ? pageHref(base, number + 1) : undefined,
      first: slice.length ? i * size + 1 : 0,
      last: slice.length ? i * size + slice.length : 0,
      count: items.length,
    };
  });
}

/**
 * The page numbers a pager shows: the first, the last, and a window around the current one, with
 * `null` where numbers are skipped ("1 … 4 5 6 … 20").
 */
export function pagerWindow(current: number, total: number, radius = 2): (number | null)[] {
  const shown = new Set<number>([1, total]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push(n);
  });
  return out;
}
