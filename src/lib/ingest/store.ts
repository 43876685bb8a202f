/**
 * content/articles/: one JSON file per article, named by its id. Files are only ever created:
 * an article already on disk is never rewritten, whatever a later feed says about it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ARTICLE_FIELDS, articleSchema, type Article } from '../content/article.ts';
import { createFileAtomic, type CreateOptions } from './atomic.ts';

export function serialiseArticle(article: Article): string {
  const ordered = Object.fromEntries(ARTICLE_FIELDS.map((key) => [key, article[key]]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/**
 * What a run needs of an article already on disk: what story clustering compares and which feed
 * it came from. The rest (URL, reasons, scores) is left on disk, so the archive a run holds in
 * memory stays small as it grows.
 */
export type StoredArticle = Pick<
  Article,
  'id' | 'title' | 'summary' | 'companies' | 'published' | 'story' | 'feed'
>;

export interface StoredArticles {
  /** Every id present on disk, valid or not: none of them may be written again. */
  ids: Set<string>;
  /** The articles that pass the schema. */
  articles: StoredArticle[];
  /** Files that could not be read as articles: left alone, reported. */
  problems: string[];
}

export function readStore(dir: string): StoredArticles {
  const ids = new Set<string>();
  const articles: StoredArticle[] = [];
  const problems: string[] = [];
  if (!fs.existsSync(dir)) return { ids, articles, problems };
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const id = name.slice(0, -'.json'.length);
    ids.add(id);
    const file = path.join(dir, name);
    try {
      const parsed = articleSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (parsed.success) {
        const { id, title, summary, companies, published, story, feed } = parsed.data;
        articles.push({ id, title, summary, companies, published, story, feed });
      } else
        problems.push(
          `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'} — ${i.message}`).join('; ')}`,
        );
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message})`);
    }
  }
  return { ids, articles, problems };
}

/** Validates and creates the article's file; `false` when a file with its id already exists. */
export function storeArticle(dir: string, article: Article, options: CreateOptions = {}): boolean {
  const checked = articleSchema.parse(article);
  return createFileAtomic(path.join(dir, `${checked.id}.json`), serialiseArticle(checked), options);
}
