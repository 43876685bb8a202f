import { describe, expect, it } from 'vitest';
import { EMPTY_STATE } from '../../src/lib/search/engine.ts';
import { isActive, parseState, serializeState } from '../../src/lib/search/url-state.ts';

describe('search state in the URL', () => {
  it('reads every filter and cleans values the way the data spells them', () => {
    expect(
      parseState(
        '?q=%20linkdin%20%20opt-out&company=LinkedIn&region=eu&kind=Court&year=2024&utm_source=x',
      ),
    ).toEqual({
      q: 'linkdin opt-out',
      company: 'linkedin',
      region: 'EU',
      kind: 'court',
      year: '2024',
      literal: '',
    });
  });

  it('ignores a malformed year and missing parameters', () => {
    expect(parseState('?year=24x')).toEqual(EMPTY_STATE);
    expect(isActive(parseState(''))).toBe(false);
  });

  it('writes one canonical URL per view, leaving empty values out', () => {
    const state = { ...EMPTY_STATE, region: 'UK', q: 'meta trainig', company: 'meta' };
    expect(serializeState(state)).toBe('?q=meta+trainig&company=meta&region=UK');
    expect(serializeState(EMPTY_STATE)).toBe('');
  });

  it('round-trips: parsing what it wrote gives the same view', () => {
    const state = {
      q: 'opt out & “quotes”',
      company: 'meta',
      region: 'EU',
      kind: 'news',
      year: '2025',
      literal: '1',
    };
    expect(parseState(serializeState(state))).toEqual(state);
    expect(isActive(state)).toBe(true);
  });

  it('keeps "take the words as typed" only beside a query, and it alone is not a search', () => {
    expect(serializeState({ ...EMPTY_STATE, q: 'linkdin', literal: '1' })).toBe(
      '?q=linkdin&literal=1',
    );
    expect(serializeState({ ...EMPTY_STATE, literal: '1' })).toBe('');
    expect(isActive(parseState('?literal=1'))).toBe(false);
  });
});
