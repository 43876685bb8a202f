/**
 * Organisations content/companies/ does not know, named where news names the actor: at the head
 * of the headline, right before what it does ("Grammarly trains…", "Otter.ai sued over…",
 * "Figma's new terms…"), or anywhere in the headline right after a word saying what kind of
 * business it is ("learning site Udemy", "chatbot provider Luka", "la piattaforma WeTransfer").
 * Such a name is tagged by the slug of its name, as proposed, so the story is filed under it and
 * an editor can adopt it.
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

export interface Proposed {
  id: string;
  /** The name as the headline writes it. */
  name: string;
  /** Why it reads as a company, for the reasons. */
  how: string;
}

const capitalised = (t: Token) => /^\p{Lu}/u.test(t.raw);

/**
 * The company the headline names that no taxonomy name matched: its actor at its head, else a
 * name after a kind of business (`kinds`, folded as tokens are: "photo app", "die Plattform", "la
 * piattaforma"). `known` tells whether tokens [first, last] already matched a company, product,
 * place or regulator.
 */
export function proposedName(
  source: string,
  tokens: readonly Token[],
  textStart: number,
  known: (first: number, last: number) => boolean,
  kinds: ReadonlySet<string> = new Set(),
): Proposed | undefined {
  return (
    actorAtHead(source, tokens, textStart, known) ?? named(source, tokens, textStart, known, kinds)
  );
}

/** Where most words of a headline are capitalised, capitals no longer tell a name from a word. */
const TITLE_CASE_SHARE = 0.6;
/** "Replika's developer": the possessive names a product, and the business is another. */
const OF_ANOTHER = /^['’]s\s+(?:developer|maker|owner|parent|creator)\b/i;

/**
 * "Online learning site Udemy ends…", "publisher Axel Springer": up to three capitalised words
 * right after a kind of business, in a headline written in sentence case.
 */
function named(
  source: string,
  tokens: readonly Token[],
  textStart: number,
  known: (first: number, last: number) => boolean,
  kinds: ReadonlySet<string>,
): Proposed | undefined {
  const words = tokens.slice(0, textStart).filter((t) => /\p{L}/u.test(t.raw));
  if (words.filter(capitalised).length > TITLE_CASE_SHARE * words.length) return undefined;
  for (let i = 1; i < textStart; i++) {
    const kind = tokens[i - 1]!;
    const first = tokens[i]!;
    if (!kinds.has(kind.folded) || kind.sentence !== first.sentence) continue;
    if (!/^\s+$/.test(source.slice(kind.end, first.start))) continue;
    if (!capitalised(first) || OPENERS.has(first.folded)) continue;
    let last = i;
    while (
      last + 1 < textStart &&
      last - i < 2 &&
      (capitalised(tokens[last + 1]!) || tokens[last + 1]!.folded === 'ai') &&
      /^\s+$/.test(source.slice(tokens[last]!.end, tokens[last + 1]!.start))
    )
      last++;
    if (known(i, last) || OF_ANOTHER.test(source.slice(tokens[last]!.end))) continue;
    const name = source.slice(first.start, tokens[last]!.end);
    return { id: companySlug(name), name, how: 'named as a business in the headline' };
  }
  return undefined;
}

/** What ends a headline's kicker ("Lawsuit: Otter.ai sued…", "Exclusive – Figma trains…"). */
const KICKER_END = /[:|–—]\s*$/;

/**
 * The name at the head of the title, or at the head of what follows its kicker, when the next
 * word is an act and it reads as a name (capitalised, not a headline opener).
 */
function actorAtHead(
  source: string,
  tokens: readonly Token[],
  textStart: number,
  known: (first: number, last: number) => boolean,
): Proposed | undefined {
  const heads = [0];
  for (let i = 1; i < textStart; i++)
    if (KICKER_END.test(source.slice(tokens[i - 1]!.end, tokens[i]!.start))) heads.push(i);
  for (const start of heads) {
    const found = actorAt(source, tokens, start, textStart, known);
    if (found !== undefined) return found ?? undefined;
  }
  return undefined;
}

/** The actor whose name starts at token `start`; null where a known name stands there. */
function actorAt(
  source: string,
  tokens: readonly Token[],
  start: number,
  textStart: number,
  known: (first: number, last: number) => boolean,
): Proposed | null | undefined {
  for (let n = 1; n <= 2 && start + n < textStart; n++) {
    const head = tokens.slice(start, start + n);
    const next = tokens[start + n]!;
    if (!capitalised(head[0]!) || OPENERS.has(head[0]!.folded)) return undefined;
    // Two words make a company only as "Otter.ai" or "Stability AI"; otherwise they are most
    // often a person ("Elon Musk says").
    if (n === 2 && head[1]!.folded !== 'ai') continue;
    const between = source.slice(head.at(-1)!.end, next.start);
    const possessive = /^['’]s\b/.test(source.slice(head.at(-1)!.end));
    if (!possessive && !(ACTS.test(next.raw) && /^\s+$/.test(between))) continue;
    if (known(start, start + n - 1)) return null;
    const name = source.slice(head[0]!.start, head.at(-1)!.end);
    return { id: companySlug(name), name, how: 'acts in the headline' };
  }
  return undefined;
}
