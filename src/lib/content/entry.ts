/** Curated entries: the events editors write as markdown, and what each changed per region. */
import { z } from 'zod';
import { day, httpUrl, oneOf, text } from './fields.ts';

export const KINDS = [
  'policy-change',
  'opt-out',
  'regulator-action',
  'court',
  'data-deal',
  'pause',
  'statement',
] as const;
export type Kind = (typeof KINDS)[number];

/** Whether a company trains AI on people's data in a region, as an event left it. */
export const TRAINING = ['default-on', 'opt-in', 'off', 'paused', 'blocked'] as const;
export type Training = (typeof TRAINING)[number];

/** How a person in that region keeps their data out. */
export const OPT_OUT = ['settings', 'form', 'email', 'none', 'not-needed'] as const;
export type OptOut = (typeof OPT_OUT)[number];

/** What the entry schema needs to know about the taxonomy to check references. */
export interface Vocabulary {
  companyIds: readonly string[];
  regionCodes: readonly string[];
  /** Region code → the blocs it belongs to (IE → [EU]). */
  blocsOf: ReadonlyMap<string, readonly string[]>;
}

const source = z.object({
  /** The page that reports or documents the event. http(s) only. */
  url: httpUrl,
  /** Its headline or title. */
  title: text('the source title'),
  /** Who published it (outlet, regulator, court, company). */
  publisher: text('the publisher').optional(),
  /** When it was published, YYYY-MM-DD. */
  date: day.optional(),
});

export function entrySchema(vocab: Vocabulary) {
  const companyId = oneOf(vocab.companyIds, 'company id', (s) => s.trim().toLowerCase());
  const regionCode = oneOf(vocab.regionCodes, 'region code', (s) => s.trim().toUpperCase());
  const withBlocs = (codes: string[]) => [
    ...new Set(codes.flatMap((c) => [c, ...(vocab.blocsOf.get(c) ?? [])])),
  ];

  return z
    .object({
      /** Headline in our own words, e.g. "LinkedIn opts members into generative-AI training by default". */
      title: text('a title').pipe(z.string().max(160, 'must be at most 160 characters')),
      /** The day the event happened or was announced, YYYY-MM-DD. */
      date: day,
      /** `month` when only the month is known: the date is then the 1st and pages show "April 2023". */
      datePrecision: z.enum(['day', 'month']).default('day'),
      /**
       * Company ids this event is about (files in content/companies/). An empty list `[]` is for
       * events that concern no company in particular, such as a regulator's general guidance; the
       * field itself is required so that a forgotten list is caught.
       */
      companies: z.array(companyId, {
        error: 'must be a list of company ids, or [] for an event about no company in particular',
      }),
      /**
       * Region codes it applies to (files in content/regions/). GLOBAL when it applies everywhere.
       * A member state implies its bloc: IE also files the entry under EU.
       */
      regions: z
        .array(regionCode)
        .min(1, 'must list at least one region code, or GLOBAL')
        .transform(withBlocs),
      /** What sort of event it is. */
      kind: z.enum(KINDS, { error: `must be one of: ${KINDS.join(', ')}` }),
      /** One or two sentences, in our own words. Shown on the timeline and in feeds. */
      summary: text('a summary').pipe(z.string().max(600, 'must be at most 600 characters')),
      /** Where the facts come from: at least one source with an http(s) link. */
      sources: z
        .array(source, { error: 'must be a list of sources' })
        .min(1, 'must list at least one source with a url'),
      /**
       * What this event changed, per region, for the comparison matrix. `company` may be left out
       * when the entry tags a single company.
       */
      status: z
        .array(
          z.object({
            /** The company whose practice changed; defaults to the entry's only company. */
            company: companyId.optional(),
            /** The region where it changed. */
            region: regionCode,
            /** Whether the company now trains on people's data there. */
            training: z.enum(TRAINING, { error: `must be one of: ${TRAINING.join(', ')}` }),
            /** How people there can keep their data out, if training happens. */
            optOut: z.enum(OPT_OUT, { error: `must be one of: ${OPT_OUT.join(', ')}` }).optional(),
            /** Where to opt out. */
            optOutUrl: httpUrl.optional(),
            /** A short qualification shown in the comparison cell ("public posts of adults only"). */
            note: text('a note').optional(),
            /**
             * `true` when this line records that the status already in force is still the case, from
             * a new source, rather than a change: the comparison keeps the earlier status and shows
             * this entry's date as when it was last confirmed. `training` (and `optOut`, if given)
             * must then match the status in force, which `npm run check` verifies.
             */
            confirms: z
              .literal(true, { error: 'write confirms: true, or leave the line out' })
              .optional(),
          }),
        )
        .default([]),
      /** When a change takes effect, or a deadline such as the last day to object (feeds the calendar). */
      effective: day.optional(),
      /** Article ids (content/articles/) this entry covers: they are shown with it, not separately. */
      articles: z.array(z.string().trim()).default([]),
      /** Hide from the site while it is being written. */
      draft: z.boolean().default(false),
    })
    .superRefine((entry, ctx) => {
      entry.status.forEach((s, i) => {
        if (!entry.companies.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['status', i],
            message: 'needs a company, but the entry tags none; add the company to companies',
          });
        } else if (!s.company && entry.companies.length !== 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['status', i, 'company'],
            message: `is required when the entry tags several companies (${entry.companies.join(', ')})`,
          });
        } else if (s.company && !entry.companies.includes(s.company)) {
          ctx.addIssue({
            code: 'custom',
            path: ['status', i, 'company'],
            message: `"${s.company}" is not among the entry's companies (${entry.companies.join(', ')}); add it to companies or fix the id`,
          });
        }
      });
    })
    .transform((entry) => ({
      ...entry,
      status: entry.status.map((s) => ({ ...s, company: s.company ?? entry.companies[0]! })),
    }));
}
export type Entry = z.output<ReturnType<typeof entrySchema>>;
