import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crossLanguage, crossValidate } from '../../src/lib/classify/cross-validate.ts';
import { assignFolds, assignPeriodFolds } from '../../src/lib/classify/folds.ts';
import { createClassifier } from '../../src/lib/classify/index.ts';
import {
  companyIdResolver,
  readLabelledFile,
  toTrainingItems,
} from '../../src/lib/classify/labelled.ts';
import { reliability, reviewFigures, score } from '../../src/lib/classify/metrics.ts';
import { serialiseModel } from '../../src/lib/classify/model.ts';
import { loadClassifierRules } from '../../src/lib/classify/rules.ts';
import { FIT, storyWeights, trainModel } from '../../src/lib/classify/train.ts';
import { loadTaxonomy } from '../../src/lib/content/load-taxonomy.ts';
import { rss } from '../fixtures/feeds/build.ts';
import { scratchDir } from '../support/scratch-dir.ts';

const taxonomy = loadTaxonomy('content');
const rules = loadClassifierRules('content');
const SMALL = 'test/fixtures/labelled/small.json';
const items = toTrainingItems(readLabelledFile(SMALL), taxonomy);
const NODE = path.resolve('node_modules/.bin/node');

describe('labelled items', () => {
  it('maps labelled company names to the taxonomy’s ids, products to their owner, others to slugs', () => {
    const idOf = companyIdResolver(taxonomy);
    expect(idOf('Meta')).toBe('meta');
    expect(idOf('Instagram')).toBe('meta');
    expect(idOf('Tumblr')).toBe('automattic');
    expect(idOf('Otter.ai')).toBe('otter-ai');
    expect(idOf('WW International')).toBe('ww-international');
  });

  it('names the file, the item and the field of a malformed item', () => {
    const file = path.join(scratchDir('labelled-'), 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        { title: 'ok', relevant: true },
        { title: 'x', relevant: 'yes' },
      ]),
    );
    expect(() => readLabelledFile(file)).toThrow(`${file}: item 1, field relevant`);
    fs.writeFileSync(file, '[{');
    expect(() => readLabelledFile(file)).toThrow(`${file}: is not valid JSON`);
  });
});

describe('training', () => {
  it('gives the same file for the same data', () => {
    const a = serialiseModel(trainModel(items, { test: items.length }, taxonomy, rules));
    const b = serialiseModel(trainModel(items, { test: items.length }, taxonomy, rules));
    expect(a).toBe(b);
  });

  it('learns weights from the data: a model trained on it keeps its relevant items and drops its decoys', () => {
    const model = trainModel(items, { test: items.length }, taxonomy, rules);
    const classify = createClassifier(taxonomy, rules, model);
    const kept = items.filter((x) => classify(x).relevant === x.relevant).length;
    expect(kept / items.length).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(model.weights).length).toBeGreaterThan(10);
    expect(model.trainedOn.items).toEqual({ test: 16 });
  });

  it('counts the reports of one story as less than as many stories', () => {
    const report = (title: string, published: string) => ({
      title,
      text: 'The company did not ask its users before training its AI on their posts.',
      published,
      language: 'en',
      relevant: true,
      companies: ['meta'],
      regions: ['EU'],
    });
    const weights = storyWeights([
      report('Meta will train its AI on Europeans’ public posts', '2025-04-14'),
      report('Meta to train AI on public posts of European users', '2025-04-14'),
      report('Meta says it will train AI on Europeans’ public posts', '2025-04-15'),
      report('Meta to train AI on Brazilians’ public posts', '2024-06-02'),
    ]);
    expect(weights.map((w) => w.toFixed(3))).toEqual(['0.577', '0.577', '0.577', '1.000']);
  });

  it('learns the name of a company the taxonomy lacks from the labels, and proposes it', () => {
    const model = trainModel(items, { test: items.length }, taxonomy, rules);
    expect(model.companies).toEqual({ Photoshare: 'photoshare' });
    const c = createClassifier(
      taxonomy,
      rules,
      model,
    )({
      title: 'Users ask how to stop Photoshare using their pictures for AI',
      text: '',
    });
    expect(c.companies).toContain('photoshare');
    expect(c.proposedCompanies).toEqual(['photoshare']);
  });
});

