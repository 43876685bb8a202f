/**
 * .github/workflows/update.yml, parsed: the matrix of ingest shards, the one job that merges,
 * checks, builds and publishes, and every `npm run X` it calls exists in package.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './editor-support.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}
interface Job {
  needs?: string;
  if?: string;
  steps: Step[];
  strategy?: { 'fail-fast'?: boolean; matrix?: { shard?: number[] } };
  environment?: { name: string };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const text = fs.readFileSync(path.join(REPO, '.github/workflows/update.yml'), 'utf8');
const workflow = parse(text) as Workflow;
const scripts = (
  JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const ingest = workflow.jobs['ingest']!;
const publish = workflow.jobs['publish']!;
const indexIn = (job: Job, run: string) =>
  job.steps.findIndex((s) => s.run?.trim().startsWith(run));
const allSteps = Object.values(workflow.jobs).flatMap((j) => j.steps);

describe('the scheduled update workflow', () => {
  it('runs on a schedule and on demand', () => {
    const schedule = workflow.on['schedule'] as { cron: string }[];
    expect(schedule[0]!.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('uses the Node version pinned in .nvmrc and installs from the lock file in every job that runs npm', () => {
    expect(fs.readFileSync(path.join(REPO, '.nvmrc'), 'utf8').trim()).toBe('24');
    for (const job of [ingest, publish]) {
      const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setup?.with?.['node-version-file']).toBe('.nvmrc');
      expect(indexIn(job, 'npm ci')).toBeGreaterThan(-1);
    }
  });

  it('only calls npm scripts that exist in package.json', () => {
    const called = allSteps.flatMap((s) =>
      [...(s.run ?? '').matchAll(/npm run (\S+)/g)].map((m) => m[1]!),
    );
    expect(called).toEqual(
      expect.arrayContaining(['ingest', 'merge-shards', 'check', 'build', 'update-summary']),
    );
    for (const name of called) expect(Object.keys(scripts)).toContain(name);
  });

  it('ingests in a matrix of shards that do not cancel each other, each taking its share K/N', () => {
    const shards = ingest.strategy?.matrix?.shard ?? [];
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(shards.length).toBeGreaterThan(1);
    expect(ingest.strategy?.['fail-fast']).toBe(false);
    expect(ingest.steps[indexIn(ingest, 'npm run ingest')]!.run!.trim()).toBe(
      'npm run ingest -- --shard ${{ matrix.shard }}/${{ strategy.job-total }}',
    );
  });

  it('uploads each shard’s new articles, set-aside articles, state and health as an artifact', () => {
    const collect = ingest.steps.find((s) => s.run?.includes('mkdir -p shard/articles'))!.run!;
    expect(collect).toContain('content/articles | xargs -0 -r cp -t shard/articles');
    expect(collect).toContain('content/set-aside | xargs -0 -r cp -t shard/set-aside');
    expect(collect).toContain('cp content/feeds-health.json shard/feeds-health.json');
    expect(collect).toContain('cp .ingest-state.json shard/state.json');
    const upload = ingest.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: 'shard-${{ matrix.shard }}', path: 'shard/' });
  });

  it('merges the shards in one job, then checks, builds, summarises and commits, in that order', () => {
    expect(publish.needs).toBe('ingest');
    const download = publish.steps.findIndex((s) =>
      s.uses?.startsWith('actions/download-artifact@'),
    );
    expect(publish.steps[download]!.with).toMatchObject({ pattern: 'shard-*', path: 'shards' });
    const order = [
      'npm run merge-shards -- shards/*',
      'npm run check',
      'npm run build',
      'npm run update-summary',
      'git config',
    ].map((run) => indexIn(publish, run));
    expect(order.every((i) => i > download)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lets no step fail quietly, so a failing check stops the update before the commit', () => {
    for (const s of allSteps) expect(s['continue-on-error']).toBeUndefined();
    const check = publish.steps[indexIn(publish, 'npm run check')]!;
    expect(check.run!.trim()).toBe('npm run check');
    expect(check.if).toBeUndefined();
    expect(publish.steps[indexIn(publish, 'git config')]!.if).toBeUndefined();
  });

  it('keeps the feed state between runs: shards restore it, the merge saves the merged one', () => {
    expect(ingest.steps.some((s) => s.uses?.startsWith('actions/cache/restore@'))).toBe(true);
    const save = publish.steps.find((s) => s.uses?.startsWith('actions/cache/save@'));
    expect(save?.with?.['path']).toBe('.ingest-state.json');
  });

  it('commits only articles, set-aside articles and the health report, and may push to main', () => {
    const commit = publish.steps[indexIn(publish, 'git config')]!.run!;
    expect(commit).toContain('git add content/articles content/feeds-health.json');
    expect(commit).toContain('git add --all content/set-aside');
    expect(commit).toContain('git push origin HEAD:main');
    expect(workflow.permissions['contents']).toBe('write');
  });

  it('publishes dist/ with the GitHub Pages actions after the publish job', () => {
    const upload = publish.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.['path']).toBe('dist');
    const deploy = workflow.jobs['deploy']!;
    expect(deploy.needs).toBe('publish');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});
