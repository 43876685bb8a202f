/**
 * `npm run soak`: many update cycles (ingest → check → content build) against feeds on
 * 127.0.0.1 with faults injected at random, and an account of what went wrong: cycles whose
 * check or build failed, articles lost, articles duplicated, and health entries that disagree
 * with the faults that were injected.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { createClassifier } from '../classify/index.ts';
import { articleSchema, type Article } from '../content/article.ts';
import { loadTaxonomy } from '../content/load-taxonomy.ts';
import { checkContent } from '../editorial/check-content.ts';
import { buildItems } from '../timeline/items.ts';
import { buildSearchIndex } from '../search/build.ts';
import { articlesFile } from '../feeds/export.ts';
import { readHealth, type FeedHealth } from '../ingest/health.ts';
import { articleId, canonicalUrl } from '../ingest/url.ts';
import { seeded } from './random.ts';
import { FEED_FAULTS, startWorld, type FeedFault } from './world.ts';

export interface SoakOptions {
  cycles: number;
  seed: number;
  feeds?: number;
  /** Chance, per feed and cycle, of each feed fault. */
  faultRate?: number;
  /** Chance, per cycle, that ingest is killed mid-run. */
  killRate?: number;
  /** The repository: its scripts/ingest.ts and content/ taxonomy are used. */
  repo: string;
  log?: (line: string) => void;
}

export interface SoakFigures {
  cycles: number;
  seed: number;
  /** Cycles whose ingest was not refused or broken, after which check found no problem and the content built. */
  green: number;
  /** Articles delivered by a completed run but not stored, or stored once and gone later. */
  lost: number;
  /** Article files beyond one per URL. */
  duplicated: number;
  /** Feed health entries compared with the faults injected, and how many disagreed. */
  healthChecked: number;
  healthInconsistent: number;
  /** Faults injected; `sigkill` counts kills that landed before the run ended. */
  faults: Record<FeedFault | 'sigkill', number>;
  /** Runs that found the lock of a killed run and took it over. */
  locksTakenOver: number;
  /** A killed run's lock that the next run did not take over (or a run refused by it). */
  lockProblems: number;
  articles: number;
  seconds: number;
  /** The first few disagreements, for whoever has to fix them. */
  samples: string[];
}

const FAILING: ReadonlySet<FeedFault> = new Set(['hang', 'http-500', 'broken-xml']);

function reasonFits(fault: FeedFault, h: FeedHealth): boolean {
  if (fault === 'hang') return /timed out/.test(h.reason ?? '');
  if (fault === 'http-500') return h.httpStatus === 500;
  return /malformed XML|not a feed/.test(h.reason ?? '');
}

/** The content a build would render: timeline items, the search index and the open data. */
function buildContent(root: string, taxonomy: ReturnType<typeof loadTaxonomy>): number {
  const dir = path.join(root, 'articles');
  const articles: Article[] = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => articleSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8'))));
  const items = buildItems({ entries: [], articles });
  buildSearchIndex(items, taxonomy);
  articlesFile(articles, new URL('https://aidatawatch.org/'));
  return items.length;
}

