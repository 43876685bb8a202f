/**
 * Where the training items come from: the shared labelled headlines (outside the repository) and
 * the editors' review decisions joined with the articles they were about.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { articleSchema } from '../content/article.ts';
import { contentDir } from '../content/paths.ts';
import { detectLanguage } from './language.ts';
import {
  LabelledDataError,
  readLabelledFile,
  toTrainingItems,
  type TrainingItem,
} from './labelled.ts';
import { loadReviewLabels } from './review-labels.ts';

/** The shared corpus, beside the repository; `AIDW_LABELLED` points elsewhere. */
export const sharedHeadlines = () =>
  path.resolve(process.env['AIDW_LABELLED'] ?? '../shared/labelled/headlines.json');

export const SHARED = 'shared headlines';
export const EDITORS = "editors' labels";

export interface TrainingData {
  items: TrainingItem[];
  /** Items per source, as the model file records them. */
  sources: Record<string, number>;
  /** Which source each item came from, in the order of `items`. */
  sourceOf: string[];
}

/** Editors' decisions as training items: the article's own headline and summary, the editor's labels. */
export function editorItems(root = contentDir()): TrainingItem[] {
  const out: TrainingItem[] = [];
  for (const label of loadReviewLabels(root).values()) {
    const file = path.join(root, 'articles', `${label.article}.json`);
    if (!fs.existsSync(file)) continue;
    const a = articleSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    out.push({
      title: a.title,
      text: a.summary,
      ...(a.dateEstimated ? {} : { published: a.published }),
      language: a.language ?? detectLanguage(`${a.title}\n${a.summary}`),
      relevant: label.relevant,
      companies: [...(label.companies ?? a.companies)].sort(),
      regions: [...(label.regions ?? a.regions)].sort(),
    });
  }
  return out;
}

export function loadTrainingData(taxonomy: Taxonomy, root = contentDir()): TrainingData {
  const file = sharedHeadlines();
  if (!fs.existsSync(file))
    throw new LabelledDataError(
      `${file}: is missing — the labelled headlines live outside the repository (../shared/labelled/headlines.json beside it, or set AIDW_LABELLED); the model is left as it is`,
    );
  const shared = toTrainingItems(readLabelledFile(file), taxonomy);
  const editors = editorItems(root);
  return {
    items: [...shared, ...editors],
    sources: { [SHARED]: shared.length, [EDITORS]: editors.length },
    sourceOf: [...shared.map(() => SHARED), ...editors.map(() => EDITORS)],
  };
}
