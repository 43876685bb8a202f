/** Which entry, if any, already covers one of a story's articles (by id or by source URL). */
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../content/article.ts';
import { urlKey } from './cross-checks.ts';
import { parseYamlSource, splitFrontMatter } from './yaml-source.ts';

export interface Covering {
  file: string;
  /** "article <id>" or "source <url>". */
  what: string;
}

/** Reads entries leniently (no schema), so a half-written entry still counts as covering. */
export function coveringEntry(entriesDir: string, story: readonly Article[]): Covering | undefined {
  if (!fs.existsSync(entriesDir)) return undefined;
  const ids = new Set(story.map((a) => a.id));
  const urls = new Map(story.map((a) => [urlKey(a.url), a.url]));
  for (const name of fs.readdirSync(entriesDir).sort()) {
    if (!name.endsWith('.md')) continue;
    const file = path.join(entriesDir, name);
    const fm = splitFrontMatter(fs.readFileSync(file, 'utf8'));
    const value = fm && (parseYamlSource(fm.yaml).value as Record<string, unknown> | undefined);
    if (!value || typeof value !== 'object') continue;
    const articles = Array.isArray(value['articles']) ? value['articles'] : [];
    const hit = articles.find((a) => typeof a === 'string' && ids.has(a.trim()));
    if (hit) return { file, what: `article ${String(hit)}` };
    const sources = Array.isArray(value['sources']) ? value['sources'] : [];
    for (const s of sources) {
      const url = (s as { url?: unknown } | null)?.url;
      if (typeof url === 'string' && urls.has(urlKey(url))) return { file, what: `source ${url}` };
    }
  }
  return undefined;
}