describe('calibrated scores', () => {
  // Enough items of each class for the calibration to be fitted, with a few labels that the words
  // do not bear out, as real labels have: a model sure of every training item is then too sure of
  // the held-out ones.
  const platforms = ['Meta', 'Google', 'Reddit', 'LinkedIn', 'Zoom', 'Slack', 'Adobe', 'Snap'];
  const item = (title: string, relevant: boolean) => ({
    title,
    text: '',
    language: 'en',
    relevant,
    companies: [],
    regions: [],
  });
  const many = platforms.flatMap((p, i) => [
    item(`${p} will train its AI models on users’ public posts`, true),
    item(`${p} users can opt out of AI training on their photos`, i % 4 !== 1),
    item(`Regulator asks ${p} to pause training AI on personal data`, true),
    item(`${p} launches a new AI chatbot for shoppers`, i % 3 === 0),
    item(`${p} hires a new head of AI research`, false),
    item(`${p} AI assistant now books restaurant tables`, false),
  ]);

  it('tempers its weights by how sure of itself it proved on folds of its own training items', () => {
    const plain = trainModel(many, {}, taxonomy, rules, FIT, 0);
    const calibrated = trainModel(many, {}, taxonomy, rules);
    const ratios = Object.entries(plain.weights)
      .filter(([, w]) => Math.abs(w) > 0.05)
      .map(([f, w]) => calibrated.weights[f]! / w);
    expect(ratios.length).toBeGreaterThan(10);
    expect(Math.max(...ratios) - Math.min(...ratios)).toBeLessThan(0.01);
    expect(ratios[0]).toBeLessThan(1);
    const story = { title: 'Zoom will train its AI models on users’ public posts', text: '' };
    const sure = createClassifier(taxonomy, rules, plain, [])(story);
    const tempered = createClassifier(taxonomy, rules, calibrated, [])(story);
    expect(tempered.relevant).toBe(true);
    expect(tempered.score).toBeLessThan(sure.score);
    expect(serialiseModel(trainModel(many, {}, taxonomy, rules))).toBe(serialiseModel(calibrated));
  });
});

describe('where a story that names no place is filed', () => {
  const korean = (title: string, placed: boolean) => ({
    title,
    text: placed
      ? '개인정보보호위원회는 이용자의 게시물을 인공지능 학습에 쓰지 말라고 권고했다.'
      : '회사는 이용자의 게시물을 인공지능 학습에 쓰겠다고 밝혔다.',
    language: 'ko',
    relevant: true,
    companies: [],
    regions: ['KR'],
  });
  const decoy = (title: string) => ({
    title,
    text: '새 스마트폰이 출시됐다.',
    language: 'ko',
    relevant: false,
    companies: [],
    regions: [],
  });

  it('learns a language’s default from all its stories, even the ones a place name files', () => {
    const training = [
      korean('개인정보위, 게시물 AI 학습 제동', true),
      korean('개인정보위, AI 학습 실태 점검', true),
      korean('이용자 게시물로 AI 학습한다', false),
      decoy('새 스마트폰 출시'),
      decoy('새 노트북 출시'),
    ];
    const model = trainModel(training, { test: training.length }, taxonomy, rules);
    expect(model.languageRegions['ko']).toBe('KR');
    const c = createClassifier(
      taxonomy,
      rules,
      model,
      [],
    )({
      title: '이용자 사진으로 AI 모델 학습',
      text: '회사는 이용자의 사진을 인공지능 모델 학습에 쓰겠다고 밝혔다.',
    });
    expect(c.regions).toEqual(['KR']);
    expect(c.why).toContain('no place named, ko → KR (learned)');
  });
});

