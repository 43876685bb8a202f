/**
 * The job summary of a scheduled update: what the run brought, what waits for an editor and
 * which feeds are in trouble, as one markdown page (GitHub shows it on the run's page).
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, type Problem } from '../editorial/problem.ts';
import type { HealthReport } from './health.ts';
import { attentionFor } from './history.ts';

/** What the summary needs of an article file; `review` and `proposedCompanies` come from the classifier. */
export interface SummaryArticle {
  id: string;
  story: string;
  fetchedAt: string;
  review?: boolean;
  proposedCompanies?: string[];
}

export interface SummaryInput {
  health: HealthReport | undefined;
  articles: readonly SummaryArticle[];
  /** Company ids on file: a proposed company added since is no longer proposed. */
  companyIds: ReadonlySet<string>;
  /** Articles an editor has decided in `npm run review`: no longer waiting. */
  decided: ReadonlySet<string>;
  warnings: readonly Problem[];
  now: Date;
}

/** Reads just the summary's fields from every article file; unreadable files are check's business. */
export function readSummaryArticles(dir: string): SummaryArticle[] {
  if (!fs.existsSync(dir)) return [];
  const out: SummaryArticle[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    try {
      const a = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<
        string,
        unknown
      >;
      if (typeof a['id'] !== 'string' || typeof a['story'] !== 'string') continue;
      out.push({
        id: a['id'],
        story: a['story'],
        fetchedAt: typeof a['fetchedAt'] === 'string' ? a['fetchedAt'] : '',
        ...(a['review'] === true ? { review: true } : {}),
        ...(Array.isArray(a['proposedCompanies'])
          ? { proposedCompanies: a['proposedCompanies'].filter((c) => typeof c === 'string') }
          : {}),
      });
    } catch {
      continue;
    }
  }
  return out;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function updateSummary({
  health,
  articles,
  companyIds,
  decided,
  warnings,
  now,
}: SummaryInput): string {
  const isNew = (a: SummaryArticle) =>
    !!health && a.fetchedAt >= health.startedAt && a.fetchedAt <= health.finishedAt;
  const fresh = articles.filter(isNew);
  const stories = new Set(fresh.map((a) => a.story));
  const olderStories = new Set(articles.filter((a) => !isNew(a)).map((a) => a.story));
  const newStories = [...stories].filter((s) => !olderStories.has(s)).length;
  const held = articles.filter((a) => a.review && !decided.has(a.id));
  const proposed = new Map<string, number>();
  for (const a of articles)
    for (const c of new Set(a.proposedCompanies ?? []))
      if (!companyIds.has(c)) proposed.set(c, (proposed.get(c) ?? 0) + 1);
  const failing = (health?.feeds ?? []).filter((f) => f.status === 'failed');
  const attention = (health?.feeds ?? []).flatMap((f) =>
    attentionFor(f, now).map((a) => ({ feed: f.id, ...a })),
  );

  const lines = ['## Update summary', ''];
  lines.push(
    health
      ? `Ingest ran ${health.startedAt} to ${health.finishedAt}: ${health.totals.feeds} feeds, ${health.totals.ok} read, ${health.totals.notModified} unchanged, ${health.totals.failed} failed.`
      : 'No feed health report: ingest has not run.',
    '',
    '| | |',
    '| --- | ---: |',
    `| New articles | ${fresh.length} |`,
    `| Stories they belong to | ${stories.size} (${newStories} new) |`,
    `| Items waiting for review (npm run review) | ${held.length} (${held.filter(isNew).length} new) |`,
    `| Failing feeds | ${failing.length} |`,
    `| Proposed companies | ${proposed.size} |`,
    `| Check warnings | ${warnings.length} |`,
    '',
  );
  if (failing.length) {
    lines.push(
      '### Failing feeds',
      '',
      '| Feed | Runs in a row | Last error |',
      '| --- | ---: | --- |',
    );
    for (const f of failing)
      lines.push(
        `| ${cell(f.id)} | ${f.consecutiveFailures} | ${cell(f.reason ?? f.lastError?.reason ?? '')} |`,
      );
    lines.push('');
  }
  if (attention.length) {
    lines.push('### Feeds that need an editor', '');
    for (const a of attention) lines.push(`- **${a.feed}** (${a.kind}): ${a.todo}`);
    lines.push('');
  }
  if (proposed.size) {
    lines.push('### Proposed companies', '', '| Company | Articles |', '| --- | ---: |');
    for (const [c, n] of [...proposed].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])))
      lines.push(`| ${cell(c)} | ${n} |`);
    lines.push(
      '',
      'Add `content/companies/<id>.yaml` for a company to follow (EDITING.md "Add a company").',
      '',
    );
  }
  if (warnings.length) {
    lines.push('### Check warnings', '');
    for (const w of warnings) lines.push(`- ${cell(formatProblem(w))}`);
    lines.push('');
  }
  return lines.join('\n');
}
