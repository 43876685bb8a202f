/** The classifier's contract: what ingest, `npm run classify` and the tests rely on. */

export interface ClassifyInput {
  title: string;
  /** Summary or first paragraph, plain text. */
  text: string;
  /**
   * When it was published (ISO 8601), if known: a story that names no place is then placed by
   * the record's policy change of its company nearest in time.
   */
  published?: string;
}

export interface Classification {
  /** Is this about a platform's use of people's data for AI? */
  relevant: boolean;
  /** Confidence in relevance, 0–1. */
  score: number;
  /** Held for an editor's review: the score is too close to call. */
  review?: true;
  /** ISO 639-1 code of the item's language, as detected. */
  language: string;
  /** Company ids, sorted; ids of companies content/companies/ does not know are slugs of their names. */
  companies: string[];
  /** The ids in `companies` that content/companies/ does not know, proposed for an editor to add. */
  proposedCompanies?: string[];
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
