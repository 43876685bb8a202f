/**
 * Organisations content/companies/ does not know, named where news names the actor: at the head
 * of the headline, right before what it does ("Grammarly trains…", "Otter.ai sued over…",
 * "Figma's new terms…"). Such a name is tagged by the slug of its name, as proposed, so the story
 * is filed under it and an editor can adopt it.
 */
import type { Token } from '../taxonomy/text.ts';
import { companySlug } from './labelled.ts';

/** What an actor does in a headline: the word after its name. */
const ACTS =
  /^(?:trains?|training|trained|uses?|using|used|will|to|wants?|plans?|says?|said|lets?|adds?|updates?|updated|changes?|changed|sued|sues|faces?|fined|admits?|confirms?|denies|denied|quietly|is|are|has|was|begins?|starts?|stops?|pauses?|halts?|scraped|scrapes|collects?|sells?|sold|licenses?|licensed|opts?|agrees?|settles?|accused)$/i;

/** Capitalised words that open headlines without naming anyone. */
const OPENERS = new Set(
  'a an the how why what when where who which this that these new report study judge court users people your you we it its here lawsuit update exclusive breaking opinion analysis watch video explainer privacy ai data'.split(
    ' ',
  ),
);

const capitalised = (t: Token) => /^\p{Lu}/u.test(t.raw);

/**
 * The name at the head of the title, when the next word is an act, it is no known name, and it
 * reads as a name (capitalised, not a headline opener); `known` tells whether tokens [first, last]
 * already matched a company, product, place or regulator.
 */
export function proposedName(
  source: string,
  tokens: readonly Token[],
  textStart: number,
  known: (first: number, last: number) => boolean,
): { id: string; name: string } | undefined {
  for (let n = 1; n <= 2 && n < textStart; n++) {
    const head = tokens.slice(0, n);
    const next = tokens[n]!;
    if (!capitalised(head[0]!) || OPENERS.has(head[0]!.folded)) return undefined;
    // Two words make a company only as "Otter.ai" or "Stability AI"; otherwise they are most
    // often a person ("Elon Musk says").
    if (n === 2 && head[1]!.folded !== 'ai') continue;
    const between = source.slice(head.at(-1)!.end, next.start);
    const possessive = /^['’]s\b/.test(source.slice(head.at(-1)!.end));
    if (!possessive && !(ACTS.test(next.raw) && /^\s+$/.test(between))) continue;
    if (known(0, n - 1)) return undefined;
    const name = source.slice(head[0]!.start, head.at(-1)!.end);
    return { id: companySlug(name), name };
  }
  return undefined;
}
