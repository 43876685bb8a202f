/**
 * The relevance model (content/classifier-model.json), written by `npm run train-classifier` and
 * read by `classify` and `ingest`. Weights come from the labelled data, never from hand; the file
 * is sorted and rounded so that the same data gives the same bytes and a retrain diffs readably.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../content/load-taxonomy.ts';
import { contentDir } from '../content/paths.ts';

/** Bump when features change meaning: an older file is then refused as stale instead of misread. */
export const MODEL_VERSION = 4;

export const modelSchema = z.strictObject({
  /** Feature scheme the weights belong to; must equal MODEL_VERSION. */
  version: z.number().int(),
  /** What the model was trained on, so a reviewer can tell two models apart. */
  trainedOn: z.strictObject({
    /** Labelled items, by source ("shared headlines", "editors' labels"). */
    items: z.record(z.string(), z.number().int().min(0)),
    /** SHA-256 of the training items as read, to tell whether the data changed. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** Scores at or above this are relevant. */
  threshold: z.number().min(0).max(1),
  /** Scores inside [low, high) are held for an editor's review instead of shown. */
  review: z.strictObject({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) }),
  /**
   * How the fitted weights were tempered so that scores mean what they say (calibrate.ts): every
   * weight is the fitted one times `scale`, and the bias the fitted one times `scale` plus
   * `shift`, both fitted on `folds` folds of the training items. Shown for review; the weights and
   * bias below already include it.
   */
  calibration: z.strictObject({
    scale: z.number().positive(),
    shift: z.number(),
    folds: z.number().int().min(0),
  }),
  /** Added to every item's sum before the logistic curve. */
  bias: z.number(),
  /**
   * Feature name → what it adds to an item's sum when present. `s:` a vocabulary signal (`s:a&b` two
   * found together), `n:` how many signals were found, `w:` a word, `b:` two words, `c:` part of a
   * word.
   */
  weights: z.record(z.string(), z.number()),
  /**
   * Names of organisations the labels named that content/companies/ does not know, as the text
   * writes them → the slug they are tagged with (proposed until an editor adds the company).
   */
  companies: z.record(z.string(), z.string()),
  /** Words that placed labelled stories in one region every time they were seen → its code. */
  regionWords: z.record(z.string(), z.string()),
  /** Language → the region its stories are filed under when they name no place (da → EU). */
  languageRegions: z.record(z.string(), z.string()),
});
export type Model = z.output<typeof modelSchema>;

export const modelFile = (root = contentDir()) => path.join(root, 'classifier-model.json');

const RETRAIN = 'run `npm run train-classifier` to write it again';

/** Reads and validates the model; a missing, stale or malformed file names the file, the line and the fix. */
export function loadModel(root = contentDir()): Model {
  const file = modelFile(root);
  const rel = path.relative(process.cwd(), file) || file;
  let src: string;
  try {
    src = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ContentError([`${rel}: (file) — is missing — ${RETRAIN}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(src);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? src.slice(0, Number(at[1])).split('\n').length : undefined;
    throw new ContentError([
      `${rel}${line ? `:${line}` : ''}: (file) — is not valid JSON (${message}) — ${RETRAIN}`,
    ]);
  }
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success)
    throw new ContentError(
      parsed.error.issues.map(
        (i) => `${rel}: ${i.path.join('.') || '(file)'} — ${i.message} — ${RETRAIN}`,
      ),
    );
  if (parsed.data.version !== MODEL_VERSION)
    throw new ContentError([
      `${rel}: version — is ${parsed.data.version}, but this code reads version ${MODEL_VERSION} (the model is stale) — ${RETRAIN}`,
    ]);
  return parsed.data;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface Weighed {
  score: number;
  /** The item's sum before the logistic curve: the bias and the weights of its features. */
  sum: number;
  /** The features that weighed most, each with its weight, strongest first. */
  for: [string, number][];
  against: [string, number][];
}

/** Keeps the `top` strongest of one side without sorting every feature an item has. */
function keepStrongest(list: [string, number][], hit: [string, number], top: number) {
  const stronger = (a: [string, number], b: [string, number]) =>
    Math.abs(a[1]) > Math.abs(b[1]) ||
    (Math.abs(a[1]) === Math.abs(b[1]) && a[0].localeCompare(b[0]) < 0);
  if (list.length === top && !stronger(hit, list[top - 1]!)) return;
  let i = list.length < top ? list.length : top - 1;
  while (i > 0 && stronger(hit, list[i - 1]!)) i--;
  list.splice(i, 0, hit);
  if (list.length > top) list.pop();
}

/**
 * The model's scorer: an item's score for its set of features, with the strongest features on
 * each side. The weights go into a Map once, as an item has thousands of features to look up.
 */
export function createWeigher(model: Model, top = 3): (features: Iterable<string>) => Weighed {
  const weights = new Map(Object.entries(model.weights));
  return (features) => {
    let z = model.bias;
    const positive: [string, number][] = [];
    const negative: [string, number][] = [];
    for (const f of features) {
      const w = weights.get(f);
      if (w === undefined) continue;
      z += w;
      if (w > 0) keepStrongest(positive, [f, w], top);
      else if (w < 0) keepStrongest(negative, [f, w], top);
    }
    return { score: sigmoid(z), sum: z, for: positive, against: negative };
  };
}

/** The file as written: two-space JSON, keys in schema order, ending in a newline. */
export function serialiseModel(model: Model): string {
  return `${JSON.stringify(modelSchema.parse(model), null, 2)}\n`;
}
