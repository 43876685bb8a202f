/**
 * Where everything in the status-over-time chart goes, in SVG user units: rows for companies and
 * lanes, bands, entry markers, ticks and the line for today. The component only draws what this
 * returns, so the picture is tested here, without Astro.
 */
import { TRAINING_INFO, UNKNOWN_INFO } from '../compare/status.ts';
import { formatShortDay } from '../timeline/dates.ts';
import type { Names } from '../timeline/names.ts';
import type { BandStatus, StatusHistory } from './status-history.ts';
import { round, timeScale, yearTicks, type Tick } from './time-axis.ts';

export const CHART = {
  width: 720,
  /** Room for the lane names on the left. */
  gutter: 150,
  /** Room right of today's line, so the last marker and label are not clipped. */
  padRight: 14,
  laneHeight: 30,
  laneGap: 6,
  groupHeight: 28,
  top: 22,
  axisHeight: 26,
  fontSize: 13,
} as const;

/** A generous average glyph width at 13 units, so a label is only drawn where it fits. */
const CHAR = 7.4;

export const statusInfo = (s: BandStatus) => (s === 'unknown' ? UNKNOWN_INFO : TRAINING_INFO[s]);

export interface BandShape {
  status: BandStatus;
  x: number;
  width: number;
  inherited: boolean;
  /** What is written inside the band where it fits: icon and words, icon only, or nothing. */
  text: string;
  /** Said on hover: status, where it came from, and the days. */
  title: string;
}

export interface MarkerShape {
  x: number;
  href: string;
  /** The link's accessible name: day, region, status and the entry's title. */
  label: string;
  day: string;
  training: BandStatus;
  entryId: string;
}

export interface LaneShape {
  company: string;
  region: string;
  /** The row's name in the gutter. */
  label: string;
  y: number;
  height: number;
  bands: BandShape[];
  markers: MarkerShape[];
}

export interface GroupShape {
  company: string;
  label: string;
  y: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  /** Where the lanes end and the axis begins. */
  axisY: number;
  groups: GroupShape[];
  lanes: LaneShape[];
  ticks: Tick[];
  today: { x: number; day: string };
}

/** A label for a band: words if they fit, else the icon alone if that fits, else nothing. */
export function bandText(
  status: BandStatus,
  inheritedFrom: string | undefined,
  width: number,
  names: Names,
) {
  const info = statusInfo(status);
  const words = `${info.icon} ${info.label}${inheritedFrom ? ` (as ${names.regionShort(inheritedFrom)})` : ''}`;
  if (words.length * CHAR + 8 <= width) return words;
  const short = `${info.icon} ${info.label}`;
  if (short.length * CHAR + 8 <= width) return short;
  return CHAR * 2 <= width ? info.icon : '';
}

export function layoutStatusChart(history: StatusHistory, names: Names): ChartLayout {
  const plotLeft = CHART.gutter;
  const plotRight = CHART.width - CHART.padRight;
  const x = timeScale(history.start, history.end, plotLeft, plotRight);
  const labelled = history.groups.length > 1;
  const groups: GroupShape[] = [];
  const lanes: LaneShape[] = [];
  let y = CHART.top;
  for (const g of history.groups) {
    if (labelled) {
      groups.push({
        company: g.company,
        label: names.company(g.company),
        y: y + CHART.groupHeight - 9,
      });
      y += CHART.groupHeight;
    }
    for (const l of g.lanes) {
      const regionName = names.region(l.region);
      lanes.push({
        company: l.company,
        region: l.region,
        label: regionName,
        y,
        height: CHART.laneHeight,
        bands: l.bands.map((b) => {
          const bx = x(b.from);
          const width = round(x(b.to) - bx);
          const info = statusInfo(b.status);
          const from = b.inheritedFrom ? `, as ${names.region(b.inheritedFrom)}` : '';
          return {
            status: b.status,
            x: bx,
            width,
            inherited: b.inheritedFrom !== undefined,
            text: bandText(b.status, b.inheritedFrom, width, names),
            title: `${regionName}: ${info.label}${from}, ${formatShortDay(b.from)} to ${b.to === history.end ? 'today' : formatShortDay(b.to)}`,
          };
        }),
        markers: l.markers.map((e) => ({
          x: x(e.date),
          href: e.entryHref,
          label: `${formatShortDay(e.date)}, ${regionName}: ${statusInfo(e.training).label}. ${e.entryTitle}`,
          day: e.date,
          training: e.training,
          entryId: e.entryId,
        })),
      });
      y += CHART.laneHeight + CHART.laneGap;
    }
  }
  const axisY = y;
  return {
    width: CHART.width,
    height: axisY + CHART.axisHeight,
    plotLeft,
    plotRight,
    axisY,
    groups,
    lanes,
    ticks: yearTicks(x),
    today: { x: x(history.end), day: history.end },
  };
}
