/**
 * Checks on the entries' status lines taken together: a line marked `confirms: true` must confirm
 * the status actually in force (a problem otherwise), and a status nobody has set or confirmed for
 * twelve months is worth a fresh look (a warning).
 */
import { FRESH_MONTHS, staleStatuses, type StaleStatus } from '../compare/freshness.ts';
import { StatusIndex } from '../compare/matrix.ts';
import { statusEvents, TRAINING_INFO } from '../compare/status.ts';
import { isoDay } from '../content/fields.ts';
import { entryToItem } from '../timeline/items.ts';
import type { CheckedEntry } from './check-entry.ts';
import type { Problem } from './problem.ts';

/** How check names companies and regions in its messages: display names when known. */
export interface CheckNames {
  company(id: string): string;
  region(code: string): string;
}

const published = (entries: readonly CheckedEntry[]) => entries.filter((e) => !e.data.draft);

function eventsOf(entries: readonly CheckedEntry[]) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const events = statusEvents(
    published(entries).map((e) => entryToItem({ id: e.id, data: e.data })),
  );
  return { events, byId };
}

/**
 * A confirming line says "still the case": there must be an earlier change for that company and
 * region, and it must have the same training state (and opt-out, when the line gives one).
 */
export function confirmationProblems(
  entries: readonly CheckedEntry[],
  names: CheckNames,
): Problem[] {
  const { events, byId } = eventsOf(entries);
  const changes = new StatusIndex(events.filter((e) => !e.confirms));
  const problems: Problem[] = [];
  for (const c of events) {
    if (!c.confirms) continue;
    const entry = byId.get(c.entryId)!;
    const i = c.statusIndex!;
    const where = `${names.company(c.company)} in ${names.region(c.region)}`;
    const inForce = changes
      .upTo(c.company, c.region, c.date)
      .filter((e) => e.entryId !== c.entryId)
      .at(-1);
    if (!inForce) {
      problems.push({
        file: entry.file,
        line: entry.lineOf(['status', i, 'confirms']) ?? entry.lineOf(['status', i]),
        field: `status[${i}].confirms`,
        problem: `confirms a status for ${where}, but no earlier entry sets one there`,
        fix: 'delete confirms: true to record this status as a change, or correct the company or region',
      });
      continue;
    }
    const differs =
      inForce.training !== c.training
        ? 'training'
        : c.optOut && inForce.optOut !== c.optOut
          ? 'optOut'
          : undefined;
    if (!differs) continue;
    const said = differs === 'training' ? c.training : c.optOut;
    const was = differs === 'training' ? inForce.training : (inForce.optOut ?? 'none given');
    problems.push({
      file: entry.file,
      line: entry.lineOf(['status', i, differs]),
      field: `status[${i}].${differs}`,
      problem: `is ${said}, but the status it confirms for ${where} is ${was} (set by ${byId.get(inForce.entryId)?.file ?? inForce.entryId})`,
      fix: `write ${was} to confirm the status in force, or delete confirms: true to record a change`,
    });
  }
  return problems;
}

/** A stale status with the names a reader knows the company and region by. */
export interface NamedStaleStatus extends StaleStatus {
  companyName: string;
  regionName: string;
}

/** The statuses last set or confirmed more than twelve months before `today`, by company and region. */
export function staleStatusesOf(
  entries: readonly CheckedEntry[],
  today: Date,
  names: CheckNames,
): NamedStaleStatus[] {
  const { events } = eventsOf(entries);
  return staleStatuses(events, isoDay(today), FRESH_MONTHS).map((s) => ({
    ...s,
    companyName: names.company(s.company),
    regionName: names.region(s.region),
  }));
}

/** One warning per stale status, placed on the entry line that last stated it. */
export function staleStatusWarnings(
  entries: readonly CheckedEntry[],
  stale: readonly NamedStaleStatus[],
): Problem[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return stale.map((s) => {
    const entry = byId.get(s.entryId)!;
    const i = s.statusIndex ?? 0;
    return {
      file: entry.file,
      line: entry.lineOf(['status', i]),
      field: `status[${i}]`,
      problem: `${s.companyName} in ${s.regionName}: "${TRAINING_INFO[s.training].label}" was last set or confirmed on ${s.lastConfirmed}, over ${FRESH_MONTHS} months ago`,
      fix: 'check it is still the case and add an entry from a newer source with this status and confirms: true, or record what changed',
    };
  });
}
