import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClassifier, loadClassifierRules } from '../../src/lib/classify/index.ts';
import {
  nearestChange,
  readKnownChanges,
  recordedStory,
  type KnownChange,
} from '../../src/lib/classify/known-changes.ts';
import { loadModel } from '../../src/lib/classify/model.ts';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { scratchDir } from '../support/scratch-dir.ts';

const change = (
  file: string,
  date: string,
  companies: string[],
  regions: string[],
  kind = 'policy-change',
  title = '',
  summary = '',
): KnownChange => ({ file: `entries/${file}`, date, companies, regions, kind, title, summary });
const changes: KnownChange[] = [
  change('2025-11-03-linkedin-new-regions.md', '2025-11-03', ['linkedin'], ['EU', 'UK', 'CH']),
  change('2024-09-18-linkedin-opts-in.md', '2024-09-18', ['linkedin'], ['US']),
  change('2025-05-27-meta-eu.md', '2025-05-27', ['meta'], ['EU']),
];

describe('the record’s policy changes', () => {
  it('finds the change of the story’s company nearest in time', () => {
    const near = nearestChange(changes, ['linkedin'], '2025-09-25T08:00:00Z');
    expect(near?.change.file).toBe('entries/2025-11-03-linkedin-new-regions.md');
    expect(near?.days).toBe(39);
  });

  it('finds nothing for another company, an undated story or a change too far away', () => {
    expect(nearestChange(changes, ['google'], '2025-10-01')).toBeUndefined();
    expect(nearestChange(changes, ['linkedin'], undefined)).toBeUndefined();
    expect(nearestChange(changes, ['linkedin'], 'not a date')).toBeUndefined();
    // 61 days ahead of the change, and 31 days after it: outside the window.
    expect(nearestChange(changes, ['linkedin'], '2025-09-03')).toBeUndefined();
    expect(nearestChange(changes, ['linkedin'], '2025-12-04')).toBeUndefined();
    expect(nearestChange(changes, ['linkedin'], '2025-12-03')?.days).toBe(-30);
  });

  it('skips a change that does not apply where the story’s language is read', () => {
    const meta = [
      change('2024-05-22-meta-brazil.md', '2024-05-22', ['meta'], ['BR']),
      change('2024-06-26-meta-eu.md', '2024-06-26', ['meta'], ['EU']),
    ];
    expect(nearestChange(meta, ['meta'], '2024-06-01')?.change.file).toBe(
      'entries/2024-05-22-meta-brazil.md',
    );
    const danish = new Set(['GLOBAL', 'DK', 'EU']);
    expect(nearestChange(meta, ['meta'], '2024-06-01', danish)?.change.file).toBe(
      'entries/2024-06-26-meta-eu.md',
    );
    expect(nearestChange(meta.slice(0, 1), ['meta'], '2024-06-01', danish)).toBeUndefined();
  });

  it('places an unplaced story only by a policy change, an opt-out or a data deal, not by a pause or a regulator’s or court’s entry', () => {
    const record = [
      change('2025-05-21-dpc-meta.md', '2025-05-21', ['meta'], ['IE'], 'regulator-action'),
      change('2025-05-23-court-meta.md', '2025-05-23', ['meta'], ['DE'], 'court'),
      change('2025-05-22-meta-pause.md', '2025-05-22', ['meta'], ['UK'], 'pause'),
      change('2025-05-01-meta-deal.md', '2025-05-01', ['meta'], ['GLOBAL'], 'data-deal'),
      change('2025-05-10-meta-setting.md', '2025-05-10', ['meta'], ['GLOBAL'], 'opt-out'),
    ];
    const nearest = (changes: KnownChange[]) => nearestChange(changes, ['meta'], '2025-05-22');
    expect(nearest(record)?.change.file).toBe('entries/2025-05-10-meta-setting.md');
    expect(nearest(record.slice(0, 4))?.change.file).toBe('entries/2025-05-01-meta-deal.md');
    expect(nearest(record.slice(0, 3))).toBeUndefined();
  });

  it('reads every entry with a date, companies and regions, with its kind, title and summary, and skips a broken one', () => {
    const dir = scratchDir('known-changes-');
    const entry = (name: string, yaml: string) =>
      fs.writeFileSync(path.join(dir, name), `---\n${yaml}\n---\nBody.\n`);
    entry(
      'a.md',
      'date: 2025-11-03\nkind: policy-change\ncompanies: [LinkedIn]\nregions: [eu, uk]',
    );
    entry(
      'b.md',
      'title: " The DPC comments on Meta "\ndate: 2025-05-21\nkind: regulator-action\ncompanies: [meta]\nregions: [IE]\nsummary: It asked for changes.',
    );
    entry('c.md', 'date: 2025-05-27\nkind: policy-change\ncompanies: [meta]\nregions: [EU');
    entry('d.md', 'kind: policy-change\ncompanies: [meta]\nregions: [EU]');
    entry(
      'e.md',
      'date: 2024-02-22\nkind: data-deal\ncompanies: [reddit, google]\nregions: [GLOBAL]',
    );
    entry('f.md', 'date: 2024-02-22\nkind: court\ncompanies: [reddit]\nregions: [US]');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not an entry');
    expect(readKnownChanges(dir)).toEqual([
      change('a.md', '2025-11-03', ['linkedin'], ['EU', 'UK']),
      change(
        'b.md',
        '2025-05-21',
        ['meta'],
        ['IE'],
        'regulator-action',
        'The DPC comments on Meta',
        'It asked for changes.',
      ),
      change('e.md', '2024-02-22', ['reddit', 'google'], ['GLOBAL'], 'data-deal'),
      change('f.md', '2024-02-22', ['reddit'], ['US'], 'court'),
    ]);
    expect(readKnownChanges(path.join(dir, 'missing'))).toEqual([]);
  });

  it('reads the real entries: LinkedIn’s change of 3 November 2025 is among them', () => {
    const real = readKnownChanges('content/entries');
    expect(real.find((c) => c.date === '2025-11-03' && c.companies.includes('linkedin'))).toEqual(
      expect.objectContaining({ regions: expect.arrayContaining(['EU', 'UK', 'CH']) }),
    );
  });
});

