/**
 * content/primary-sources.yaml: which web domains are a regulator's or company's own voice, and
 * which only pass on other people's reporting. `npm run check` uses it to warn about an entry that
 * cites nothing but aggregators while the regulator's or company's own page is known.
 */
import { z } from 'zod';
import type { Vocabulary } from './entry.ts';
import { oneOf } from './fields.ts';

/** A bare host name such as `priv.gc.ca`, lowercased, without `www.`. */
export const domain = z
  .string({ error: 'must be a domain such as priv.gc.ca' })
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/^www\./, ''))
  .pipe(
    z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/,
        'must be a bare domain such as priv.gc.ca, without https:// or a path',
      ),
  );

export function primarySourcesSchema(vocab: Pick<Vocabulary, 'companyIds' | 'regionCodes'>) {
  const companyId = oneOf(vocab.companyIds, 'company id', (s) => s.trim().toLowerCase());
  const regionCode = oneOf(vocab.regionCodes, 'region code', (s) => s.trim().toUpperCase());
  return z.object({
    /**
     * Domains whose pages are the word of a regulator or company itself (its press releases,
     * decisions, blog, help pages), each with the companies or regions it speaks for.
     */
    primary: z
      .array(
        z
          .object({
            /** The domain; its subdomains count too (`news.linkedin.com` under `linkedin.com`). */
            domain,
            /** The companies this domain speaks for. */
            companies: z.array(companyId).default([]),
            /** The regions whose regulator or government this domain is. */
            regions: z.array(regionCode).default([]),
          })
          .refine((p) => p.companies.length + p.regions.length > 0, {
            error: 'needs companies or regions: say whose own voice this domain is',
          }),
      )
      .default([]),
    /**
     * Domains that republish, summarise or collect other outlets' reporting rather than report it
     * themselves: an entry citing only these should also cite the original.
     */
    aggregators: z.array(domain).default([]),
  });
}
export type PrimarySources = z.output<ReturnType<typeof primarySourcesSchema>>;

/** True when `host` is `domain` or one of its subdomains; `www.` is ignored. */
export function onDomain(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return h === domain || h.endsWith(`.${domain}`);
}