export async function soak(options: SoakOptions): Promise<SoakFigures> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const random = seeded(options.seed);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aidw-soak-'));
  const root = path.join(work, 'content');
  for (const dir of ['companies', 'regions'])
    fs.cpSync(path.join(options.repo, 'content', dir), path.join(root, dir), { recursive: true });
  for (const file of ['classifier.yaml', 'classifier-model.json'])
    fs.copyFileSync(path.join(options.repo, 'content', file), path.join(root, file));
  fs.mkdirSync(path.join(root, 'entries'));
  fs.mkdirSync(path.join(root, 'articles'));
  const statePath = path.join(work, 'state.json');
  const taxonomy = loadTaxonomy(root);
  const classify = createClassifier(taxonomy);

  const world = await startWorld({
    feeds: options.feeds ?? 12,
    window: 15,
    random,
    faultRate: options.faultRate ?? 0.015,
  });
  fs.writeFileSync(
    path.join(root, 'feeds.yaml'),
    stringify({
      // Long enough that a loaded machine does not time out a feed that answers; a hang costs it.
      fetch: { timeoutSeconds: 2, retries: 0, runBudgetSeconds: 60, concurrency: 12 },
      feeds: world.feeds.map((f) => ({ id: f.id, url: `${world.url}${f.path}`, publisher: f.id })),
    }),
  );
  const node = path.join(options.repo, 'node_modules/.bin/node');
  const ingestArgs = [
    path.join(options.repo, 'scripts/ingest.ts'),
    '--feeds',
    path.join(root, 'feeds.yaml'),
    '--out',
    path.join(root, 'articles'),
    '--state',
    statePath,
  ];

  const figures: SoakFigures = {
    cycles: options.cycles,
    seed: options.seed,
    green: 0,
    lost: 0,
    duplicated: 0,
    healthChecked: 0,
    healthInconsistent: 0,
    faults: {
      hang: 0,
      'http-500': 0,
      'broken-xml': 0,
      moved: 0,
      repeat: 0,
      retitle: 0,
      sigkill: 0,
    },
    locksTakenOver: 0,
    lockProblems: 0,
    articles: 0,
    seconds: 0,
    samples: [],
  };
  const sample = (s: string) => {
    if (figures.samples.length < 10) figures.samples.push(s);
  };
  let typicalMs = 600;
  let lockLeft = false;
  const streak = new Map<string, number>();
  const movedKnown = new Set<string>();
  const everStored = new Set<string>();
  const relevant = new Map<string, boolean>();
  const isRelevant = (title: string, summary: string) => {
    const key = `${title}\n${summary}`;
    let r = relevant.get(key);
    if (r === undefined) {
      r = classify({ title, text: summary }).relevant;
      relevant.set(key, r);
    }
    return r;
  };

  try {
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      // The first cycles force each fault once, so even a short soak meets all of them.
      const forced = cycle <= FEED_FAULTS.length ? FEED_FAULTS[cycle - 1] : undefined;
      const faults = world.nextCycle(cycle, forced);
      for (const f of faults.values()) if (f) figures.faults[f]++;
      const kill = cycle === FEED_FAULTS.length + 1 || random.chance(options.killRate ?? 0.08);
      const before = readHealth(path.join(root, 'feeds-health.json'))?.startedAt;

      const child = spawn(node, ingestArgs, {
        env: { ...process.env, AIDW_CONTENT_DIR: root },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stdout.resume();
      child.stderr.on('data', (d) => (stderr += d));
      let timer: NodeJS.Timeout | undefined;
      // Somewhere inside a typical run: starting up, fetching, storing or writing the reports.
      if (kill)
        timer = setTimeout(() => child.kill('SIGKILL'), (0.1 + 0.8 * random.next()) * typicalMs);
      const runStarted = performance.now();
      const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
        (resolve) => child.on('close', (code, signal) => resolve({ code, signal })),
      );
      clearTimeout(timer);
      if (signal === 'SIGKILL') figures.faults.sigkill++;
      else typicalMs = 0.8 * typicalMs + 0.2 * (performance.now() - runStarted);
      const tookOver = /took over the lock/.test(stderr);
      if (tookOver) figures.locksTakenOver++;
      if (lockLeft && !tookOver && signal !== 'SIGKILL') {
        figures.lockProblems++;
        sample(`cycle ${cycle}: a killed run's lock was left, and this run did not take it over`);
      }
      lockLeft = signal === 'SIGKILL' && fs.existsSync(`${statePath}.lock`);
      const completed = code === 0;
      // Only the kill may stop a run: any other exit but 0 makes the cycle red.
      const ingestFailed = !completed && signal !== 'SIGKILL';
      if (ingestFailed)
        sample(`cycle ${cycle}: ingest exited ${code}: ${stderr.trim().slice(0, 300)}`);

      // Health: every entry a run wrote must agree with what was injected into that feed.
      const health = readHealth(path.join(root, 'feeds-health.json'));
      const readOk = new Set(
        health && health.startedAt !== before
          ? health.feeds.filter((h) => h.status === 'ok').map((h) => h.id)
          : [],
      );
      if (health && health.startedAt !== before) {
        const byId = new Map(health.feeds.map((h) => [h.id, h]));
        for (const feed of world.feeds) {
          const fault = faults.get(feed.id);
          const h = byId.get(feed.id);
          const failed = !!fault && FAILING.has(fault);
          const runs = failed ? (streak.get(feed.id) ?? 0) + 1 : 0;
          streak.set(feed.id, runs);
          if (feed.movedPath && !failed) movedKnown.add(feed.id);
          const expectedMove = movedKnown.has(feed.id)
            ? `${world.url}${feed.movedPath}`
            : undefined;
          figures.healthChecked++;
          const problems: string[] = [];
          if (!h) problems.push('missing');
          else {
            if (failed && (h.status !== 'failed' || !reasonFits(fault, h)))
              problems.push(`${fault} injected, health says ${h.status} (${h.reason ?? ''})`);
            if (!failed && h.status === 'failed')
              problems.push(`no failure injected, health says failed (${h.reason})`);
            if (h.consecutiveFailures !== runs)
              problems.push(`consecutiveFailures ${h.consecutiveFailures}, expected ${runs}`);
            if (h.movedTo !== expectedMove)
              problems.push(`movedTo ${h.movedTo}, expected ${expectedMove}`);
          }
          if (problems.length) {
            figures.healthInconsistent++;
            sample(`cycle ${cycle} ${feed.id}: ${problems.join('; ')}`);
          }
        }
      }

      const dir = path.join(root, 'articles');
      const names = new Set(fs.readdirSync(dir).filter((n) => n.endsWith('.json')));
      for (const id of everStored)
        if (!names.has(`${id}.json`)) {
          figures.lost++;
          everStored.delete(id);
          sample(`cycle ${cycle}: article ${id} was stored and is gone`);
        }
      for (const n of names) everStored.add(n.slice(0, -'.json'.length));
      // What a completed run read (the server sent it and the run says it read it) is stored.
      if (completed)
        for (const feed of world.feeds.filter((f) => readOk.has(f.id)))
          for (const item of world.delivered(feed.id) ?? []) {
            if (!isRelevant(item.title, item.summary)) continue;
            const c = canonicalUrl(item.url);
            if (c.ok && !names.has(`${articleId(c.url)}.json`)) {
              figures.lost++;
              sample(`cycle ${cycle}: ${item.url} from ${feed.id} delivered but not stored`);
            }
          }

      let green = false;
      try {
        const report = checkContent(root, new Date(), work);
        for (const p of report.problems.slice(0, 3))
          sample(`cycle ${cycle}: check: ${p.file} ${p.field} — ${p.problem}`);
        buildContent(root, taxonomy);
        green = report.problems.length === 0 && !ingestFailed;
      } catch (e) {
        sample(`cycle ${cycle}: content build failed: ${(e as Error).message}`);
      }
      if (green) figures.green++;
      if (cycle % 20 === 0 || cycle === options.cycles)
        log(
          `cycle ${cycle}/${options.cycles}: ${figures.green} green, ${names.size} articles, ${figures.lost} lost`,
        );
    }

    const byUrl = new Map<string, number>();
    const dir = path.join(root, 'articles');
    for (const n of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const url = (JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as { url: string }).url;
      byUrl.set(url, (byUrl.get(url) ?? 0) + 1);
      figures.articles++;
    }
    figures.duplicated = [...byUrl.values()].reduce((n, k) => n + k - 1, 0);
  } finally {
    await world.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  figures.seconds = Math.round((performance.now() - started) / 100) / 10;
  return figures;
}

export function formatSoak(f: SoakFigures): string {
  const pct = f.healthChecked
    ? (100 * (f.healthChecked - f.healthInconsistent)) / f.healthChecked
    : 100;
  return [
    `soak: ${f.cycles} cycles, seed ${f.seed}, ${f.seconds} s, ${f.articles} articles at the end`,
    `faults injected: ${Object.entries(f.faults)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; stale locks taken over: ${f.locksTakenOver}, not taken over: ${f.lockProblems}`,
    `cycles with check green:  ${f.green}/${f.cycles}`,
    `articles lost:            ${f.lost}`,
    `articles duplicated:      ${f.duplicated}`,
    `health consistent:        ${pct.toFixed(1)}% (${f.healthChecked - f.healthInconsistent}/${f.healthChecked} entries agree with the faults)`,
    ...f.samples.map((s) => `  ${s}`),
  ].join('\n');
}

/** The targets: every cycle green, nothing lost or duplicated, health always right. */
export const soakPassed = (f: SoakFigures) =>
  f.green === f.cycles &&
  f.lost === 0 &&
  f.duplicated === 0 &&
  f.healthInconsistent === 0 &&
  f.lockProblems === 0;
