import { describe, expect, it } from 'vitest';
import { assignStories } from '../../src/lib/classify/cluster.ts';
import type { StoryCandidate } from '../../src/lib/classify/types.ts';

const article = (
  id: string,
  published: string,
  companies: string[],
  title: string,
  summary: string,
  story?: string,
): StoryCandidate => ({ id, published, companies, title, summary, ...(story ? { story } : {}) });

/** One event as three outlets wrote it, in their own words. */
const euPause = [
  article(
    'outlet-a-meta-pause',
    '2024-06-14T10:00:00Z',
    ['meta'],
    'Meta pauses plans to train AI on Europeans’ Facebook and Instagram posts',
    'The company said it was disappointed by a request from the Irish Data Protection Commission to delay training its large language models on public content shared by adults in the EU.',
  ),
  article(
    'outlet-b-meta-halt',
    '2024-06-14T13:20:00Z',
    ['meta'],
    'Meta halts EU AI training after Irish regulator pushback',
    'Meta Platforms will not launch its AI assistant in Europe for now, after the Irish privacy regulator told it to delay plans to use data from Facebook and Instagram users.',
  ),
  article(
    'outlet-c-facebook-delay',
    '2024-06-15T08:00:00Z',
    ['meta'],
    'Facebook owner delays European AI rollout over privacy concerns',
    'The DPC welcomed the decision by Meta to pause training its models on content posted by adults in the EU and EEA, following complaints by the campaign group noyb.',
  ),
];

/** Other news about the same company on the same days. */
const sameDayOther = [
  article(
    'meta-threads-users',
    '2024-06-14T15:00:00Z',
    ['meta'],
    'Meta stock rises as Threads passes 175 million users',
    'Shares in the Facebook parent climbed after executives said the text app was growing faster than expected.',
  ),
  article(
    'meta-whatsapp-status',
    '2024-06-14T16:00:00Z',
    ['meta'],
    'Meta to let WhatsApp users hide their online status',
    'A new privacy feature lets people choose who can see when they are online in the messaging app.',
  ),
];

const storiesOf = (m: Map<string, string>, ids: string[]) => ids.map((id) => m.get(id));

