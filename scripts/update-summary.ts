/**
 * `npm run update-summary`: the scheduled update's summary as markdown, appended to the job
 * summary ($GITHUB_STEP_SUMMARY) on GitHub Actions and printed to stdout anywhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadReviewLabels } from '../src/lib/classify/review-labels.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { checkContent } from '../src/lib/editorial/check-content.ts';
import { readHealth } from '../src/lib/ingest/health.ts';
import { readSummaryArticles, updateSummary } from '../src/lib/ingest/update-summary.ts';

const root = contentDir();
const companiesDir = path.join(root, 'companies');
const markdown = updateSummary({
  health: readHealth(path.join(root, 'feeds-health.json')),
  articles: readSummaryArticles(path.join(root, 'articles')),
  companyIds: new Set(
    fs.existsSync(companiesDir)
      ? fs.readdirSync(companiesDir).map((n) => n.replace(/\.ya?ml$/, ''))
      : [],
  ),
  decided: new Set(loadReviewLabels(root).keys()),
  warnings: checkContent(root).warnings,
  now: new Date(),
});
const target = process.env['GITHUB_STEP_SUMMARY'];
if (target) {
  fs.appendFileSync(target, `${markdown}\n`);
  console.log(`Update summary written to the job summary (${target}).`);
} else console.log(markdown);
