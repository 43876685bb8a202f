/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) into the same raw items as RSS and Atom. */
import { FeedError } from './errors.ts';
import type { ParsedFeed, RawItem } from './parsed.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseJsonFeed(text: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new FeedError(`malformed JSON: ${(e as Error).message}`);
  }
  if (!isRecord(data)) throw new FeedError('not a feed: the JSON is not an object');
  const version = data['version'];
  // Some generators write the bare number ("1.1") instead of the version URL.
  if (
    typeof version !== 'string' ||
    !/^(?:https:\/\/jsonfeed\.org\/version\/)?1(?:\.\d+)?$/.test(version)
  )
    throw new FeedError(
      'not a feed: JSON without a JSON Feed "version" (https://jsonfeed.org/version/1.1)',
    );
  const items = data['items'];
  if (!Array.isArray(items)) throw new FeedError('malformed JSON Feed: "items" is not a list');
  return {
    format: 'json',
    title: typeof data['title'] === 'string' ? data['title'] : '',
    items: items.filter(isRecord).map((item): RawItem => ({
      title: item['title'],
      link: item['url'] ?? item['external_url'],
      id: item['id'],
      summaries: [item['summary'], item['content_text'], item['content_html']],
      dates: [item['date_published'], item['date_modified']],
    })),
  };
}
