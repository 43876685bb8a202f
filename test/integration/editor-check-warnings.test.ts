/**
 * npm run check on content with sources that do not hold up and a status nobody has confirmed for
 * years: it prints each as a warning, with file, line and fix, and still passes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/editorial/check-content.ts';
import { runScript, scratchContent } from './editor-support.ts';

let content: string;

const ENTRY = `---
title: LinkedIn pauses AI training on Canadian members' data
date: 2020-12-10
companies: [linkedin]
regions: [CA]
kind: pause
summary: LinkedIn told Canada's Privacy Commissioner it had stopped training AI on Canadian members' data.
sources:
  - url: https://particle.news/story/linkedin-pauses-canada
    title: LinkedIn pauses AI training in Canada (Particle)
    publisher: Particle
  - url: https://particle.news/story/linkedin-pauses-canada?utm_source=newsletter
    title: LinkedIn pauses AI training in Canada
    publisher: Particle
status:
  - { region: CA, training: paused }
---

The pause followed the Commissioner's questions.
`;

const PRIMARY = `primary:
  - { domain: priv.gc.ca, regions: [CA] }
aggregators:
  - particle.news
`;

beforeAll(() => {
  content = scratchContent('aidw-warnings-');
  fs.writeFileSync(path.join(content, 'entries', '2020-12-10-linkedin-pauses-canada.md'), ENTRY);
  fs.writeFileSync(path.join(content, 'primary-sources.yaml'), PRIMARY);
});
afterAll(() => fs.rmSync(content, { recursive: true, force: true }));

describe('check warnings', () => {
  it('warns about each weak source and the stale status, and passes', () => {
    const r = runScript('check', [], content);
    expect(r.status, r.stderr).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    const file = `${content}/entries/2020-12-10-linkedin-pauses-canada.md`;
    const shown = warnings.map((w) => w.replace(file, 'ENTRY'));
    expect(shown).toEqual([
      expect.stringMatching(
        /^warning: ENTRY:8 sources — cites only aggregators \(particle\.news\), while the regulator's or company's own pages are known for this entry: priv\.gc\.ca — /,
      ),
      expect.stringMatching(/^warning: ENTRY:10 sources\[0\]\.title — ends with "\(Particle\)"/),
      expect.stringMatching(
        /^warning: ENTRY:12 sources\[1\]\.url — is the same page as sources\[0\]/,
      ),
      expect.stringMatching(
        /^warning: ENTRY:16 status\[0\] — LinkedIn in Canada: "Paused" was last set or confirmed on 2020-12-10, over 12 months ago — /,
      ),
    ]);
    expect(r.stderr).toContain("4 warnings: worth an editor's look, but the update goes on.");
    expect(r.stdout).toContain('no problems');
  });

  it('hands the stale statuses, with company and region names, to reports such as the update summary', () => {
    const { staleStatuses } = checkContent(content);
    expect(staleStatuses).toEqual([
      expect.objectContaining({
        company: 'linkedin',
        companyName: 'LinkedIn',
        region: 'CA',
        regionName: 'Canada',
        training: 'paused',
        lastConfirmed: '2020-12-10',
        entryId: '2020-12-10-linkedin-pauses-canada',
      }),
    ]);
  });

  it('fails, naming the field, when primary-sources.yaml lists an address instead of a domain', () => {
    fs.writeFileSync(
      path.join(content, 'primary-sources.yaml'),
      'primary:\n  - { domain: "https://priv.gc.ca/en/", regions: [CA] }\n',
    );
    const report = checkContent(content);
    expect(
      report.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.field} — ${p.problem}`),
    ).toEqual([
      'primary-sources.yaml:2 primary[0].domain — must be a bare domain such as priv.gc.ca, without https:// or a path',
    ]);
    fs.writeFileSync(path.join(content, 'primary-sources.yaml'), PRIMARY);
  });

  it('fails, naming the line and the group, when region-groups.yaml lists a member that is no region', () => {
    const groups = path.join(content, 'region-groups.yaml');
    const problems = () =>
      checkContent(content).problems.map(
        (p) => `${path.basename(p.file)}:${p.line} ${p.field} — ${p.problem} — ${p.fix}`,
      );
    fs.writeFileSync(
      groups,
      '# Groups the press names as one.\n- name: G7\n  members: [CA, FR, DE, IT, JP, GB, US]\n',
    );
    expect(problems()).toEqual([
      expect.stringMatching(
        /^region-groups\.yaml:3 \[0\]\.members\[5\] — G7 lists "GB", which is no region — .*\(UK, not GB\)$/,
      ),
    ]);
    fs.writeFileSync(groups, '- name: Benelux\n  members: [BE]\n');
    expect(problems()).toEqual([
      expect.stringMatching(
        /^region-groups\.yaml:2 \[0\]\.members — must list at least two members/,
      ),
    ]);
    fs.writeFileSync(groups, '# No groups yet.\n');
    expect(problems()).toEqual([]);
    fs.rmSync(groups);
  });
});
