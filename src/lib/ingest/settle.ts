/**
 * The last step of a run, shared by `npm run ingest` and `npm run merge-shards`: new articles get
 * their stories (clustered against everything stored), the entries' citations are respected, and
 * each article is stored or, when only an editor can settle where it belongs, set aside.
 */
import type { Article } from '../content/article.ts';
import type { StoryCandidate } from '../classify/types.ts';
import { syncFolder } from './atomic.ts';
import { storyFor, type Citations } from './citations.ts';
import { readSetAside, removeSetAside, writeSetAside, type SetAside } from './set-aside.ts';
import { storeArticle, type StoredArticles } from './store.ts';

export type AssignStories = (
  existing: StoryCandidate[],
  incoming: StoryCandidate[],
) => Map<string, string>;

export interface SettleOptions {
  outDir: string;
  store: StoredArticles;
  /** New articles in priority order (feeds.yaml order): an id appears once. */
  pending: Omit<Article, 'story'>[];
  assignStories: AssignStories;
  /**
   * The entries' cited URLs, given each stored article's story; none given, no article is moved
   * or set aside.
   */
  citations?: (storyOf: (id: string) => string | undefined) => Citations;
  /** Where clashing articles wait (content/set-aside); undefined keeps them nowhere. */
  setAsideDir?: string;
  now: Date;
}

export interface Settled {
  created: Article[];
  /** Articles waiting for an editor after this run, with the reason. */
  setAside: SetAside[];
  /** Articles that joined an entry's story instead of their cluster's. */
  joined: { id: string; story: string; entry: string }[];
  warnings: string[];
}

const toCandidate = (
  a: Pick<Article, 'id' | 'title' | 'summary' | 'companies' | 'published'> & { story?: string },
): StoryCandidate => ({
  id: a.id,
  title: a.title,
  summary: a.summary,
  companies: a.companies,
  published: a.published,
  ...(a.story ? { story: a.story } : {}),
});

export function settleArticles(options: SettleOptions): Settled {
  const { outDir, store, setAsideDir } = options;
  const warnings: string[] = [];
  const waiting = new Map<string, SetAside>();
  if (setAsideDir) {
    const read = readSetAside(setAsideDir);
    warnings.push(...read.problems.map((p) => `left alone: ${p}`));
    for (const item of read.items) waiting.set(item.article.id, item);
  }
  // Articles set aside by earlier runs are tried again; a feed's fresh copy takes precedence.
  const pending = [...options.pending];
  const ids = new Set(pending.map((a) => a.id));
  for (const [id, item] of waiting) {
    if (store.ids.has(id)) {
      removeSetAside(setAsideDir!, item.article);
      waiting.delete(id);
    } else if (!ids.has(id)) {
      const { story: _story, ...article } = item.article;
      pending.push(article);
    }
  }

  let stories = new Map<string, string>();
  try {
    stories = options.assignStories(store.articles.map(toCandidate), pending.map(toCandidate));
  } catch (e) {
    warnings.push(
      `story clustering failed (${(e as Error).message}); each new article is its own story`,
    );
  }

  let citations: Citations | undefined;
  if (options.citations) {
    const storyById = new Map(store.articles.map((a) => [a.id, a.story]));
    citations = options.citations((id) => storyById.get(id));
  }
  const created: Article[] = [];
  const setAside: SetAside[] = [];
  const joined: Settled['joined'] = [];
  for (const article of pending) {
    const clustered = stories.get(article.id) ?? article.id;
    const verdict = citations ? storyFor(article.url, clustered, citations) : { story: clustered };
    try {
      if ('setAside' in verdict) {
        if (!setAsideDir) {
          warnings.push(
            `article ${article.id} from ${article.feed} not stored: ${verdict.setAside}`,
          );
          continue;
        }
        const item: SetAside = {
          reason: verdict.setAside,
          setAsideAt: waiting.get(article.id)?.setAsideAt ?? options.now.toISOString(),
          article: { ...article, story: clustered },
        };
        writeSetAside(setAsideDir, item);
        setAside.push(item);
        continue;
      }
      const full = { ...article, story: verdict.story };
      if (verdict.joined)
        joined.push({ id: article.id, story: verdict.story, entry: verdict.joined.file });
      if (storeArticle(outDir, full, { deferFolderSync: true })) created.push(full);
      if (waiting.has(article.id)) removeSetAside(setAsideDir!, article);
    } catch (e) {
      warnings.push(
        `article ${article.id} from ${article.feed} not stored: ${(e as Error).message}`,
      );
    }
  }
  // One folder sync makes every new name durable before the state file says they were fetched.
  if (created.length) syncFolder(outDir);
  return { created, setAside, joined, warnings };
}
