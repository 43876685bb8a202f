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
  const { title, text, published } = value as Record<string, unknown>;
  if (typeof title !== 'string' || !title.trim())
    return { error: '"title" must be a non-empty string' };
  if (text !== undefined && text !== null && typeof text !== 'string')
    return { error: '"text" must be a string when given' };
  if (
    published !== undefined &&
    published !== null &&
    (typeof published !== 'string' || Number.isNaN(Date.parse(published)))
  )
    return { error: '"published" must be a date such as "2025-09-18" when given' };
  return {
    title: title.slice(0, MAX_TITLE),
    text: (text ?? '').slice(0, MAX_TEXT),
    ...(typeof published === 'string' ? { published } : {}),
  };
}
