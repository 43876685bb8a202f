/**
 * Training: from labelled items to a model file. Everything the model knows comes from the items
 * it is given — weights, names of companies the taxonomy lacks, words that place a story — so
 * cross-validation can train on some items and honestly score the others.
 */
import { createHash } from 'node:crypto';
import type { Taxonomy } from '../content/load-taxonomy.ts';
import { tokenizeItem } from '../taxonomy/text.ts';
import { fitCalibration, MIN_PER_CLASS, type Calibration } from './calibrate.ts';
import { assignStories } from './cluster.ts';
import { fitLogistic, type FitOptions } from './fit.ts';
import { assignFolds } from './folds.ts';
import { createAnalyser, unplacedKeys, type Analysis, type Learned } from './index.ts';
import { companySlug, type TrainingItem } from './labelled.ts';
import { createWeigher, MODEL_VERSION, type Model } from './model.ts';
import { untopical } from './relevance.ts';
import type { ClassifierRules } from './rules.ts';

/**
 * Chosen on the mean of eight random five-fold splits and checked on folds by period: precision
 * at recall 0.93 stays within 0.005 of its best for a penalty from 0.0005 to 0.002 and for 8 000
 * to 12 000 features; 3 000 features lose 0.015, and no penalty loses 0.05. A penalty on the
 * words and n-grams two to three times that on the signals keeps precision and lets a third fewer
 * off-topic posts past the line.
 */
export const FIT: FitOptions = {
  minItems: 2,
  maxFeatures: 8000,
  steps: 1500,
  learningRate: 0.005,
  l2: { signals: 0.001, text: 0.003 },
};

/**
 * Folds of the cross-validation inside training that calibrates the scores (calibrate.ts): each
 * item's sum comes from a model fitted without it, like a story the site has not seen yet.
 */
export const CALIBRATION_FOLDS = 5;

/** A word must have placed this many labelled stories, and nearly always the same place, to be learned. */
const REGION_WORD = { minItems: 3, minShare: 0.8, minLength: 4 };
/** A default region must hold for at least half the stories it is learned from, and two of them. */
const LANGUAGE_REGION = { minItems: 2, minShare: 0.5 };

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * How much each item counts in the fit: 1/√n for one of n reports of a story (grouped as the
 * timeline groups them). Outlets retelling one story are not n pieces of evidence, and counted in
 * full they teach the model that story's words. The square root was chosen over 1/n on the mean
 * of five random splits (recall 0.926 against 0.926, precision 0.931 against 0.932) and folds by
 * period (precision 0.908 against 0.904); weighing every item alike gave 0.931 and 0.924.
 */
export function storyWeights(items: readonly TrainingItem[]): number[] {
  const stories = assignStories(
    [],
    items.map((x, i) => ({
      id: String(i),
      title: x.title,
      summary: x.text,
      companies: x.companies,
      published: x.published ?? '',
    })),
  );
  const size = new Map<string, number>();
  for (const story of stories.values()) size.set(story, (size.get(story) ?? 0) + 1);
  return items.map((_, i) => 1 / Math.sqrt(size.get(stories.get(String(i))!)!));
}

/** The text's own spelling of a company the labels name by a name the taxonomy lacks ("Otter.ai"). */
function namesInText(item: TrainingItem, unknown: readonly string[]): [string, string][] {
  const { source, tokens } = tokenizeItem(item.title, item.text);
  const out: [string, string][] = [];
  for (const id of unknown)
    for (let i = 0; i < tokens.length; i++)
      for (let n = 1; n <= 3 && i + n <= tokens.length; n++) {
        const name = source.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
        if (companySlug(name) === id) out.push([name, id]);
      }
  return out;
}

function learnCompanies(items: readonly TrainingItem[], taxonomy: Taxonomy): Model['companies'] {
  const known = new Set(taxonomy.companies.map((c) => c.id));
  const names = new Map<string, string>();
  for (const item of items) {
    if (!item.relevant) continue;
    for (const [name, id] of namesInText(
      item,
      item.companies.filter((c) => !known.has(c)),
    ))
      if (!names.has(name)) names.set(name, id);
  }
  return Object.fromEntries([...names].sort(([a], [b]) => a.localeCompare(b)));
}

