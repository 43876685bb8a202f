import { describe, expect, it } from 'vitest';
import { pageHref, paginate, pagerWindow } from '../../src/lib/timeline/paging.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('timeline paging', () => {
  it('keeps every page at the page size however long the archive grows', () => {
    const pages = paginate(range(1234), '/', 50);
    expect(pages).toHaveLength(25);
    expect(Math.max(...pages.map((p) => p.items.length))).toBe(50);
    expect(pages.at(-1)!.items).toHaveLength(34);
    expect(pages.flatMap((p) => p.items)).toEqual(range(1234));
  });

  it('puts page 1 at the base path and later pages under page/N/', () => {
    const pages = paginate(range(120), '/', 50);
    expect(pages.map((p) => p.href)).toEqual(['/', '/page/2/', '/page/3/']);
    expect(pageHref('/companies/meta/', 2)).toBe('/companies/meta/page/2/');
    expect(pageHref('/regions/eu', 1)).toBe('/regions/eu/');
  });

  it('links each page to its neighbours and none beyond the ends', () => {
    const [first, middle, last] = paginate(range(120), '/', 50);
    expect([first!.prev, first!.next]).toEqual([undefined, '/page/2/']);
    expect([middle!.prev, middle!.next]).toEqual(['/', '/page/3/']);
    expect([last!.prev, last!.next]).toEqual(['/page/2/', undefined]);
  });

  it('says which items a page holds out of how many', () => {
    const second = paginate(range(120), '/', 50)[1]!;
    expect([second.first, second.last, second.count, second.total]).toEqual([51, 100, 120, 3]);
  });

  it('still gives one empty first page when there are no items', () => {
    const pages = paginate([], '/', 50);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ href: '/', items: [], first: 0, last: 0, total: 1 });
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate(range(3), '/', 0)).toThrow(/positive integer/);
  });

  it('shows the ends and a window around the current page with gaps marked', () => {
    expect(pagerWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pagerWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pagerWindow(1, 1)).toEqual([1]);
  });
});
