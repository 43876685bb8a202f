/**
 * The search view lives in the URL (`?q=…&company=…&region=…&kind=…&year=…&literal=1`) so it can be shared,
 * bookmarked and walked with the back button. Parsing is forgiving (unknown parameters are ignored,
 * values trimmed and cased as the data spells them); serialising is canonical, so one view has one URL.
 */
import { EMPTY_STATE, type SearchState } from './engine.ts';

const MAX_QUERY = 200;

export const STATE_KEYS = ['q', 'company', 'region', 'kind', 'year', 'literal'] as const;

export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const get = (key: string) => (params.get(key) ?? '').trim();
  const year = get('year');
  return {
    q: get('q').replace(/\s+/g, ' ').slice(0, MAX_QUERY),
    company: get('company').toLowerCase(),
    region: get('region').toUpperCase(),
    kind: get('kind').toLowerCase(),
    year: /^\d{4}$/.test(year) ? year : '',
    literal: get('literal') === '1' ? '1' : '',
  };
}

/** `?q=…&company=…` in a fixed order with empty values left out; `''` for the unfiltered view. */
export function serializeState(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of STATE_KEYS) {
    const value =
      key === 'q' ? state.q.trim() : key === 'literal' && !state.q.trim() ? '' : state[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** True when the view differs from the plain timeline. */
export function isActive(state: SearchState): boolean {
  return STATE_KEYS.some((k) => k !== 'literal' && state[k].trim() !== EMPTY_STATE[k]);
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return serializeState(a) === serializeState(b);
}