describe('cross-validation', () => {
  it('puts every item in one fold, spreads each language and label over the folds, and never changes', () => {
    const folds = assignFolds(items, 5);
    expect(folds).toEqual(assignFolds(items, 5));
    const relevantPerFold = [0, 1, 2, 3, 4].map(
      (f) => items.filter((x, i) => x.relevant && folds[i] === f).length,
    );
    expect(Math.max(...relevantPerFold) - Math.min(...relevantPerFold)).toBeLessThanOrEqual(1);
  });

  it('gives another split, as fixed and as evenly spread, for each split number', () => {
    const first = assignFolds(items, 5);
    const second = assignFolds(items, 5, 1);
    expect(second).toEqual(assignFolds(items, 5, 1));
    expect(second).not.toEqual(first);
    const relevantPerFold = [0, 1, 2, 3, 4].map(
      (f) => items.filter((x, i) => x.relevant && second[i] === f).length,
    );
    expect(Math.max(...relevantPerFold) - Math.min(...relevantPerFold)).toBeLessThanOrEqual(1);
  });

  it('cuts the items into periods by date, each fold later than the one before, undated ones last', () => {
    const dated = ['2024-06-01', '2019-03-02', '2025-01-09', '2021-11-30', '2023-05-05'].map(
      (published, i) => ({ ...items[i]!, title: `story ${i}`, published }),
    );
    const undated = { ...items[0]!, title: 'story without a date' };
    const folds = assignPeriodFolds([...dated, undated], 3);
    // In date order: 2019, 2021 | 2023, 2024 | 2025, undated.
    expect(folds).toEqual([1, 0, 2, 0, 1, 2]);
  });

  it('scores every item with a model that never saw it', () => {
    // A name labelled once is learned by the full model but by none of the fold models that
    // score that one item.
    const unique = {
      title: 'Users say Zorblax trained AI on their private chats',
      text: 'The app never asked them.',
      language: 'en',
      relevant: true,
      companies: ['zorblax'],
      regions: ['GLOBAL'],
    };
    const all = [...items, unique];
    expect(trainModel(all, {}, taxonomy, rules).companies).toHaveProperty('Zorblax', 'zorblax');
    const scored = crossValidate(all, taxonomy, rules);
    expect(scored).toHaveLength(all.length);
    expect(scored.find((s) => s.item === unique)!.predicted.companies).not.toContain('zorblax');
  });

  it('scores a held-out language only with a model trained on the other languages', () => {
    // Zorblax is named only in German: a model that has read the German items learns it.
    const german = [
      'Zorblax trainiert KI mit privaten Chats seiner Nutzer',
      'Zorblax nutzt Fotos seiner Nutzer für KI-Training',
    ].map((title) => ({
      title,
      text: 'Niemand wurde gefragt.',
      language: 'de',
      relevant: true,
      companies: ['zorblax'],
      regions: ['DE'],
    }));
    const all = [...items, ...german];
    expect(trainModel(all, {}, taxonomy, rules).companies).toHaveProperty('Zorblax', 'zorblax');
    const scored = crossLanguage(all, ['de'], taxonomy, rules);
    expect(scored.map((s) => s.item)).toEqual(german);
    for (const s of scored) expect(s.predicted.companies).not.toContain('zorblax');
  });
});

