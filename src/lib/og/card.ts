/**
 * Link previews: what an entry's, company's or region's 1200×630 card says, taken from the page's
 * own data, and the card as a satori element tree in the site's light colours. Pure: rendering
 * to PNG is in render.ts.
 */
import type { Training } from '../content/entry.ts';
import type { Cell } from '../compare/matrix.ts';
import { TRAINING_INFO, UNKNOWN_INFO } from '../compare/status.ts';
import { formatItemDate } from '../timeline/dates.ts';
import type { TimelineItem } from '../timeline/items.ts';
import { kindLabel } from '../timeline/labels.ts';
import type { Names } from '../timeline/names.ts';

export const CARD = { width: 1200, height: 630 } as const;

export interface Chip {
  text: string;
  status?: Training | 'unknown' | undefined;
}

export interface CardData {
  /** Small line above the title: what sort of page and when. */
  eyebrow: string;
  title: string;
  /** One line under the title: companies and regions. */
  meta: string;
  /** Status chips along the bottom (a company's current status row). */
  chips: Chip[];
  /** The image's alt text: everything the card says, in one sentence. */
  alt: string;
}

/** A list that stays on one line: the first few, then "and N more". */
export function shortList(names: readonly string[], max = 4): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Two rows of chips at most. */
const MAX_CHIPS = 6;

export function entryCard(item: TimelineItem, names: Names): CardData {
  const companies = shortList(item.companies.map((c) => names.company(c)));
  const regions = shortList(item.regions.map((r) => names.region(r)));
  const meta = [companies, regions].filter(Boolean).join(' · ');
  const eyebrow = `${kindLabel(item.kind)} · ${formatItemDate(item)}`;
  const status = item.status ?? [];
  const several = new Set(status.map((s) => s.company)).size > 1;
  const chips = status.slice(0, MAX_CHIPS).map((s) => ({
    text: `${several ? `${names.company(s.company)} ` : ''}${names.regionShort(s.region)}: ${TRAINING_INFO[s.training].label}`,
    status: s.training,
  }));
  return {
    eyebrow,
    title: item.title,
    meta,
    chips,
    alt: `${item.title}. ${eyebrow}. ${meta}.${chips.length ? ` ${chips.map((c) => c.text).join('; ')}.` : ''}`,
  };
}

/**
 * A company's card: its name and where it trains on people's data now. It names no date, so the
 * picture changes only when the status does and a kept one is reused.
 */
export function companyCard(name: string, cells: readonly Cell[], names: Names): CardData {
  const own = cells.filter((c) => c.current && !c.inheritedFrom);
  const chips = (own.length ? own : cells).slice(0, MAX_CHIPS).map((c) => ({
    text: `${names.regionShort(c.region)}: ${(c.current ? TRAINING_INFO[c.current.training] : UNKNOWN_INFO).label}`,
    status: c.current?.training ?? ('unknown' as const),
  }));
  const eyebrow = 'Company';
  const meta = chips.length
    ? 'Where it trains AI on people’s data, by region'
    : 'No recorded status yet';
  return {
    eyebrow,
    title: name,
    meta,
    chips,
    alt: `${name}. ${eyebrow}. ${chips.length ? chips.map((c) => c.text).join('; ') : meta}.`,
  };
}

/** A region's card: its name and which companies train on its people's data (no date, as above). */
export function regionCard(name: string, cells: readonly Cell[], names: Names): CardData {
  const chips = cells.slice(0, MAX_CHIPS).map((c) => ({
    text: `${names.company(c.company)}: ${TRAINING_INFO[c.current!.training].label}`,
    status: c.current!.training,
  }));
  const eyebrow = 'Region';
  const meta = cells.length
    ? `${cells.length} ${cells.length === 1 ? 'company' : 'companies'} with a known status here`
    : 'No recorded status yet';
  return {
    eyebrow,
    title: name,
    meta,
    chips,
    alt: `${name}. ${eyebrow}. ${meta}${chips.length ? `: ${chips.map((c) => c.text).join('; ')}` : ''}.`,
  };
}

/** The site's light theme (src/styles/global.css), which a preview is shown on. */
const COLOURS = {
  bg: '#fdfdfc',
  fg: '#1b1b1f',
  muted: '#52525b',
  accent: '#0b57d0',
  entry: '#7c2d12',
  border: '#d4d4d8',
  surface: '#f3f4f6',
};
const STATUS_COLOURS: Record<Training | 'unknown', { bg: string; fg: string }> = {
  'default-on': { bg: '#fde2e1', fg: '#8a1c15' },
  'opt-in': { bg: '#fff1c2', fg: '#5c3d00' },
  off: { bg: '#dcf3e3', fg: '#14532d' },
  paused: { bg: '#e2e8f7', fg: '#1e3a8a' },
  blocked: { bg: '#f0e3f7', fg: '#5b1f78' },
  unknown: { bg: COLOURS.surface, fg: COLOURS.muted },
};

/** satori's input: React-like nodes without React. */
export interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | string };
}

const el = (
  type: string,
  style: Record<string, string | number>,
  children?: (Node | string)[] | string,
): Node => ({ type, props: { style, ...(children === undefined ? {} : { children }) } });

/** Shorter headlines get bigger type; the longest still fit in four lines. */
export function titleSize(title: string): number {
  if (title.length <= 40) return 76;
  if (title.length <= 80) return 60;
  if (title.length <= 120) return 50;
  return 44;
}

export function cardElement(card: CardData): Node {
  const chips = card.chips.map((c) => {
    const colour = STATUS_COLOURS[c.status ?? 'unknown'];
    return el(
      'div',
      {
        display: 'flex',
        padding: '8px 16px',
        borderRadius: 8,
        background: colour.bg,
        color: colour.fg,
        fontSize: 22,
        fontWeight: 700,
        marginRight: 12,
        marginBottom: 12,
      },
      c.text,
    );
  });
  return el(
    'div',
    {
      display: 'flex',
      width: CARD.width,
      height: CARD.height,
      background: COLOURS.bg,
      color: COLOURS.fg,
      fontFamily: 'Noto Sans',
      borderLeft: `16px solid ${COLOURS.entry}`,
    },
    [
      el(
        'div',
        { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '52px 64px 40px' },
        [
          el('div', { display: 'flex', justifyContent: 'space-between', fontSize: 26 }, [
            el('div', { display: 'flex', color: COLOURS.accent, fontWeight: 700 }, 'AI Data Watch'),
            el('div', { display: 'flex', color: COLOURS.muted }, card.eyebrow),
          ]),
          el(
            'div',
            {
              display: 'flex',
              marginTop: 36,
              fontSize: titleSize(card.title),
              fontWeight: 700,
              lineHeight: 1.15,
              letterSpacing: -0.5,
            },
            card.title,
          ),
          el(
            'div',
            { display: 'flex', marginTop: 24, fontSize: 28, color: COLOURS.muted },
            card.meta,
          ),
          el('div', { display: 'flex', flexGrow: 1 }),
          el('div', { display: 'flex', flexWrap: 'wrap' }, chips),
        ],
      ),
    ],
  );
}
