/** Ingested articles: one JSON file per article in content/articles/, written only by `npm run ingest`. */
import { z } from 'zod';
import { httpUrl, instant, regionCodeFormat, slugId, text } from './fields.ts';

export const articleSchema = z.object({
  /** Stable id derived from the canonical URL; also the file name. */
  id: z.string().regex(/^[a-z0-9-]{6,80}$/, 'must be the id ingest derived from the URL'),
  /** Canonical URL: http(s) only, fragment and tracking parameters removed. */
  url: httpUrl,
  /** Headline as plain text. */
  title: text('a title'),
  /** Plain-text summary; may be empty when the feed gave none. */
  summary: z.string().default(''),
  /** Publication time, ISO 8601 UTC. */
  published: instant,
  /** True when the feed gave no usable date and `published` is the fetch time. */
  dateEstimated: z.boolean().default(false),
  /** Who published it (from feeds.yaml). */
  publisher: text('the publisher'),
  /** Id of the feed it came from (the first one that delivered it). */
  feed: slugId,
  /** Company ids it was tagged with. */
  companies: z.array(slugId).default([]),
  /** Region codes it was tagged with, blocs included. */
  regions: z.array(regionCodeFormat).default([]),
  /** Ids in `companies` that content/companies/ does not know: proposed for an editor to add. */
  proposedCompanies: z.array(slugId).optional(),
  /** ISO 639-1 code of the article's language, as detected. */
  language: z.string().optional(),
  /** Too close to call: stored, but held back from the site until an editor decides (`npm run review`). */
  review: z.boolean().optional(),
  /** Relevance score from the classifier, 0–1. */
  score: z.number().min(0).max(1),
  /** Human-readable reasons for the tags ("'ICO' → UK"). */
  why: z.array(z.string()).default([]),
  /** Id shared by all articles about the same story. */
  story: z.string().min(1),
  /** When ingest first stored it, ISO 8601 UTC. */
  fetchedAt: instant,
});
export type Article = z.output<typeof articleSchema>;

/**
 * The order fields are written in wherever an article leaves the program: files diff cleanly,
 * identical data is identical bytes, and exports list their columns the same way.
 */
export const ARTICLE_FIELDS = [
  'id',
  'url',
  'title',
  'summary',
  'published',
  'dateEstimated',
  'publisher',
  'feed',
  'companies',
  'proposedCompanies',
  'regions',
  'language',
  'review',
  'score',
  'why',
  'story',
  'fetchedAt',
] as const satisfies readonly (keyof Article)[];
