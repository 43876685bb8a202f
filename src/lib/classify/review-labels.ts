/**
 * Editors' review decisions (content/review-labels.jsonl): our own labels, one JSON object per
 * line so that each decision is appended and flushed as it is given — a session killed half-way
 * keeps every decision already made. The newest line for an article wins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../content/load-taxonomy.ts';
import { contentDir } from '../content/paths.ts';
import { regionCodeFormat, slugId } from '../content/fields.ts';

export const reviewLabelSchema = z.strictObject({
  /** The article decided on (its id in content/articles/). */
  article: z.string().regex(/^[a-z0-9-]{6,80}$/, 'must be an article id'),
  /** The editor's answer: is it about people's data used to train AI? */
  relevant: z.boolean(),
  /** Corrected company ids, when the editor changed them. */
  companies: z.array(slugId).optional(),
  /** Corrected region codes, when the editor changed them. */
  regions: z.array(regionCodeFormat).optional(),
  /** When the decision was made, ISO 8601. */
  decidedAt: z.string(),
});
export type ReviewLabel = z.output<typeof reviewLabelSchema>;

export const reviewLabelsFile = (root = contentDir()) => path.join(root, 'review-labels.jsonl');

/** Every decision, newest per article; a malformed line names the file, the line and the fix. */
export function loadReviewLabels(root = contentDir()): Map<string, ReviewLabel> {
  const file = reviewLabelsFile(root);
  const rel = path.relative(process.cwd(), file) || file;
  const out = new Map<string, ReviewLabel>();
  if (!fs.existsSync(file)) return out;
  const problems: string[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        problems.push(
          `${rel}:${i + 1}: (line) — is not valid JSON (${(e as Error).message}) — correct or delete the line; \`npm run review\` writes it again`,
        );
        return;
      }
      const parsed = reviewLabelSchema.safeParse(raw);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          problems.push(
            `${rel}:${i + 1}: ${issue.path.join('.') || '(line)'} — ${issue.message} — correct or delete the line`,
          );
      else out.set(parsed.data.article, parsed.data);
    });
  if (problems.length) throw new ContentError(problems);
  return out;
}

/** Appends one decision and flushes it to disk before returning. */
export function appendReviewLabel(label: ReviewLabel, root = contentDir()): void {
  const fd = fs.openSync(reviewLabelsFile(root), 'a');
  try {
    fs.writeSync(fd, `${JSON.stringify(reviewLabelSchema.parse(label))}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
