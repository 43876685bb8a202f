/**
 * The site's collections. Every schema lives in src/lib/content so that scripts running outside
 * Astro (check, ingest, new-entry) validate with exactly the same rules.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/content/article.ts';
import { entrySchema } from './lib/content/entry.ts';
import { loadTaxonomy, vocabulary } from './lib/content/load-taxonomy.ts';
import { contentDir } from './lib/content/paths.ts';
import { companySchema, regionSchema } from './lib/content/taxonomy.ts';

const root = contentDir();

const companies = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/companies` }),
  schema: companySchema,
});

const regions = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/regions` }),
  schema: regionSchema,
});

const entries = defineCollection({
  loader: glob({ pattern: '*.md', base: `${root}/entries` }),
  schema: entrySchema(vocabulary(loadTaxonomy(root))),
});

const articles = defineCollection({
  loader: glob({ pattern: '*.json', base: `${root}/articles` }),
  schema: articleSchema,
});

export const collections = { companies, regions, entries, articles };
