/** The classifier's contract: what ingest, `npm run classify` and the tests rely on. */

export interface ClassifyInput {
  title: string;
  /** Summary or first paragraph, plain text. */
  text: string;
}

export interface Classification {
  /** Is this about a platform's use of people's data for AI? */
  relevant: boolean;
  /** Confidence in relevance, 0–1. */
  score: number;
  /** Company ids, sorted. */
  companies: string[];
  /** Region codes, blocs included, sorted; `GLOBAL` when none is named. */
  regions: string[];
  /** Human-readable reasons for the verdict and every tag, e.g. "'ICO' → UK". */
  why: string[];
}

export type Classifier = (input: ClassifyInput) => Classification;

/** What story clustering needs to know about an article. */
export interface StoryCandidate {
  id: string;
  title: string;
  summary: string;
  companies: string[];
  /** ISO 8601. */
  published: string;
  /** Set for articles already stored: their story never changes. */
  story?: string;
}
