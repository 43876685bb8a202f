/**
 * The record's entries, as the classifier uses them to place a story. Two ways:
 * - A story that names no place: a local outlet's "how to stop LinkedIn using your data" rarely
 *   says whose users it means, but it is written in the weeks around a change the record already
 *   holds, with the regions that change applied to. Only a platform's own changes for its users
 *   count here, `policy-change`, `opt-out` (a setting switched on by default, a new way to keep
 *   data out) and `data-deal` entries (a deal licensing users' posts applies wherever those users
 *   are): a regulator's or court's entry concerns its own country, not where a platform's users
 *   are affected, and a `pause` is where training stopped, at a regulator's asking, while the
 *   guides to objecting written around it are about the change it paused.
 * - A story the record itself tells, of any kind: its regions were checked against sources.
 */
import { assignStories, CORPUS_DAYS, STORY_WINDOW_DAYS } from './cluster.ts';
import { readEntryFrontMatter } from '../editorial/entry-front-matter.ts';

export interface KnownChange {
  /** The entry file, as reasons name it: `entries/2025-11-03-….md`. */
  file: string;
  /** YYYY-MM-DD. */
  date: string;
  companies: string[];
  regions: string[];
  /** The entry's kind, `policy-change`, `court`…, as written. */
  kind: string;
  /** Its title and summary, which say which story it tells. */
  title: string;
  summary: string;
}

/**
 * How far apart a story and a change may be, in days: news of a change comes mostly ahead of it
 * (announcements, how-to-object guides), and some after it took effect.
 */
export const CHANGE_WINDOW = { storyAhead: 60, storyAfter: 30 };

/** The kinds of entry that say where a platform's users are affected. */
const PLACING_KINDS: readonly string[] = ['policy-change', 'data-deal', 'opt-out'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
const strings = (v: unknown) =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Reads entries leniently: one that does not parse, or lacks a date, companies or regions, is
 * skipped here (`npm run check` reports it), so a half-written entry never stops classification.
 */
export function readKnownChanges(entriesDir: string): KnownChange[] {
  const out: KnownChange[] = [];
  for (const { name, data } of readEntryFrontMatter(entriesDir)) {
    const day = text(data['date']);
    const companies = strings(data['companies']).map((c) => c.trim().toLowerCase());
    const regions = strings(data['regions']).map((r) => r.trim().toUpperCase());
    if (!DAY.test(day) || !companies.length || !regions.length) continue;
    out.push({
      file: `entries/${name}`,
      date: day,
      companies,
      regions,
      kind: text(data['kind']),
      title: text(data['title']),
      summary: text(data['summary']),
    });
  }
  return out;
}

export interface Placement {
  change: KnownChange;
  /** Days from the story to the change: positive when the change came after it. */
  days: number;
}

/**
 * The policy change, opt-out or data deal of one of the story's companies nearest in time to it,
 * within CHANGE_WINDOW; ties go to the earlier change, then to the file name, so the answer never
 * depends on reading order.
 * With `readers` (the regions where the story's language is read, with their blocs and GLOBAL),
 * only a change that applies to them counts: a Danish guide to objecting is not about Brazil's.
 */
export function nearestChange(
  changes: readonly KnownChange[],
  companies: readonly string[],
  published: string | undefined,
  readers?: ReadonlySet<string>,
): Placement | undefined {
  const at = published ? Date.parse(published.slice(0, 10)) : NaN;
  if (Number.isNaN(at) || !companies.length) return undefined;
  let best: Placement | undefined;
  for (const change of changes) {
    if (!PLACING_KINDS.includes(change.kind)) continue;
    if (!change.companies.some((c) => companies.includes(c))) continue;
    if (readers && !change.regions.some((r) => readers.has(r))) continue;
    const days = Math.round((Date.parse(change.date) - at) / MS_PER_DAY);
    if (days > CHANGE_WINDOW.storyAhead || -days > CHANGE_WINDOW.storyAfter) continue;
    if (
      !best ||
      Math.abs(days) < Math.abs(best.days) ||
      (Math.abs(days) === Math.abs(best.days) &&
        (days < best.days || (days === best.days && change.file < best.change.file)))
    )
      best = { change, days };
  }
  return best;
}

/**
 * The entry that tells the same story as an item, by the rule the timeline groups articles by (a
 * company in common, a few days apart, similar words), or undefined. The record's regions were
 * checked against sources, so they say where the story applies better than the places an item
 * names in passing: "Japan warns OpenAI" recalls in its text what Italy and Canada did, and
 * "Meta faces 11 complaints in EU" does not list the 11 countries.
 */
export function recordedStory(
  changes: readonly KnownChange[],
  item: { title: string; text: string; published: string | undefined; companies: string[] },
): KnownChange | undefined {
  const published = item.published ?? '';
  const at = Date.parse(published.slice(0, 10));
  if (Number.isNaN(at) || !item.companies.length) return undefined;
  const daysFrom = (c: KnownChange) => Math.abs(Date.parse(c.date) - at) / MS_PER_DAY;
  // Most items share a company with no entry of those days: they are answered without weighing words.
  const candidate = (c: KnownChange) =>
    daysFrom(c) <= STORY_WINDOW_DAYS + 1 && c.companies.some((id) => item.companies.includes(id));
  if (!changes.some(candidate)) return undefined;
  // The entries of the weeks around weigh the words, as the timeline's articles of those weeks do.
  const around = changes.filter((c) => daysFrom(c) <= CORPUS_DAYS);
  const story = assignStories(
    around.map((c) => ({
      id: c.file,
      title: c.title,
      summary: c.summary,
      companies: c.companies,
      published: c.date,
      story: c.file,
    })),
    [{ id: '', title: item.title, summary: item.text, companies: item.companies, published }],
  ).get('');
  return around.find((c) => c.file === story);
}