describe('the story the record tells', () => {
  const record = [
    change(
      '2023-06-02-japan-warns-openai.md',
      '2023-06-02',
      ['openai'],
      ['JP'],
      'regulator-action',
      'Japan’s privacy regulator warns OpenAI over collecting sensitive data without consent',
      'The commission told OpenAI not to collect sensitive personal data from ChatGPT users without their consent.',
    ),
    change(
      '2023-06-20-openai-policy.md',
      '2023-06-20',
      ['openai'],
      ['GLOBAL'],
      'policy-change',
      'OpenAI updates the terms of ChatGPT',
      'New terms for every user.',
    ),
  ];
  const story = {
    title: 'Japan regulator warns OpenAI on collecting sensitive data without consent',
    text: 'It follows similar moves by Italy and Canada.',
    published: '2023-06-03T09:00:00Z',
    companies: ['openai'],
  };

  it('finds the entry telling the same story: a company in common, days apart, the same words', () => {
    expect(recordedStory(record, story)?.file).toBe('entries/2023-06-02-japan-warns-openai.md');
  });

  it('finds none for another company, another story, an undated item or a story weeks away', () => {
    expect(recordedStory(record, { ...story, companies: ['google'] })).toBeUndefined();
    expect(
      recordedStory(record, {
        ...story,
        title: 'OpenAI opens an office in Tokyo',
        text: 'Its first in Asia.',
      }),
    ).toBeUndefined();
    expect(recordedStory(record, { ...story, published: undefined })).toBeUndefined();
    expect(recordedStory(record, { ...story, published: '2023-06-15' })).toBeUndefined();
  });

  it('files the story where the record says, not under the places its text recalls, and says why', () => {
    const c = createClassifier(
      loadTaxonomy('content'),
      loadClassifierRules('content'),
      loadModel('content'),
      record,
    )(story);
    expect(c.regions).toEqual(['JP']);
    expect(c.why.at(-1)).toMatch(
      /^the story of entries\/2023-06-02-japan-warns-openai\.md, which applies in JP \(otherwise: .*'Italy' → IT/,
    );
    const unrecorded = createClassifier(
      loadTaxonomy('content'),
      loadClassifierRules('content'),
      loadModel('content'),
      [],
    )(story);
    expect(unrecorded.regions).toEqual(expect.arrayContaining(['CA', 'IT', 'JP']));
  });
});

describe('placing a story by the record', () => {
  const taxonomy = loadTaxonomy('content');
  const rules = loadClassifierRules('content');
  const classify = createClassifier(taxonomy, rules, loadModel('content'), changes);
  const title = 'How to stop LinkedIn using your profile to train its AI';

  it('files a dated story that names no place where its company’s change applies, and says why', () => {
    const c = classify({ title, text: 'Switch the setting off.', published: '2025-10-01' });
    expect(c.regions).toEqual(['CH', 'EU', 'UK']);
    expect(c.why.at(-1)).toBe(
      "no place named; linkedin's change in entries/2025-11-03-linkedin-new-regions.md (33 days later) applies in EU, UK, CH",
    );
  });

  it('keeps the places a story names, and GLOBAL for an undated story', () => {
    const named = classify({
      title,
      text: 'Members in Canada can opt out.',
      published: '2025-10-01',
    });
    expect(named.regions).toEqual(['CA']);
    expect(classify({ title, text: 'Switch the setting off.' }).regions).toEqual(['GLOBAL']);
  });

  it('places a story in another language only by a change that applies where it is read', () => {
    const meta = [
      change('2024-05-22-meta-brazil.md', '2024-05-22', ['meta'], ['BR']),
      change('2024-06-26-meta-eu.md', '2024-06-26', ['meta'], ['EU']),
    ];
    // Without what the labels taught about Danish stories, only the record can place this one.
    const unlearned = { ...loadModel('content'), languageRegions: {} };
    const story = {
      title:
        'Sådan siger du nej til, at Meta bruger dine billeder til at træne kunstig intelligens',
      text: 'Du har indtil udgangen af måneden til at gøre indsigelse i appens indstillinger.',
      published: '2024-06-01',
    };
    const danish = createClassifier(taxonomy, rules, unlearned, meta)(story);
    expect(danish.language).toBe('da');
    expect(danish.regions).toEqual(['EU']);
    expect(danish.why.at(-1)).toMatch(/^no place named; meta's change in entries\/2024-06-26-/);
    const english = createClassifier(
      taxonomy,
      rules,
      unlearned,
      meta,
    )({
      ...story,
      title: 'How to stop Meta using your photos to train its AI',
      text: 'You have until the end of the month to object in the app’s settings.',
    });
    expect(english.regions).toEqual(['BR']);
  });

  it('lets a change that applied everywhere outrank what a language’s stories usually concern', () => {
    const taught = { ...loadModel('content'), languageRegions: { es: 'EU' } };
    const story = {
      title: 'Anthropic usará tus conversaciones para entrenar a Claude: cómo evitarlo',
      text: 'La empresa pedirá a cada usuario que elija antes de fin de mes si comparte sus chats.',
      published: '2025-08-29',
    };
    const everywhere = createClassifier(taxonomy, rules, taught, [
      change('2025-08-28-anthropic-chats.md', '2025-08-28', ['anthropic'], ['GLOBAL']),
    ])(story);
    expect(everywhere.language).toBe('es');
    expect(everywhere.regions).toEqual(['GLOBAL']);
    expect(everywhere.why.at(-1)).toMatch(
      /^no place named; anthropic's change in entries\/2025-08-28-/,
    );
    const regional = createClassifier(taxonomy, rules, taught, [
      change('2025-08-28-anthropic-chats.md', '2025-08-28', ['anthropic'], ['EU', 'UK']),
    ])(story);
    expect(regional.regions).toEqual(['EU']);
    expect(regional.why.at(-1)).toBe('no place named, es → EU (learned)');
  });

  it('keeps a court case where its court is, whatever the record’s changes say', () => {
    const taught = { ...loadModel('content'), languageRegions: { 'en+court': 'US' } };
    const classify = createClassifier(taxonomy, rules, taught, [
      change('2025-08-28-anthropic-chats.md', '2025-08-28', ['anthropic'], ['GLOBAL']),
    ]);
    const c = classify({
      title: 'Forum sues Anthropic, saying it trained Claude on scraped user posts',
      text: 'The lawsuit asks a judge to order the company to stop.',
      published: '2025-08-27',
    });
    expect(c.regions).toEqual(['US']);
    expect(c.why.at(-1)).toBe('no place named, en and court → US (learned)');
    // Lawsuits in the background of a how-to guide do not make it a court case.
    const guide = classify({
      title: 'How to stop Anthropic training Claude on your chats',
      text: 'Training on scraped posts has led to lawsuits. Here is the setting to switch off.',
      published: '2025-08-27',
    });
    expect(guide.regions).toEqual(['GLOBAL']);
    expect(guide.why.at(-1)).toMatch(/^no place named; anthropic's change/);
  });

  it('files a story by a change that applied everywhere under GLOBAL alone, though its entry notes regions apart', () => {
    const everywhere = createClassifier(taxonomy, rules, loadModel('content'), [
      change('x.md', '2024-09-18', ['linkedin'], ['GLOBAL', 'US', 'EU', 'CH']),
    ]);
    const c = everywhere({ title, text: 'Switch the setting off.', published: '2024-09-20' });
    expect(c.regions).toEqual(['GLOBAL']);
    expect(c.why.at(-1)).toBe(
      "no place named; linkedin's change in entries/x.md (2 days earlier) applies in GLOBAL",
    );
  });

  it('drops a region code the taxonomy does not know', () => {
    const odd = createClassifier(taxonomy, rules, loadModel('content'), [
      change('x.md', '2025-11-03', ['linkedin'], ['ATLANTIS', 'UK']),
    ]);
    expect(odd({ title, text: '', published: '2025-11-01' }).regions).toEqual(['UK']);
  });
});
