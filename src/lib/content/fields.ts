/**
 * Reusable schema pieces. Every collection and every script validates with these, so a value is
 * cleaned once (trimmed, case-folded, parsed) and never re-cleaned by a page.
 */
import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A Date as YYYY-MM-DD in UTC: for a Date made by `day` (00:00 UTC) that is the day as written,
 * whatever the machine's time zone.
 */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Trimmed, non-empty text with whitespace runs collapsed to one space. */
export const text = (what = 'text') =>
  z
    .string({ error: `must be ${what}` })
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, `must not be empty`));

/** An absolute http: or https: URL; anything else (javascript:, data:, relative) is refused. */
export const httpUrl = z
  .string({ error: 'must be a URL starting with https:// or http://' })
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an absolute URL starting with https:// or http://');

/**
 * A calendar day written YYYY-MM-DD (YAML may hand us a Date already), as a Date at 00:00 UTC.
 * Impossible days such as 2024-02-30 are refused rather than rolled over.
 */
export const day = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? isoDay(v) : v),
  z
    .string({ error: 'must be a date written YYYY-MM-DD, e.g. 2024-09-18' })
    .trim()
    .regex(DAY, { error: 'must be a date written YYYY-MM-DD, e.g. 2024-09-18', abort: true })
    .refine(
      (s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && isoDay(d) === s;
      },
      { error: (issue) => `${String(issue.input)} is not a real calendar day` },
    )
    .transform((s) => new Date(`${s}T00:00:00Z`)),
);

/** An ISO 8601 timestamp, normalised to UTC. */
export const instant = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v),
  z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2024-09-18T09:30:00Z' })
    .transform((s) => new Date(s).toISOString()),
);

/** A lowercase slug id such as `stack-overflow`. */
export const slugId = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as stack-overflow');

/** An upper-case region code such as `EU` or `GLOBAL`. */
export const regionCodeFormat = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}$/, 'must be a region code such as EU, UK or GLOBAL');

/** Builds an enum-like check that lists every valid value when it fails. */
export function oneOf(values: readonly string[], what: string, clean: (s: string) => string) {
  const valid = new Set(values);
  const list = [...values].sort().join(', ');
  return z
    .string({ error: `must be a ${what}` })
    .transform(clean)
    .refine((v) => valid.has(v), {
      error: (issue) => `unknown ${what} "${String(issue.input)}"; valid values: ${list}`,
    });
}
