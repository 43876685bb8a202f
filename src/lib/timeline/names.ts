/**
 * Display names for ids and codes. Pages hand these to components so a badge always reads
 * "LinkedIn" and "European Union / EEA", and falls back to the raw id rather than failing.
 */
import type { Company, Region } from '../content/taxonomy.ts';

export interface Names {
  company(id: string): string;
  /**
   * False for a company the classifier proposed that has no file (and so no page) yet: it is
   * shown as a plain badge, not a link.
   */
  hasCompanyPage(id: string): boolean;
  region(code: string): string;
  /** The short label for a region badge or column: "EU", "UK", "Global". */
  regionShort(code: string): string;
}

export function makeNames(companies: readonly Company[], regions: readonly Region[]): Names {
  const byId = new Map(companies.map((c) => [c.id, c.name]));
  const byCode = new Map(regions.map((r) => [r.code, r.name]));
  return {
    company: (id) => byId.get(id) ?? id,
    hasCompanyPage: (id) => byId.has(id),
    region: (code) => byCode.get(code) ?? code,
    regionShort: (code) => (code === 'GLOBAL' ? 'Global' : code),
  };
}