function learnRegionWords(
  items: readonly TrainingItem[],
  regionsFound: readonly string[][],
): Model['regionWords'] {
  const tokens = items.map((x) => tokenizeItem(x.title, x.text).tokens);
  // A place is a name: a word the items also write in lower case ("object", "users") is not one.
  const common = new Set(
    tokens
      .flat()
      .flatMap((t) => (/\p{Ll}/u.test(t.raw) && t.raw === t.raw.toLowerCase() ? [t.folded] : [])),
  );
  const seen = new Map<string, number>();
  const withCode = new Map<string, Map<string, number>>();
  items.forEach((item, i) => {
    if (!item.relevant) return;
    const words = new Set(
      tokens[i]!.map((t) => t.folded).filter(
        (w) => w.length >= REGION_WORD.minLength && !/^\d+$/.test(w) && !common.has(w),
      ),
    );
    // Only what the taxonomy missed is worth learning.
    const missed = item.regions.filter((r) => r !== 'GLOBAL' && !regionsFound[i]!.includes(r));
    for (const w of words) {
      seen.set(w, (seen.get(w) ?? 0) + 1);
      const codes = withCode.get(w) ?? new Map<string, number>();
      for (const r of missed) codes.set(r, (codes.get(r) ?? 0) + 1);
      withCode.set(w, codes);
    }
  });
  const out: [string, string][] = [];
  for (const [w, codes] of withCode)
    for (const [code, n] of codes)
      if (n >= REGION_WORD.minItems && n / seen.get(w)! >= REGION_WORD.minShare)
        out.push([w, code]);
  return Object.fromEntries(out.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A local outlet reporting a change in its own language often names no place: the change is
 * Europe's, and the reader is in it. Where most labelled stories in a language are filed under
 * one region, that region is the default of its stories that name no place. The default of a
 * language and a company, or a language and a court case, is learned from the stories that name
 * no place alone, where it overrules the language's: those are the ones it decides. A language's
 * own is learned from all its stories, so that it does not fade as the tagger places more of them.
 */
function learnLanguageRegions(
  items: readonly TrainingItem[],
  analysed: readonly Analysis[],
): Model['languageRegions'] {
  const filed = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  items.forEach((item, i) => {
    const a = analysed[i]!;
    if (!item.relevant) return;
    const placed = a.regions.join() !== 'GLOBAL';
    for (const key of placed ? [a.language] : unplacedKeys(a.language, a.features, a.companies)) {
      totals.set(key, (totals.get(key) ?? 0) + 1);
      const codes = filed.get(key) ?? new Map<string, number>();
      for (const r of item.regions) codes.set(r, (codes.get(r) ?? 0) + 1);
      filed.set(key, codes);
    }
  });
  const out: [string, string][] = [];
  for (const [key, codes] of filed) {
    const [code, n] = [...codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    // GLOBAL is worth keeping only where it overrules a broader key ("es+google" over "es").
    if (code === 'GLOBAL' && !key.includes('+')) continue;
    if (code && n! >= LANGUAGE_REGION.minItems && n! / totals.get(key)! >= LANGUAGE_REGION.minShare)
      out.push([key, code]);
  }
  // A specific key that says what its language alone would say adds nothing.
  const byLanguage = new Map(out.filter(([k]) => !k.includes('+')));
  const kept = out.filter(
    ([k, code]) => !k.includes('+') || code !== (byLanguage.get(k.split('+')[0]!) ?? 'GLOBAL'),
  );
  return Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The scale and shift that make the scores of a model trained on `items` mean what they say:
 * fitted to the sums that models trained on the other folds give each item. Items the classifier
 * does not weigh at all are left out, as their score is not the model's. Null when there is too
 * little to fit.
 */
function calibrationFor(
  items: readonly TrainingItem[],
  taxonomy: Taxonomy,
  rules: ClassifierRules,
  fit: FitOptions,
  k: number,
): Calibration | null {
  const relevant = items.filter((x) => x.relevant).length;
  if (k < 2 || relevant < MIN_PER_CLASS || items.length - relevant < MIN_PER_CLASS) return null;
  const folds = assignFolds(items, k);
  const points: { sum: number; relevant: boolean }[] = [];
  for (let f = 0; f < k; f++) {
    const model = trainModel(
      items.filter((_, i) => folds[i] !== f),
      {},
      taxonomy,
      rules,
      fit,
      0,
    );
    const analyse = createAnalyser(taxonomy, rules, model);
    const weigh = createWeigher(model);
    items.forEach((item, i) => {
      if (folds[i] !== f) return;
      const a = analyse(item);
      if (untopical({ found: a.evidence }) === null)
        points.push({ sum: weigh(a.features).sum, relevant: item.relevant });
    });
  }
  return fitCalibration(points);
}

export function trainModel(
  items: readonly TrainingItem[],
  sources: Record<string, number>,
  taxonomy: Taxonomy,
  rules: ClassifierRules,
  fit: FitOptions = FIT,
  calibrationFolds = CALIBRATION_FOLDS,
): Model {
  const companies = learnCompanies(items, taxonomy);
  const plain = createAnalyser(taxonomy, rules, {
    companies,
    regionWords: {},
    languageRegions: {},
  });
  const analysed = items.map((x) => plain(x));
  const found = analysed.map((a) => a.regions);
  const regionWords = learnRegionWords(items, found);
  const languageRegions = learnLanguageRegions(items, analysed);
  const learned: Learned = { companies, regionWords, languageRegions };
  const analyse = createAnalyser(taxonomy, rules, learned);
  const weight = storyWeights(items);
  const fitted = fitLogistic(
    items.map((x, i) => ({
      features: analyse(x).features,
      relevant: x.relevant,
      weight: weight[i]!,
    })),
    fit,
  );
  // The calibration folds into the weights: the model file stays a plain sum and a curve.
  const calibrated = calibrationFor(items, taxonomy, rules, fit, calibrationFolds);
  const { scale, shift } = calibrated ?? { scale: 1, shift: 0 };
  const weights = [...fitted.weights]
    .map(([f, w]) => [f, round(w * scale)] as const)
    .filter(([, w]) => w !== 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return {
    version: MODEL_VERSION,
    trainedOn: {
      items: sources,
      sha256: createHash('sha256').update(JSON.stringify(items)).digest('hex'),
    },
    threshold: 0.5,
    review: { low: 0.35, high: 0.65 },
    calibration: {
      scale: round(scale),
      shift: round(shift),
      folds: calibrated ? calibrationFolds : 0,
    },
    bias: round(fitted.bias * scale + shift),
    weights: Object.fromEntries(weights),
    companies,
    regionWords,
    languageRegions,
  };
}