describe('scoring', () => {
  const blocsOf = new Map([['IE', ['EU']]]);
  const item = (gold: string[], predicted: string[]) => ({
    language: 'en',
    gold: { relevant: true, companies: [], regions: gold },
    predicted: { relevant: true, companies: [], regions: predicted },
  });

  it('counts a member state as its bloc on either side', () => {
    expect(score([item(['IE'], ['EU'])], blocsOf).regions).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(score([item(['EU'], ['IE'])], blocsOf).regions).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('counts, in each band of score, the items and how many of them are relevant', () => {
    const scored = (score: number, relevant: boolean) => ({
      gold: { relevant },
      predicted: { score },
    });
    const bands = reliability(
      [
        scored(0.05, false),
        scored(0.1, true),
        scored(0.5, true),
        scored(0.7, false),
        scored(1, true),
      ],
      [0, 0.2, 0.6, 1],
    );
    expect(bands).toEqual([
      { from: 0, to: 0.2, items: 2, relevant: 1 },
      { from: 0.2, to: 0.6, items: 1, relevant: 1 },
      { from: 0.6, to: 1, items: 2, relevant: 1 },
    ]);
  });

  it('scores tags on the items labelled relevant only', () => {
    const decoy = {
      language: 'en',
      gold: { relevant: false, companies: [], regions: [] },
      predicted: { relevant: true, companies: ['meta'], regions: ['GLOBAL'] },
    };
    const f = score([decoy], blocsOf);
    expect(f.companies).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(f.precision).toBe(0);
  });
});

describe('npm run train-classifier and eval-classifier', () => {
  const scratch = () => {
    const dir = scratchDir('train-');
    for (const part of ['regions', 'companies', 'classifier.yaml', 'classifier-model.json'])
      fs.cpSync(path.join('content', part), path.join(dir, part), { recursive: true });
    return dir;
  };
  const run = (script: string, env: Record<string, string>, args: string[] = []) =>
    spawnSync(NODE, [path.resolve(`scripts/${script}.ts`), ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 120_000,
    });

  it('stops without the shared corpus, saying what is missing, and leaves the model as it is', () => {
    const dir = scratch();
    const before = fs.readFileSync(path.join(dir, 'classifier-model.json'), 'utf8');
    const r = run('train-classifier', {
      AIDW_CONTENT_DIR: dir,
      AIDW_LABELLED: path.join(dir, 'none.json'),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /none\.json: is missing — the labelled headlines live outside the repository/,
    );
    expect(fs.readFileSync(path.join(dir, 'classifier-model.json'), 'utf8')).toBe(before);
  });

  it('writes a model the classifier then uses, and says when too few items leave it uncalibrated', () => {
    const dir = scratch();
    const r = run('train-classifier', {
      AIDW_CONTENT_DIR: dir,
      AIDW_LABELLED: path.resolve(SMALL),
    });
    expect(r.status, r.stderr).toBe(0);
    const model = JSON.parse(fs.readFileSync(path.join(dir, 'classifier-model.json'), 'utf8'));
    expect(model.trainedOn.items).toEqual({ 'shared headlines': 16, "editors' labels": 0 });
    expect(model.companies).toEqual({ Photoshare: 'photoshare' });
    expect(model.calibration.folds).toBe(0);
    expect(r.stdout).toContain(
      'scores left uncalibrated (too few items of a class, or held-out sums that do not rank them)',
    );
  });

  it('prints the cross-validated figures per language, writes them as JSON and fails under a floor', () => {
    const dir = scratch();
    const json = path.join(dir, 'figures.json');
    const env = { AIDW_CONTENT_DIR: dir, AIDW_LABELLED: path.resolve(SMALL) };
    const r = run('eval-classifier', env, ['--json', json, '--misses']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /5-fold cross-validation over 16 shared headlines and 0 editors' labels/,
    );
    expect(r.stdout).toMatch(
      /\| all \| 16 \| 8 \| \d\.\d{3} \| \d\.\d{3} \| \d\.\d{3} \| \d\.\d{3} \|/,
    );
    expect(r.stdout).toMatch(/\| en \| 16 \|/);
    expect(r.stdout).toMatch(
      /Held for review: \d+ of 16 items \(\d+ of them relevant\)\. Shown before review: precision \d\.\d{3}, recall \d\.\d{3}; once each held item is decided as labelled: precision \d\.\d{3}, recall \d\.\d{3}\./,
    );
    expect(r.stdout).toMatch(
      /How far the scores mean what they say \(.+\): 0\.0–0\.2: (\d+%|–) of \d+; .+; 0\.8–1\.0: (\d+%|–) of \d+\./,
    );
    const figures = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(figures.all.items).toBe(16);
    expect(figures.review.held).toBeGreaterThanOrEqual(0);
    expect(figures.calibration.reduce((n: number, b: { items: number }) => n + b.items, 0)).toBe(
      16,
    );
    const strict = run('eval-classifier', env, ['--min-precision', '1.01']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(
      /eval-classifier: precision is \d\.\d{3}, under the floor of 1\.01/,
    );
  });

  it('says how many off-topic stories from real feeds would reach readers or the review queue, and fails over a limit', () => {
    const dir = scratch();
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    fs.writeFileSync(
      path.join(corpus, 'garden.xml'),
      rss([
        { title: 'Planting tulips in autumn', link: 'https://garden.example/1' },
        { title: 'Pruning roses before the frost', link: 'https://garden.example/2' },
      ]),
    );
    const env = {
      AIDW_CONTENT_DIR: dir,
      AIDW_LABELLED: path.resolve(SMALL),
      AIDW_FEEDS_CORPUS: corpus,
    };
    const r = run('eval-classifier', env, ['--max-off-topic', '0']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /Off-topic stories \(2 from the feeds corpus, none about the topic\), scored by a model trained on every labelled item: 0 shown to readers, 0 held for review\./,
    );
    const missing = run('eval-classifier', { ...env, AIDW_FEEDS_CORPUS: path.join(dir, 'none') }, [
      '--max-off-topic',
      '0',
    ]);
    expect(missing.stdout).toMatch(/No off-topic check: no feeds corpus at .*none/);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/--max-off-topic needs the feeds corpus at .*none/);
  });

  it("shows how the figures and each language's recall move over other splits into folds, and refuses a split count that is not one", () => {
    const dir = scratch();
    const json = path.join(dir, 'figures.json');
    const env = { AIDW_CONTENT_DIR: dir, AIDW_LABELLED: path.resolve(SMALL) };
    const r = run('eval-classifier', env, ['--splits', '3', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Over 3 splits into folds \(the first is the one above\)/);
    expect(r.stdout).toMatch(/\| precision \| \d\.\d{3} \| \d\.\d{3} \| \d\.\d{3} \|/);
    const figures = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(figures.splits).toHaveLength(3);
    expect(figures.splits[0]).toEqual(figures.all);
    const english = figures.languages.find((l: { language: string }) => l.language === 'en');
    expect(figures.languageSplits.en).toHaveLength(3);
    expect(figures.languageSplits.en[0]).toBe(english.figures.recall);
    expect(r.stdout).toMatch(/\| recall in en \| \d\.\d{3} \| \d\.\d{3} \| \d\.\d{3} \|/);
    const bad = run('eval-classifier', env, ['--splits', 'two']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--splits must be a whole number of 1 or more, not "two"/);
  });
});

describe('what the review band means for readers', () => {
  const item = (relevant: boolean, predicted: boolean, review?: true) => ({
    gold: { relevant },
    predicted: { relevant: predicted, ...(review ? { review } : {}) },
  });
  it('counts held items, keeps them off the site before review and decides them as labelled after', () => {
    const figures = reviewFigures([
      item(true, true),
      item(true, true, true),
      item(false, true, true),
      item(true, false, true),
      item(false, true),
      item(false, false),
    ]);
    expect(figures.held).toBe(3);
    expect(figures.heldRelevant).toBe(2);
    // Shown: the two kept and not held, one of them relevant, of three relevant in all.
    expect(figures.shown).toEqual({ precision: 0.5, recall: 1 / 3 });
    // Reviewed: the two relevant held items join; the decoy kept without review stays.
    expect(figures.reviewed).toEqual({ precision: 0.75, recall: 1 });
  });
});
