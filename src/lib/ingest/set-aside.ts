/**
 * Articles ingest would not store because storing them would break `npm run check` in a way
 * only an editor can settle (two entries claim their URL for different stories). Each waits,
 * whole, in content/set-aside/<id>.json with its reason; every run tries it again, so it is
 * stored as soon as the entries agree, and nothing is lost meanwhile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { articleSchema, type Article } from '../content/article.ts';
import { instant } from '../content/fields.ts';
import { writeFileAtomic } from './atomic.ts';

export const setAsideSchema = z.object({
  /** Why the article is not stored, naming the files involved. */
  reason: z.string().min(1),
  /** When a run first set it aside. */
  setAsideAt: instant,
  /** The article as it would have been stored. */
  article: articleSchema,
});
export type SetAside = z.output<typeof setAsideSchema>;

/** content/set-aside beside content/articles. */
export const setAsideDirFor = (outDir: string) => path.join(path.dirname(outDir), 'set-aside');

export function readSetAside(dir: string): { items: SetAside[]; problems: string[] } {
  const items: SetAside[] = [];
  const problems: string[] = [];
  if (!fs.existsSync(dir)) return { items, problems };
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const file = path.join(dir, name);
    try {
      const parsed = setAsideSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (parsed.success) items.push(parsed.data);
      else problems.push(`${file}: not a set-aside article (${parsed.error.issues[0]?.message})`);
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message})`);
    }
  }
  return { items, problems };
}

export function writeSetAside(dir: string, item: SetAside): void {
  writeFileAtomic(path.join(dir, `${item.article.id}.json`), `${JSON.stringify(item, null, 2)}\n`);
}

export function removeSetAside(dir: string, article: Pick<Article, 'id'>): void {
  fs.rmSync(path.join(dir, `${article.id}.json`), { force: true });
}
