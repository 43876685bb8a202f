/**
 * The status vocabulary of the comparison: what each training state and opt-out route means to a
 * reader, with a symbol so that a cell never relies on colour alone.
 */
import type { OptOut, Training } from '../content/entry.ts';
import type { StatusChange, TimelineItem } from '../timeline/items.ts';

export interface TrainingInfo {
  /** Short label for a cell. */
  label: string;
  /** One sentence for the legend. */
  description: string;
  /** A text symbol shown beside the label (decorative: the label carries the meaning). */
  icon: string;
}

export const TRAINING_INFO: Record<Training, TrainingInfo> = {
  'default-on': {
    label: 'Trains by default',
    description: 'People’s data is used to train AI unless they opt out.',
    icon: '●',
  },
  'opt-in': {
    label: 'Opt-in only',
    description: 'Data is used only from people who agreed to it.',
    icon: '◐',
  },
  off: {
    label: 'Not used',
    description: 'The company says it does not train AI on people’s data here.',
    icon: '○',
  },
  paused: {
    label: 'Paused',
    description: 'Training was stopped for now, usually after regulators stepped in.',
    icon: '‖',
  },
  blocked: {
    label: 'Blocked by a regulator',
    description: 'A regulator or court ordered the company to stop.',
    icon: '⊘',
  },
};

export const UNKNOWN_INFO: TrainingInfo = {
  label: 'No known status',
  description: 'No entry has recorded a status for this company here yet.',
  icon: '–',
};

export const OPT_OUT_LABELS: Record<OptOut, string> = {
  settings: 'Opt out in settings',
  form: 'Opt out by form',
  email: 'Opt out by email',
  none: 'No way to opt out',
  'not-needed': 'No opt-out needed',
};

/** One status change, placed in time and tied to the entry that recorded it. */
export interface StatusEvent extends StatusChange {
  /** YYYY-MM-DD: the entry's date, when the change was made or announced. */
  date: string;
  /** YYYY-MM-DD the change takes effect, when the entry gives one. */
  effective?: string | undefined;
  entryId: string;
  entryTitle: string;
  entryHref: string;
  /** Which line of the entry's `status` list recorded it (0-based), so check can point at it. */
  statusIndex?: number | undefined;
}

/**
 * Every status line recorded by the entries among `items`, oldest first: changes, and lines that
 * confirm the status in force (`confirms: true`).
 */
export function statusEvents(items: readonly TimelineItem[]): StatusEvent[] {
  const events: StatusEvent[] = [];
  for (const item of items) {
    if (item.type !== 'entry' || !item.status) continue;
    item.status.forEach((s, statusIndex) => {
      events.push({
        ...s,
        date: item.date.slice(0, 10),
        effective: item.effective,
        entryId: item.id,
        entryTitle: item.title,
        entryHref: item.href,
        statusIndex,
      });
    });
  }
  return events.sort(byOldest);
}

/** Oldest first; entries on the same day are ordered by id so the later-named one wins ties. */
function byOldest(a: StatusEvent, b: StatusEvent): number {
  return a.date.localeCompare(b.date) || a.entryId.localeCompare(b.entryId);
}
