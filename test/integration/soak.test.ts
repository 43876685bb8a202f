/**
 * A short soak: every fault the soak knows is injected at least once (hangs, 500s, broken XML, a
 * feed that moves, items repeated across feeds, a changed title, a SIGKILL mid-run), and the
 * update loses nothing, duplicates nothing, stays green and reports each fault in its health.
 */
import { describe, expect, it } from 'vitest';
import { soak, soakPassed, type SoakFigures } from '../../src/lib/soak/soak.ts';
import { FEED_FAULTS } from '../../src/lib/soak/world.ts';
import { REPO } from './editor-support.ts';

describe('a short soak with every fault', () => {
  let figures: SoakFigures;

  it('meets every target over 12 cycles', async () => {
    figures = await soak({ cycles: 12, seed: 7, repo: REPO, killRate: 0.3 });
    for (const fault of FEED_FAULTS) expect(figures.faults[fault], fault).toBeGreaterThan(0);
    expect(figures.faults.sigkill).toBeGreaterThan(0);
    expect(figures.samples).toEqual([]);
    expect(figures).toMatchObject({ green: 12, lost: 0, duplicated: 0, healthInconsistent: 0 });
    // Twelve feeds, in every cycle whose run lived to write its health report.
    expect(figures.healthChecked).toBeGreaterThanOrEqual(12 * 4);
    expect(figures.articles).toBeGreaterThan(50);
    expect(soakPassed(figures)).toBe(true);
  }, 120_000);
});
