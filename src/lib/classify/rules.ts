/**
 * The relevance vocabulary (content/classifier.yaml): data, so an editor can say what counts as AI
 * training, personal data, consent or a regulator, in every language, without touching code. How
 * much each signal counts is learned (model.ts), not written here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { text } from '../content/fields.ts';
import { ContentError, describeIssues } from '../content/load-taxonomy.ts';
import { contentDir } from '../content/paths.ts';
import { fold } from '../text/fold.ts';

const patterns = (what: string) =>
  z.array(text(`a ${what} pattern`), { error: `must be a list of ${what} patterns` }).min(1);

/** Single words, folded as text is, so that "Société" in the file matches "societe" in a token. */
const words = (one: string, many: string) =>
  z
    .array(
      text(one).refine((w) => !/\s/.test(w), { error: `${one} must be one word` }),
      { error: `must be a list of ${many}` },
    )
    .transform((list) => list.map(fold));

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
  'guidance',
  'court',
  'learners',
] as const;
export type Concept = (typeof CONCEPTS)[number];

export const classifierRulesSchema = z.strictObject({
  /** Words apart (within one sentence) that two signals may be and still count as linked. */
  window: z.number().int().min(1).max(50).default(10),
  /** Words apart that a "people" word and a "material" word may be to make personal data ("customer content"). */
  pairWindow: z.number().int().min(1).max(10).default(4),
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
    /**
     * What a regulator publishes to say how the law applies to AI: guidance, an opinion, a
     * consultation. A story of one is about the rules for training, where a fine may be about ads.
     */
    guidance: patterns('guidance'),
    /** Lawsuits and judges (a court case that names no place is usually a US one). */
    court: patterns('court'),
    /**
     * People being taught: a training word with one of these as its object means teaching people
     * skills, not training a model ("train 400,000 teachers", "train its future AI workforce").
     */
    learners: patterns('learners'),
  }),
  /** Contexts that make a story about something else (earnings, chips, breaches): each lowers the score. */
  negatives: z
    .array(
      z.strictObject({
        /** Shown in the reasons, e.g. "earnings and markets". */
        label: text('a label'),
        terms: patterns('negative'),
        /**
         * Whether a regulator's or court's act is not this context: a term with an authority
         * within `window` words in its sentence does not count ("the DPC launched an inquiry",
         * "the Commissioner releases guidelines" are no product launch).
         */
        unlessAuthority: z.boolean().default(false),
      }),
    )
    .default([]),
  /**
   * Words for a business or organisation. A place beside one of `companies` or `owners` says where
   * the business is from, not where the story applies ("American tech firm"); a capitalised name
   * right after one of `companies` or `kinds` is proposed as a company ("startup Mistral").
   */
  businesses: z
    .strictObject({
      /** Words for a company: company, firm, startup, Unternehmen, società. */
      companies: words('a company word', 'company words').default([]),
      /** Owners and organisations: group, owner, nonprofit, Verein, selskapet. */
      owners: words('an owner word', 'owner words').default([]),
      /** Kinds of business set before a name: app, site, publisher, Dienst, servizio. */
      kinds: words('a kind of business', 'kinds of business').default([]),
    })
    .default({ companies: [], owners: [], kinds: [] }),
  /** Phrases that contain a company or place name but mean something else ("meta-analysis", "X marks the spot"). */
  shadows: z.array(text('a phrase')).default([]),
  /**
   * Words, in any language, that name a place beside the story for contrast ("already in the
   * US", "even as users in the EU", "in den USA schon längst"): a place within ASIDE_WINDOW words
   * of one, in the same sentence, does not count where the item names another place.
   */
  asides: z.array(text('an aside pattern')).default([]),
  /**
   * The concepts in other languages, by ISO 639-1 code (`de`, `ko`): for an item detected in that
   * language, each list is added to the concept's list above, so a German training word counts
   * exactly as an English one.
   */
  languages: z
    .record(
      z.string(),
      z.strictObject(
        Object.fromEntries(CONCEPTS.map((c) => [c, patterns(c).optional()])) as Record<
          Concept,
          z.ZodOptional<ReturnType<typeof patterns>>
        >,
      ),
    )
    .default({})
    .superRefine((languages, ctx) => {
      for (const code of Object.keys(languages))
        if (!/^[a-z]{2}$/.test(code))
          ctx.addIssue({
            code: 'custom',
            path: [code],
            message: `"${code}" must be a two-letter language code such as de`,
          });
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

/**
 * Languages whose readers read each other and whose words are mostly shared: language detection
 * confuses them on a headline (franc takes Danish for Norwegian), and a Norwegian outlet quoting
 * a Swedish regulator is still one story.
 */
const KIN: Record<string, readonly string[]> = {
  no: ['da', 'sv'],
  da: ['no', 'sv'],
  sv: ['no', 'da'],
};

/**
 * What text in `language` adds to a concept's base list (English, and words every language
 * borrows, such as "AI"): that language's own words and its kin's, or every language's where the
 * language is undetermined. One language's word is often another's unrelated one (Swedish
 * "träna" folds to the stem of "transfer", Polish "sąd" to English "sad"), so a list is not let
 * loose on text in other languages.
 */
export function languagePatterns(
  rules: ClassifierRules,
  concept: Concept,
  language: string,
): string[] {
  if (language === 'und') return Object.values(rules.languages).flatMap((l) => l[concept] ?? []);
  return [language, ...(KIN[language] ?? [])].flatMap((l) => rules.languages[l]?.[concept] ?? []);
}
