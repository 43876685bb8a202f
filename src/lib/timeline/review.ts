/**
 * Editors' review decisions applied to stored articles: an article held for review stays off the
 * site until an editor says yes (with any corrected tags); a "no" takes any article off the site.
 */
import type { Article } from '../content/article.ts';
import type { ReviewLabel } from '../classify/review-labels.ts';
import { withBlocs } from '../classify/metrics.ts';

export function applyReviewDecisions(
  articles: readonly Article[],
  decisions: ReadonlyMap<string, ReviewLabel>,
  blocsOf: ReadonlyMap<string, readonly string[]> = new Map(),
): Article[] {
  const out: Article[] = [];
  for (const a of articles) {
    const d = decisions.get(a.id);
    if (!d) {
      if (!a.review) out.push(a);
      continue;
    }
    if (!d.relevant) continue;
    const { review: _held, ...rest } = a;
    out.push({
      ...rest,
      companies: d.companies ?? a.companies,
      regions: d.regions ? [...withBlocs(d.regions, blocsOf)].sort() : a.regions,
      why: [...a.why, `editor: reviewed ${d.decidedAt.slice(0, 10)}`],
    });
  }
  return out;
}

/** Articles still waiting for an editor's decision, oldest first. */
export function awaitingReview(
  articles: readonly Article[],
  decisions: ReadonlyMap<string, ReviewLabel>,
): Article[] {
  return articles
    .filter((a) => a.review && !decisions.has(a.id))
    .sort((x, y) => x.fetchedAt.localeCompare(y.fetchedAt) || x.id.localeCompare(y.id));
}
