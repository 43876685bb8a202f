/**
 * The site's collections. Every schema lives in src/lib/content so that scripts running outside
 * Astro (check, ingest, new-entry) validate with exactly the same rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { parse } from 'yaml';
import { articleSchema } from './lib/content/article.ts';
import { entrySchema } from './lib/content/entry.ts';
import { loadTaxonomy, vocabulary } from './lib/content/load-taxonomy.ts';
import { contentDir } from './lib/content/paths.ts';
import { splitFrontMatter } from './lib/editorial/yaml-source.ts';
import { companySchema, regionSchema } from './lib/content/taxonomy.ts';

const root = contentDir();

/**
 * Astro's front-matter parser turns anything shaped like a date into a Date, silently rolling an
 * impossible day such as 2024-02-30 over to 1 March. Entries are validated on a YAML 1.2 core
 * reading instead, where dates stay text (the reading `npm run check` uses), so a bad date fails
 * the build naming the file and the field.
 */
function withYaml12FrontMatter(loader: Loader): Loader {
  const reread = (file: string): Record<string, unknown> | undefined => {
    const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'));
    if (!fm) return undefined;
    try {
      const data: unknown = parse(fm.yaml);
      return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
    } catch (e) {
      throw new Error(
        `${path.relative(process.cwd(), file)}: front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
      );
    }
  };
  return {
    ...loader,
    load: (ctx) =>
      loader.load({
        ...ctx,
        parseData: ((props) =>
          ctx.parseData({
            ...props,
            data: (props.filePath && reread(props.filePath)) || props.data,
          })) as LoaderContext['parseData'],
      }),
  };
}

const companies = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/companies` }),
  schema: companySchema,
});

const regions = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/regions` }),
  schema: regionSchema,
});

const entries = defineCollection({
  loader: withYaml12FrontMatter(glob({ pattern: '*.md', base: `${root}/entries` })),
  schema: entrySchema(vocabulary(loadTaxonomy(root))),
});

const articles = defineCollection({
  loader: glob({ pattern: '*.json', base: `${root}/articles` }),
  schema: articleSchema,
});

export const collections = { companies, regions, entries, articles };
