import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './editor-support.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string; steps: Step[]; environment?: { name: string } }>;
}

const text = fs.readFileSync(path.join(REPO, '.github/workflows/update.yml'), 'utf8');
const workflow = parse(text) as Workflow;
const scripts = (
  JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const steps = workflow.jobs['update']!.steps;
const indexOf = (run: string) => steps.findIndex((s) => s.run?.trim().startsWith(run));

describe('the scheduled update workflow', () => {
  it('runs on a schedule and on demand', () => {
    const schedule = workflow.on['schedule'] as { cron: string }[];
    expect(schedule[0]!.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('uses the Node version pinned in .nvmrc and installs from the lock file', () => {
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version-file']).toBe('.nvmrc');
    expect(fs.readFileSync(path.join(REPO, '.nvmrc'), 'utf8').trim()).toBe('24');
    expect(indexOf('npm ci')).toBeGreaterThan(-1);
  });

  it('ingests, then checks, then builds, then commits, in that order', () => {
    const order = ['npm run ingest', 'npm run check', 'npm run build', 'git config'].map(indexOf);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('only calls npm scripts that exist', () => {
    const called = steps.flatMap((s) =>
      [...(s.run ?? '').matchAll(/npm run (\S+)/g)].map((m) => m[1]!),
    );
    expect(called.length).toBeGreaterThan(0);
    for (const name of called) expect(Object.keys(scripts)).toContain(name);
  });

  it('lets no step fail quietly, so a failing check stops the update', () => {
    for (const s of steps) expect(s['continue-on-error']).toBeUndefined();
    expect(steps[indexOf('npm run check')]!.run!.trim()).toBe('npm run check');
  });

  it('commits only new articles and the health report, and may push to main', () => {
    const commit = steps[indexOf('git config')]!.run!;
    expect(commit).toContain('git add content/articles content/feeds-health.json');
    expect(commit).toContain('git push origin HEAD:main');
    expect(workflow.permissions['contents']).toBe('write');
  });

  it('publishes dist/ with the GitHub Pages actions after the update job', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.['path']).toBe('dist');
    const deploy = workflow.jobs['deploy']!;
    expect(deploy.needs).toBe('update');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});
