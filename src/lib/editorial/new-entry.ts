/** `npm run new-entry`: checks the editor's flags against the taxonomy and drafts the entry. */
import { day } from '../content/fields.ts';
import { KINDS, type Vocabulary } from '../content/entry.ts';
import { entryFileName, renderEntry } from './entry-file.ts';
import { PLACEHOLDER } from './placeholders.ts';

export interface NewEntryInput {
  title?: string | undefined;
  date?: string | undefined;
  companies: readonly string[];
  regions: readonly string[];
  kind?: string | undefined;
}

export type Planned =
  { ok: true; fileName: string; text: string } | { ok: false; errors: string[] };

const sorted = (vs: readonly string[]) => [...vs].sort().join(', ');

/** The --company value for an event about no company in particular. */
export const NO_COMPANY = 'none';

/** Days after `today` (UTC) that still count as today, for editors east of Greenwich. */
export const FUTURE_SLACK_DAYS = 1;

export function isFutureDay(ymd: string, today: Date): boolean {
  const limit = new Date(today.getTime() + FUTURE_SLACK_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return ymd > limit;
}

export function planNewEntry(input: NewEntryInput, vocab: Vocabulary, today: Date): Planned {
  const errors: string[] = [];
  const title = input.title?.replace(/\s+/g, ' ').trim() ?? '';
  if (!title) errors.push('--title is required: the headline in our own words, in quotes');
  else if (title.length > 160)
    errors.push(`--title is ${title.length} characters long; keep it to 160 at most`);

  const date = input.date?.trim() ?? '';
  if (!date) errors.push('--date is required, written YYYY-MM-DD, e.g. 2024-09-18');
  else if (!day.safeParse(date).success)
    errors.push(`--date "${date}" is not a real day written YYYY-MM-DD, e.g. 2024-09-18`);
  else if (isFutureDay(date, today))
    errors.push(
      `--date ${date} is in the future; an entry records what happened (a future deadline goes in the effective field)`,
    );

  // `--company none` is how an editor says "no company in particular" (a regulator's guidance).
  const none = input.companies.some((c) => c.trim().toLowerCase() === NO_COMPANY);
  const companies = none ? [] : input.companies.map((c) => c.trim().toLowerCase());
  if (!input.companies.length)
    errors.push(
      `--company is required (--company ${NO_COMPANY} for an event about no company in particular); valid ids: ${sorted(vocab.companyIds)}`,
    );
  else if (none && input.companies.length > 1)
    errors.push(`--company ${NO_COMPANY} cannot be combined with company ids`);
  for (const c of companies)
    if (!vocab.companyIds.includes(c))
      errors.push(
        `--company "${c}" is not a known company id; valid ids: ${sorted(vocab.companyIds)} (to add one, see EDITING.md "Add a company")`,
      );

  const regions = input.regions.map((r) => r.trim().toUpperCase());
  if (!regions.length)
    errors.push(
      `--region is required (GLOBAL if it applies everywhere); valid codes: ${sorted(vocab.regionCodes)}`,
    );
  for (const r of regions)
    if (!vocab.regionCodes.includes(r))
      errors.push(
        `--region "${r}" is not a known region code; valid codes: ${sorted(vocab.regionCodes)} (to add one, see EDITING.md "Add a region")`,
      );

  const kind = input.kind?.trim().toLowerCase();
  if (kind !== undefined && !(KINDS as readonly string[]).includes(kind))
    errors.push(`--kind "${kind}" is not a kind; valid kinds: ${KINDS.join(', ')}`);

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    fileName: entryFileName(date, title),
    text: renderEntry({
      title,
      date,
      companies: [...new Set(companies)],
      regions: [...new Set(regions)],
      kind: kind ?? PLACEHOLDER.kind,
      summary: PLACEHOLDER.summary,
      sources: [
        {
          url: PLACEHOLDER.sourceUrl,
          title: PLACEHOLDER.sourceTitle,
          publisher: PLACEHOLDER.sourcePublisher,
          date,
        },
      ],
    }),
  };
}