describe('assignStories', () => {
  it('gives one story to the same event reported by three outlets in different words', () => {
    const m = assignStories([], euPause);
    const ids = euPause.map((a) => a.id);
    expect(new Set(storiesOf(m, ids)).size).toBe(1);
    expect(m.get(ids[0]!)).toBe('s-outlet-a-meta-pause');
  });

  it('keeps different stories about the same company on the same day apart', () => {
    const m = assignStories([], [...euPause, ...sameDayOther]);
    const pause = m.get('outlet-a-meta-pause');
    expect(m.get('meta-threads-users')).not.toBe(pause);
    expect(m.get('meta-whatsapp-status')).not.toBe(pause);
    expect(m.get('meta-threads-users')).not.toBe(m.get('meta-whatsapp-status'));
    expect(new Set(m.values()).size).toBe(3);
  });

  it('returns a story for every incoming article and for none of the stored ones', () => {
    const stored = [{ ...euPause[0]!, story: 's-outlet-a-meta-pause' }];
    const incoming = [euPause[1]!, ...sameDayOther];
    const m = assignStories(stored, incoming);
    expect([...m.keys()].sort()).toEqual(incoming.map((a) => a.id).sort());
  });

  it('lets a new article join a stored story, whose id never changes', () => {
    const stored = [{ ...euPause[0]!, story: 'story-from-last-week' }];
    const m = assignStories(stored, [euPause[2]!, euPause[1]!]);
    expect(m.get('outlet-b-meta-halt')).toBe('story-from-last-week');
    expect(m.get('outlet-c-facebook-delay')).toBe('story-from-last-week');
  });

  it('never moves stored articles, even when they would cluster differently today', () => {
    const stored = [
      { ...euPause[0]!, story: 'story-one' },
      { ...euPause[1]!, story: 'story-two' },
    ];
    const before = structuredClone(stored);
    const m = assignStories(stored, [euPause[2]!]);
    expect(stored).toEqual(before);
    expect(['story-one', 'story-two']).toContain(m.get('outlet-c-facebook-delay'));
  });

  it('keeps an incoming article’s own story when it already has one', () => {
    const m = assignStories([], [{ ...euPause[1]!, story: 'editor-chosen' }, euPause[2]!]);
    expect(m.get('outlet-b-meta-halt')).toBe('editor-chosen');
    expect(m.get('outlet-c-facebook-delay')).toBe('editor-chosen');
  });

  it('does not join articles that share no company, however alike their words', () => {
    const other = { ...euPause[1]!, id: 'linkedin-copy', companies: ['linkedin'] };
    const m = assignStories([], [euPause[0]!, other]);
    expect(m.get('linkedin-copy')).toBe('s-linkedin-copy');
  });

  it('does not join articles published more than a few days apart', () => {
    const later = { ...euPause[1]!, id: 'weeks-later', published: '2024-07-10T09:00:00Z' };
    const m = assignStories([], [euPause[0]!, later]);
    expect(m.get('weeks-later')).toBe('s-weeks-later');
  });

  it('joins articles that name no company only when their text is very close', () => {
    const a = article(
      'edpb-1',
      '2024-12-17T10:00:00Z',
      [],
      'EDPB adopts opinion on AI models and personal data',
      'European regulators set out when AI models trained on personal data are anonymous and when legitimate interest applies.',
    );
    const b = article(
      'edpb-2',
      '2024-12-17T15:00:00Z',
      [],
      'EDPB opinion on AI models and personal data adopted',
      'The board said AI models trained on personal data are anonymous only in some cases, and legitimate interest may apply.',
    );
    const c = article(
      'ftc-1',
      '2024-12-17T16:00:00Z',
      [],
      'FTC warns about quiet changes to terms of service',
      'The agency said firms may not retroactively rewrite privacy policies.',
    );
    const m = assignStories([], [a, b, c]);
    expect(m.get('edpb-2')).toBe('s-edpb-1');
    expect(m.get('ftc-1')).toBe('s-ftc-1');
  });

  it('gives an article with an unreadable date a story of its own', () => {
    const m = assignStories([], [euPause[0]!, { ...euPause[1]!, published: 'yesterday' }]);
    expect(m.get('outlet-b-meta-halt')).toBe('s-outlet-b-meta-halt');
  });

  it('does not depend on the order the incoming articles arrive in', () => {
    const forward = assignStories([], [...euPause, ...sameDayOther]);
    const backward = assignStories([], [...sameDayOther, ...euPause].reverse());
    expect(backward).toEqual(forward);
  });

  it('gives each of 200 new articles a story among 10 000 stored ones, joining stored stories or starting its own', () => {
    const companies = [
      'meta',
      'google',
      'openai',
      'linkedin',
      'x',
      'microsoft',
      'reddit',
      'anthropic',
    ];
    const words =
      'policy users training data model regulator court privacy opt out europe photos posts chats deal licence watchdog inquiry appeal'.split(
        ' ',
      );
    const text = (i: number) =>
      Array.from({ length: 14 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ') +
      ` event${i}`;
    const day0 = Date.parse('2021-01-01T00:00:00Z');
    const stored = Array.from({ length: 10_000 }, (_, i) =>
      article(
        `a${i}`,
        new Date(day0 + (i % 1_500) * 86_400_000).toISOString(),
        [companies[i % 8]!],
        text(i),
        text(i + 1),
        `s-a${i}`,
      ),
    );
    const incoming = Array.from({ length: 200 }, (_, i) =>
      article(
        `n${i}`,
        new Date(day0 + (1_497 + (i % 3)) * 86_400_000).toISOString(),
        [companies[i % 8]!],
        text(i + 5),
        text(i + 6),
      ),
    );
    const m = assignStories(stored, incoming);
    const storedStories = new Set(stored.map((a) => a.story));
    expect(m.size).toBe(200);
    for (const story of m.values())
      expect(storedStories.has(story) || story.startsWith('s-n')).toBe(true);
    expect([...m.keys()].sort()).toEqual(incoming.map((a) => a.id).sort());
  });
});
