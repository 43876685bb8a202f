/** Checks one line of `npm run classify` input: untrusted text, so shape and size are enforced. */
import type { ClassifyInput } from './types.ts';

/** Longer titles or texts are cut: a feed item's first paragraph is all the classifier needs. */
export const MAX_TITLE = 1_000;
export const MAX_TEXT = 20_000;

export function parseClassifyLine(line: string): ClassifyInput | { error: string } {
  if (!line.trim())
    return { error: 'empty line; expected a JSON object such as {"title": "...", "text": "..."}' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'expected a JSON object such as {"title": "...", "text": "..."}' };
  const fields = value as Record<string, unknown>;
  const { title, text } = fields;
  if (typeof title !== 'string' || !title.trim())
    return { error: '"title" must be a non-empty string' };
  if (text !== undefined && text !== null && typeof text !== 'string')
    return { error: '"text" must be a string when given' };
  const date = publishedOf(fields);
  if ('error' in date) return date;
  return {
    title: title.slice(0, MAX_TITLE),
    text: (text ?? '').slice(0, MAX_TEXT),
    ...(date.published ? { published: date.published } : {}),
  };
}

/**
 * The publication date, under `published` (what ingest stores) or `date` (what the labelled
 * headlines call it, so a file of them can be piped in as it is): without it, a story that names
 * no place is not placed by the record of changes around its date.
 */
function publishedOf(fields: Record<string, unknown>): { published?: string } | { error: string } {
  const field = fields['published'] != null ? 'published' : 'date';
  const published = fields[field];
  if (published === undefined || published === null) return {};
  if (typeof published !== 'string' || Number.isNaN(Date.parse(published)))
    return { error: `"${field}" must be a date such as "2025-09-18" when given` };
  return { published };
}
