/** Editors' corrections to ingested articles, kept apart from the articles so ingest never undoes them. */
import path from 'node:path';
import { z } from 'zod';
import { regionCodeFormat, slugId, text } from './fields.ts';
import { readYamlFile } from './load-taxonomy.ts';
import { contentDir } from './paths.ts';

export const articleOverrideSchema = z.object({
  /** Leave the article off the site (off-topic, duplicate, wrong). */
  hide: z.boolean().default(false),
  /** Replace the tagger's companies. */
  companies: z.array(slugId).optional(),
  /** Replace the tagger's regions (blocs are added as usual). */
  regions: z.array(regionCodeFormat).optional(),
  /** Put the article in this story: another article's story id joins them; its own id splits it off. */
  story: z.string().trim().min(1).optional(),
  /** Why the editor changed it; shown in the "why tagged" reasons. */
  reason: text('a reason').optional(),
});

export const overridesSchema = z.object({
  /** Article id → correction. */
  articles: z.record(z.string(), articleOverrideSchema).default({}),
});
export type Overrides = z.output<typeof overridesSchema>;
export type ArticleOverride = z.output<typeof articleOverrideSchema>;

/**
 * Reads content/overrides.yaml; none is no corrections, and so is a file of comments only. A bad
 * one throws a ContentError naming the file and field.
 */
export function loadOverrides(root = contentDir()): Overrides {
  return readYamlFile(path.join(root, 'overrides.yaml'), overridesSchema, {}).data;
}
