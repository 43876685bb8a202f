/**
 * The relevance vocabulary and weights (content/classifier.yaml): data, so an editor can tune what
 * counts as AI training, personal data, consent or a regulator without touching code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { text } from '../content/fields.ts';
import { ContentError, describeIssues } from '../content/load-taxonomy.ts';
import { contentDir } from '../content/paths.ts';

const patterns = (what: string) =>
  z.array(text(`a ${what} pattern`), { error: `must be a list of ${what} patterns` }).min(1);

/** The concept lists the scorer combines. */
export const CONCEPTS = [
  'training',
  'ai',
  'personalData',
  'people',
  'material',
  'consent',
  'dataDeal',
  'authority',
] as const;
export type Concept = (typeof CONCEPTS)[number];

const weight = z.number({ error: 'must be a number' });

export const classifierRulesSchema = z.strictObject({
  /** Words apart (within one sentence) that two signals may be and still count as linked. */
  window: z.number().int().min(1).max(50).default(10),
  /** Words apart that a "people" word and a "material" word may be to make personal data ("customer content"). */
  pairWindow: z.number().int().min(1).max(10).default(4),
  /** Scores at or above this are relevant. */
  threshold: z.number().min(0).max(1).default(0.5),
  /**
   * Patterns per concept. Matched on word boundaries ignoring case and accents; `train*` matches
   * any ending, a lone `*` stands for any one word.
   */
  concepts: z.strictObject({
    /** Building or improving AI from data: train, scrape, "improve * models". */
    training: patterns('training'),
    /** AI itself and products that are AI: AI, chatbot, model, ChatGPT. */
    ai: patterns('AI'),
    /** Personal data by nature: posts, photos, chats, personal data. */
    personalData: patterns('personal data'),
    /** Whose data: users, customers, members, artists. */
    people: patterns('people'),
    /** What data: data, content, images, answers. */
    material: patterns('material'),
    /** Consent and controls: opt out, default, privacy policy, terms. */
    consent: patterns('consent'),
    /** Selling or licensing content: licence, deal, data API. */
    dataDeal: patterns('data deal'),
    /** Regulators, courts, complaints: watchdog, lawsuit, injunction. */
    authority: patterns('authority'),
  }),
  /** Contexts that make a story about something else (earnings, chips, breaches): each lowers the score. */
  negatives: z
    .array(
      z.strictObject({
        /** Shown in the reasons, e.g. "earnings and markets". */
        label: text('a label'),
        terms: patterns('negative'),
      }),
    )
    .default([]),
  /** Phrases that contain a company or place name but mean something else ("meta-analysis", "X marks the spot"). */
  shadows: z.array(text('a phrase')).default([]),
  /**
   * What each signal adds to the score before the logistic curve. `negative` is subtracted per
   * context found in the headline, half of it per context found only in the text.
   */
  weights: z.strictObject({
    bias: weight,
    trainingNearPersonal: weight,
    aiNearPersonal: weight,
    trainingNearAi: weight,
    /** Training words next to material that no owner qualifies ("training models on X content"). */
    trainingNearMaterial: weight,
    /** A data deal next to AI or training words ("licenses its content for AI training"). */
    dealNearAi: weight,
    training: weight,
    ai: weight,
    personal: weight,
    consent: weight,
    dataDeal: weight,
    authority: weight,
    company: weight,
    /** Added when nothing in the item names AI at all ("learn from your code" is not about AI). */
    withoutAi: weight,
    negative: weight,
  }),
});
export type ClassifierRules = z.output<typeof classifierRulesSchema>;

/** Reads and validates content/classifier.yaml; a problem names the file and the field. */
export function loadClassifierRules(root = contentDir()): ClassifierRules {
  const file = path.join(root, 'classifier.yaml');
  const rel = path.relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT' ? 'is missing' : `is not valid YAML: ${err.message.split('\n')[0]}`;
    throw new ContentError([`${rel}: (file) — ${why}`]);
  }
  const result = classifierRulesSchema.safeParse(raw);
  if (!result.success) throw new ContentError(describeIssues(rel, result.error));
  return result.data;
}
