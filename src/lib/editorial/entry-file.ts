/**
 * Writes an entry's markdown the way editors read it: every front-matter field preceded by a
 * comment that says what it is for, with placeholders where a fact is still missing.
 */
import { slug } from 'github-slugger';
import { stringify } from 'yaml';
import { KINDS, OPT_OUT, TRAINING } from '../content/entry.ts';

/** Slugs longer than this are cut at a word, so file names and URLs stay readable. */
export const MAX_SLUG = 60;

/** `2024-09-18-linkedin-opts-members-into-ai-training.md` */
export function entryFileName(date: string, title: string): string {
  let s = slug(title).replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (s.length > MAX_SLUG) {
    const cut = s.slice(0, MAX_SLUG + 1);
    const lastDash = cut.lastIndexOf('-');
    s = lastDash > 0 ? cut.slice(0, lastDash) : s.slice(0, MAX_SLUG);
  }
  return `${date}-${s || 'entry'}.md`;
}

export interface SourceDraft {
  url: string;
  title: string;
  publisher?: string | undefined;
  date?: string | undefined;
}

export interface EntryDraft {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  companies: string[];
  regions: string[];
  kind: string;
  summary: string;
  sources: SourceDraft[];
  articles?: string[] | undefined;
  /** Extra guidance written above a field, e.g. where a value came from. */
  notes?: Partial<Record<'title' | 'date' | 'companies' | 'regions' | 'kind' | 'summary', string>>;
}

/** A YAML scalar on one line, quoted only when it must be, in the quotes the formatter prefers. */
const scalar = (v: string) => stringify(v, { lineWidth: 0, singleQuote: true }).trimEnd();
const list = (vs: readonly string[]) => `[${vs.map(scalar).join(', ')}]`;

export function renderEntry(d: EntryDraft): string {
  const note = (k: keyof NonNullable<EntryDraft['notes']>) =>
    d.notes?.[k] ? `# ${d.notes[k]}\n` : '';
  const sources = d.sources
    .map((s) =>
      [
        `  - url: ${scalar(s.url)}`,
        `    title: ${scalar(s.title)}`,
        s.publisher === undefined ? '' : `    publisher: ${scalar(s.publisher)}`,
        s.date === undefined ? '' : `    date: ${s.date}`,
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  const articles = `# Ingested articles this entry covers (file names in content/articles/ without .json):
# they are shown with the entry, not again on their own.
${d.articles?.length ? '' : '# '}articles: ${list(d.articles ?? [])}
`;
  return `---
# Headline in our own words, at most 160 characters.
${note('title')}title: ${scalar(d.title)}
# The day it happened or was announced, YYYY-MM-DD. Not in the future: put deadlines in effective.
${note('date')}date: ${d.date}
# If only the month is known, write the 1st as the date and uncomment the next line.
# datePrecision: month
# Company ids: the file names in content/companies/ without .yaml.
${note('companies')}companies: ${list(d.companies)}
# Region codes from content/regions/, or GLOBAL when it applies everywhere.
# A member state implies its bloc: IE also files the entry under EU.
${note('regions')}regions: ${list(d.regions)}
# One of: ${KINDS.join(', ')}.
${note('kind')}kind: ${scalar(d.kind)}
# One or two sentences in our own words, at most 600 characters. Shown on the timeline and in feeds.
${note('summary')}summary: ${scalar(d.summary)}
# Where the facts come from: at least one page, with an address starting with https://.
# Add another source by repeating the block that starts with "- url:".
sources:
${sources}
${articles}# Optional: what this event changed in each region, for the comparison table.
# company may be left out when the entry tags one company.
# training: ${TRAINING.join(' | ')}
# optOut: ${OPT_OUT.join(' | ')}
# Add confirms: true to a line that records the status in force is still the case.
# status:
#   - region: US
#     training: default-on
#     optOut: settings
#     optOutUrl: https://www.example.com/settings
#     note: public posts of adults only
# Optional: the day a change takes effect, or a deadline such as the last day to object.
# It may be in the future.
# effective: 2024-11-03
# Optional: keep the entry off the site while you write it. Check then ignores placeholders.
# draft: true
# Optional: longer notes go below the closing --- line, in markdown; the entry's page shows them.
---
`;
}
