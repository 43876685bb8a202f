/**
 * schema.org structured data for entry pages. A curated entry is a NewsArticle; when it carries an
 * effective date or deadline, the change itself is described as an Event the article is about, so
 * search engines can show the date.
 */
import type { TimelineItem } from '../timeline/items.ts';
import { SITE_NAME, regionSlug } from './catalog.ts';

/** Display names for ids and codes; ids are used where a name is missing. */
export interface JsonLdNames {
  companies?: ReadonlyMap<string, { name: string; website?: string | undefined }>;
  regions?: ReadonlyMap<string, { name: string }>;
}

const day = (iso: string) => iso.slice(0, 10);

export function entryJsonLd(
  item: TimelineItem,
  site: URL,
  names: JsonLdNames = {},
): Record<string, unknown> {
  const url = new URL(item.href, site).href;
  const organizations = item.companies.map((id) => {
    const company = names.companies?.get(id);
    return {
      '@type': 'Organization',
      name: company?.name ?? id,
      url: new URL(`/companies/${id}/`, site).href,
      ...(company?.website ? { sameAs: company.website } : {}),
    };
  });
  const places = item.regions.map((code) => ({
    '@type': 'Place',
    name: names.regions?.get(code)?.name ?? code,
    url: new URL(`/regions/${regionSlug(code)}/`, site).href,
  }));
  const publisher = {
    '@type': 'Organization',
    name: SITE_NAME,
    url: new URL('/', site).href,
  };
  const about: Record<string, unknown>[] = [...organizations];
  if (item.effective) {
    about.push({
      '@type': 'Event',
      name: item.title,
      description: item.summary,
      startDate: item.effective,
      endDate: item.effective,
      eventStatus: 'https://schema.org/EventScheduled',
      location: places.length ? places : { '@type': 'VirtualLocation', url },
      organizer: organizations,
      url,
    });
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title,
    description: item.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: day(item.date),
    inLanguage: 'en',
    isAccessibleForFree: true,
    author: publisher,
    publisher,
    about,
    spatialCoverage: places,
    ...(item.kind ? { genre: item.kind } : {}),
    citation: item.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title,
      url: s.url,
      ...(s.publisher ? { publisher: { '@type': 'Organization', name: s.publisher } } : {}),
      ...(s.date ? { datePublished: day(s.date) } : {}),
    })),
  };
}
