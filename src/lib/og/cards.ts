/**
 * Every page's preview card at once, by the image's path: the pages take their alt text from it,
 * the image routes their picture, and the build can start drawing them all early.
 */
import { companyStatus, regionStatus } from '../compare/profiles.ts';
import { comparisonModel } from '../compare/view.ts';
import type { Company, Region } from '../content/taxonomy.ts';
import type { TimelineItem } from '../timeline/items.ts';
import { makeNames } from '../timeline/names.ts';
import { companyCard, entryCard, regionCard, type CardData } from './card.ts';
import { companyImage, entryImage, regionImage } from './paths.ts';

export function previewCards(
  items: readonly TimelineItem[],
  companies: readonly Company[],
  regions: readonly Region[],
  today: string,
): Map<string, CardData> {
  const names = makeNames(companies, regions);
  const model = comparisonModel(items, companies, regions, today);
  const codes = regions.map((r) => r.code);
  const withStatus = new Set(model.events.map((e) => e.company));
  const cards = new Map<string, CardData>();
  for (const item of items)
    if (item.type === 'entry') cards.set(entryImage(item.id), entryCard(item, names));
  for (const c of companies) {
    const cells = withStatus.has(c.id)
      ? companyStatus(model.events, c.id, codes, today, model.blocsOf)
      : [];
    cards.set(companyImage(c.id), companyCard(c.name, cells, names));
  }
  for (const r of regions) {
    const cells = regionStatus(model.events, r.code, model.companies, today, model.blocsOf);
    cards.set(regionImage(r.code), regionCard(r.name, cells, names));
  }
  return cards;
}
