/**
 * The site's items computed straight from content/, outside Astro, with the same src/lib code the
 * pages use. Browser tests compare what the built pages show against this, so their expectations
 * follow the content instead of being written into the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { articleSchema, type Article } from '../../src/lib/content/article.ts';
import {
  loadTaxonomy,
  regionsInUse,
  vocabulary,
  type Taxonomy,
} from '../../src/lib/content/load-taxonomy.ts';
import { overridesSchema } from '../../src/lib/content/overrides.ts';
import { contentDir } from '../../src/lib/content/paths.ts';
import { checkEntry } from '../../src/lib/editorial/check-entry.ts';
import { buildItems, type EntryRecord, type TimelineItem } from '../../src/lib/timeline/items.ts';

export interface SiteContent extends Taxonomy {
  items: TimelineItem[];
}

export function loadSiteContent(root = contentDir()): SiteContent {
  const taxonomy = loadTaxonomy(root);
  const vocab = vocabulary(taxonomy);
  const entriesDir = path.join(root, 'entries');
  const entries: EntryRecord[] = fs
    .readdirSync(entriesDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const file = path.join(entriesDir, f);
      const { entry, problems } = checkEntry(
        file,
        fs.readFileSync(file, 'utf8'),
        vocab,
        new Date(),
      );
      if (!entry)
        throw new Error(
          `${file} does not load:\n${problems.map((p) => `${p.field}: ${p.problem}`).join('\n')}`,
        );
      return { id: entry.id, data: entry.data };
    });
  const articlesDir = path.join(root, 'articles');
  const articles: Article[] = fs.existsSync(articlesDir)
    ? fs
        .readdirSync(articlesDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) =>
          articleSchema.parse(JSON.parse(fs.readFileSync(path.join(articlesDir, f), 'utf8'))),
        )
    : [];
  const overridesFile = path.join(root, 'overrides.yaml');
  const overrides = overridesSchema.parse(
    fs.existsSync(overridesFile) ? (parse(fs.readFileSync(overridesFile, 'utf8')) ?? {}) : {},
  );
  const blocsOf = new Map(taxonomy.regions.map((r) => [r.code, r.memberOf]));
  const items = buildItems({ entries, articles, overrides, blocsOf });
  // As the site: the regions with a file, and any other country an item is filed under.
  const withFiles = taxonomy.regions.filter((r) =>
    fs.existsSync(path.join(root, 'regions', `${r.id}.yaml`)),
  );
  const regions = regionsInUse(
    withFiles,
    items.flatMap((i) => i.regions),
  );
  return { ...taxonomy, regions, items };
}
