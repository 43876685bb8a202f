/**
 * `npm run train-classifier`: learns the relevance model from the shared labelled headlines and
 * the editors' review decisions, and writes content/classifier-model.json. Deterministic: the same
 * data gives the same file. Without the shared corpus it stops, saying what is missing, and leaves
 * the model as it is.
 */
import path from 'node:path';
import { writeFileAtomic } from '../src/lib/ingest/atomic.ts';
import { ContentError, loadTaxonomy } from '../src/lib/content/load-taxonomy.ts';
import { LabelledDataError } from '../src/lib/classify/labelled.ts';
import { modelFile, serialiseModel, type Model } from '../src/lib/classify/model.ts';
import { loadClassifierRules } from '../src/lib/classify/rules.ts';
import { loadTrainingData } from '../src/lib/classify/training-data.ts';
import { trainModel } from '../src/lib/classify/train.ts';

/**
 * How the scores were tempered, or why they were not: calibrate.ts fits nothing on too few items
 * of a class, nor when the held-out sums do not rank the items at all.
 */
const calibrated = ({ folds, scale, shift }: Model['calibration']) =>
  folds
    ? `scores calibrated on ${folds} folds (sums × ${scale}, ${shift >= 0 ? '+' : '−'} ${Math.abs(shift)})`
    : 'scores left uncalibrated (too few items of a class, or held-out sums that do not rank them)';

try {
  const taxonomy = loadTaxonomy();
  const rules = loadClassifierRules();
  const data = loadTrainingData(taxonomy);
  const model = trainModel(data.items, data.sources, taxonomy, rules);
  const file = modelFile();
  writeFileAtomic(file, serialiseModel(model));
  const counts = Object.entries(data.sources)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(
    `train-classifier: wrote ${path.relative(process.cwd(), file) || file} from ${counts}: ${Object.keys(model.weights).length} weights, ${Object.keys(model.companies).length} learned company names, ${Object.keys(model.regionWords).length} region words; ${calibrated(model.calibration)}.`,
  );
} catch (e) {
  if (!(e instanceof LabelledDataError || e instanceof ContentError)) throw e;
  console.error(`train-classifier: cannot train: ${e.message}`);
  process.exit(1);
}
