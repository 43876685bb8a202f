/**
 * Labelled items the relevance model learns from and is measured on: the shared headlines (others'
 * writing, read from outside the repository and never copied into it) and the editors' review
 * decisions (content/review-labels.jsonl, our own data).
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { fold } from '../text/fold.ts';

export const labelledItemSchema = z.object({
  title: z.string().trim().min(1),
  text: z.string().default(''),
  /** When it was published, YYYY-MM-DD (some items only know the month and give its 1st). */
  date: z.string().trim().optional(),
  /** ISO 639-1 code as labelled; `no` is Norwegian. */
  language: z.string().trim().toLowerCase().default('und'),
  relevant: z.boolean(),
  /** Company names as labelled ("Meta", "Otter.ai"); mapped to ids with `companyLabelId`. */
  companies: z.array(z.string().trim().min(1)).default([]),
  /** Region codes as labelled; `GB` is read as `UK`. */
  regions: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .transform((c) => (c === 'GB' ? 'UK' : c)),
    )
    .default([]),
});
export type LabelledItem = z.output<typeof labelledItemSchema>;

/** A labelled item with its company labels as ids, as the classifier names companies. */
export interface TrainingItem {
  title: string;
  text: string;
  /** ISO 8601, when known. */
  published?: string;
  language: string;
  relevant: boolean;
  companies: string[];
  regions: string[];
}

export class LabelledDataError extends Error {
  override name = 'LabelledDataError';
}

/** Reads a JSON array of labelled items; any malformed item names the file, the index and the field. */
export function readLabelledFile(file: string): LabelledItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new LabelledDataError(
      err.code === 'ENOENT'
        ? `${file}: is missing`
        : `${file}: is not valid JSON (${err.message.split('\n')[0]})`,
    );
  }
  const parsed = z.array(labelledItemSchema).safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new LabelledDataError(
      `${file}: item ${String(i.path[0] ?? '?')}, field ${i.path.slice(1).join('.') || '(item)'} — ${i.message}`,
    );
  }
  return parsed.data;
}

/** "Otter.ai" → "otter-ai": the id of a company the taxonomy does not know, as LABELS.md scores it. */
export function companySlug(name: string): string {
  return fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Maps a labelled company name to the taxonomy's id (names, aliases and products), else its slug. */
export function companyIdResolver(taxonomy: Taxonomy): (name: string) => string {
  const byName = new Map<string, string>();
  for (const c of taxonomy.companies)
    for (const n of [c.id, c.name, ...c.aliases, ...c.products, ...c.caseSensitive])
      if (!byName.has(fold(n))) byName.set(fold(n), c.id);
  return (name) => byName.get(fold(name)) ?? companySlug(name);
}

export function toTrainingItems(
  items: readonly LabelledItem[],
  taxonomy: Taxonomy,
): TrainingItem[] {
  const idOf = companyIdResolver(taxonomy);
  return items.map((x) => ({
    title: x.title,
    text: x.text,
    ...(x.date ? { published: x.date } : {}),
    language: x.language,
    relevant: x.relevant,
    companies: [...new Set(x.companies.map(idOf))].sort(),
    regions: [...new Set(x.regions)].sort(),
  }));
}
