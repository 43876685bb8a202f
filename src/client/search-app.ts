/**
 * The search and filter island, loaded on first use: fetches the index meta and per-item data,
 * then for each query only the posting shards its words need (started while the reader is still
 * typing the word); answers every keystroke on the next animation frame, drops answers overtaken by
 * newer input, keeps the view in the URL, renders results with the timeline's markup (text only,
 * never HTML from data), and announces the count to screen readers once typing pauses.
 */
import {
  EMPTY_STATE,
  addShard,
  loadIndex,
  missingShards,
  readQuery,
  search,
  type FacetName,
  type LoadedIndex,
  type SearchOutcome,
  type SearchState,
} from '../lib/search/engine.ts';
import {
  RESULTS_PAGE,
  readDocsFile,
  sourcesOf,
  type DocRow,
  type DocsChunk,
  type SearchMeta,
  type Source,
} from '../lib/search/format.ts';
import type { NameReading } from '../lib/search/names.ts';
import { words } from '../lib/search/normalize.ts';
import type { RerankRow } from '../lib/search/rerank.ts';
import { isActive, parseState, sameState, serializeState } from '../lib/search/url-state.ts';
import { formatDay, formatItemDate, itemDatetime } from '../lib/timeline/dates.ts';
import { companyHref, hostOf, kindLabel, regionHref, safeHttpUrl } from '../lib/timeline/labels.ts';
import type { Kind } from '../lib/content/entry.ts';

const PAGE = RESULTS_PAGE;
/** Quiet time after the last keystroke before the count is announced to screen readers. */
const ANNOUNCE_AFTER_MS = 600;

interface Elements {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  selects: Record<FacetName, HTMLSelectElement | null>;
  status: HTMLElement;
  results: HTMLElement;
  list: HTMLElement;
  more: HTMLButtonElement;
  clear: HTMLButtonElement | null;
  reading: HTMLElement;
  problem: HTMLElement;
  retry: HTMLButtonElement | null;
  facets: HTMLElement | null;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
  children: (Node | null)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

function externalLink(url: string, text: string): HTMLElement {
  const safe = safeHttpUrl(url);
  if (!safe) return el('span', { text });
  return el('a', { text, class: 'external', attrs: { href: safe, rel: 'noopener noreferrer' } });
}

function renderItem(index: LoadedIndex, pos: number, doc: DocRow): HTMLElement {
  const { meta: data } = index;
  const isEntry = doc.type === 'entry';
  const kindValue = index.kinds[pos] ? (data.ki[index.kinds[pos]!] as Kind) : undefined;
  const headingId = `sr-${doc.id}`;
  // Entry pages are ours (a site path); story links go elsewhere and must be http(s).
  const href = isEntry
    ? /^\/(?!\/)/.test(doc.href)
      ? doc.href
      : undefined
    : safeHttpUrl(doc.href);
  // The title and summary keep their own language for screen readers (partLang, at build time).
  const lang = doc.lang ? { lang: doc.lang } : {};
  const heading = el('h3', { class: 'item-title', attrs: { id: headingId, ...lang } });
  if (href && isEntry) heading.append(el('a', { text: doc.title, attrs: { href } }));
  else if (href)
    heading.append(
      el('a', { text: doc.title, class: 'external', attrs: { href, rel: 'noopener noreferrer' } }),
    );
  else heading.textContent = doc.title;

  const dated = {
    type: doc.type,
    date: doc.date,
    datePrecision: doc.month ? ('month' as const) : ('day' as const),
  };
  const meta = el('p', { class: 'item-meta' }, [
    el('span', {
      class: `item-type ${isEntry ? 'type-entry' : 'type-story'}`,
      text: isEntry ? 'Curated entry' : 'In the news',
    }),
    document.createTextNode(' '),
    el('span', { class: 'kind', text: kindLabel(kindValue) }),
    document.createTextNode(' '),
    el('time', { text: formatItemDate(dated), attrs: { datetime: itemDatetime(dated) } }),
  ]);

  const badges = el('ul', { class: 'badges', attrs: { 'aria-label': 'Filed under' } });
  for (const c of index.companiesOf[pos]!) {
    const [id, name] = data.co[c]!;
    badges.append(
      el('li', {}, [
        c < data.cp
          ? el('a', { class: 'badge badge-company', attrs: { href: companyHref(id) } }, [
              el('span', { class: 'visually-hidden', text: 'Company: ' }),
              document.createTextNode(name),
            ])
          : el(
              'span',
              {
                class: 'badge badge-company badge-proposed',
                attrs: { title: 'Named in the news; no page yet' },
              },
              [
                el('span', { class: 'visually-hidden', text: 'Company, no page yet: ' }),
                document.createTextNode(name),
              ],
            ),
      ]),
    );
  }
  for (const r of index.regionsOf[pos]!) {
    const [code, name] = data.re[r]!;
    badges.append(
      el('li', {}, [
        el('a', { class: 'badge badge-region', attrs: { href: regionHref(code), title: name } }, [
          el('span', { class: 'visually-hidden', text: `Region: ${name}, ` }),
          el('span', {
            text: code === 'GLOBAL' ? 'Global' : code,
            attrs: { 'aria-hidden': 'true' },
          }),
        ]),
      ]),
    );
  }

  let sources: HTMLElement | null = null;
  const list = sourcesOf(doc);
  const label = (s: Source) => s.publisher ?? hostOf(s.url);
  if (list.length === 1) {
    const s = list[0]!;
    sources = el('p', { class: 'sources' }, [
      document.createTextNode('Source: '),
      externalLink(s.url, label(s)),
    ]);
  } else if (list.length > 1) {
    sources = el('details', { class: 'sources' }, [
      el('summary', { text: `${list.length} sources` }),
      el(
        'ul',
        {},
        list.map((s) =>
          el('li', {}, [
            externalLink(s.url, s.title),
            el('span', {
              class: 'muted',
              text: ` — ${label(s)}${s.date ? `, ${formatDay(s.date)}` : ''}`,
            }),
          ]),
        ),
      ),
    ]);
  }

  return el(
    'article',
    {
      class: `item ${isEntry ? 'item-entry' : 'item-story'}`,
      attrs: { 'aria-labelledby': headingId, 'data-item-id': doc.id },
    },
    [
      heading,
      meta,
      doc.summary ? el('p', { class: 'item-summary', text: doc.summary, attrs: lang }) : null,
      doc.effective
        ? el('p', { class: 'item-effective' }, [
            document.createTextNode('Takes effect or deadline: '),
            el('time', { text: formatDay(doc.effective), attrs: { datetime: doc.effective } }),
          ])
        : null,
      badges,
      sources,
      doc.why?.length
        ? el('details', { class: 'why' }, [
            el('summary', { text: 'Why tagged' }),
            el(
              'ul',
              {},
              doc.why.map((w) => el('li', { text: w })),
            ),
          ])
        : null,
    ],
  );
}

function describe(state: SearchState, outcome: SearchOutcome, els: Elements): string {
  const q = state.q.trim();
  if (outcome.noWords) return `No results: “${q}” has no letters or digits to search for`;
  const optionText = (name: FacetName) => {
    const select = els.selects[name];
    const value = state[name];
    if (!select || !value) return '';
    const option = [...select.options].find((o) => o.value === value);
    return (option?.dataset['label'] ?? value).trim();
  };
  const filters = (['company', 'region', 'kind', 'year'] as const).map(optionText).filter(Boolean);
  const count = outcome.ids.length;
  const rest = count - outcome.strict;
  const what = count === 1 ? '1 result' : `${count.toLocaleString('en-GB')} results`;
  const forQ = q ? ` for “${q}”` : '';
  const later = outcome.reading
    ? ` (${rest.toLocaleString('en-GB')} without the other words last)`
    : ` (${rest.toLocaleString('en-GB')} looser match${rest === 1 ? '' : 'es'} last)`;
  const capped = outcome.capped ? '; only the first words were searched' : '';
  return `${what}${forQ}${filters.length ? ` in ${filters.join(', ')}` : ''}${rest > 0 ? later : ''}${capped}`;
}

/** The query with each name read in it spelt as the name ("linkdin opt out" → "LinkedIn opt out"). */
function readAs(words: readonly string[], reading: NameReading): string {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const name = reading.names.find((n) => n.from.every((w, k) => words[i + k] === w));
    if (name) {
      out.push(name.label);
      i += name.from.length;
    } else out.push(words[i++]!);
  }
  return out.join(' ');
}

export async function start(root: HTMLElement): Promise<void> {
  const form = root.querySelector('form')!;
  const els: Elements = {
    root,
    form,
    input: root.querySelector('input[type="search"]')!,
    selects: {
      company: root.querySelector('select[name="company"]'),
      region: root.querySelector('select[name="region"]'),
      kind: root.querySelector('select[name="kind"]'),
      year: root.querySelector('select[name="year"]'),
    },
    status: root.querySelector('[data-search-status]')!,
    results: root.querySelector('[data-search-results]')!,
    list: root.querySelector('[data-search-list]')!,
    more: root.querySelector('[data-search-more]')!,
    clear: root.querySelector('[data-search-clear]'),
    reading: root.querySelector('[data-search-reading]')!,
    problem: root.querySelector('[data-search-problem]')!,
    retry: root.querySelector('[data-search-retry]'),
    facets: document.querySelector('[data-facets]'),
  };
  const metaUrl = root.dataset['searchIndex']!;
  const itemsUrl = root.dataset['searchItems']!;
  const base = metaUrl.slice(0, metaUrl.lastIndexOf('/') + 1);
  const hidden = new Set<HTMLElement>();
  /** The static timeline: everything after the search box in its column. */
  const setTimelineHidden = (hide: boolean) => {
    if (hide) {
      for (let n = root.nextElementSibling; n; n = n.nextElementSibling) {
        if (n instanceof HTMLElement && !n.hidden) {
          n.hidden = true;
          hidden.add(n);
        }
      }
    } else {
      for (const n of hidden) n.hidden = false;
      hidden.clear();
    }
  };

  const readForm = (): SearchState => {
    const state = parseState(
      new URLSearchParams([...new FormData(els.form)].map(([k, v]) => [k, String(v)])),
    );
    // "As typed" belongs to the query it was chosen for: typing something else drops it.
    const current = parseState(location.search);
    return { ...state, literal: current.literal && current.q === state.q ? '1' : '' };
  };
  const writeForm = (state: SearchState) => {
    if (els.input.value.trim() !== state.q) els.input.value = state.q;
    for (const name of ['company', 'region', 'kind', 'year'] as const) {
      const select = els.selects[name];
      if (select)
        select.value = [...select.options].some((o) => o.value === state[name]) ? state[name] : '';
    }
  };

  const initial = parseState(location.search);
  // A shared link fills the form; otherwise keep whatever the reader has begun typing.
  if (isActive(initial)) writeForm(initial);
  els.status.textContent = 'Loading search…';
  let index: LoadedIndex;
  try {
    const [meta, items] = await Promise.all([
      fetch(metaUrl).then((r) => {
        if (!r.ok) throw new Error(`${metaUrl}: HTTP ${r.status}`);
        return r.json() as Promise<SearchMeta>;
      }),
      fetch(itemsUrl).then((r) => {
        if (!r.ok) throw new Error(`${itemsUrl}: HTTP ${r.status}`);
        return r.arrayBuffer();
      }),
    ]);
    index = loadIndex(meta, new Uint8Array(items));
  } catch (error) {
    els.status.textContent =
      'Search could not load. The timeline below still works; try reloading the page.';
    console.error(error);
    return;
  }
  els.status.textContent = '';

  /** Fetches in flight or done, by shard; a failed one is forgotten so a retry fetches it again. */
  const shards = new Map<number, Promise<void>>();
  const shard = (s: number) => {
    let p = shards.get(s);
    if (!p) {
      const name = index.meta.sh[s]![1];
      p = fetch(`${base}${name}`)
        .then((r) => {
          if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
          return r.arrayBuffer();
        })
        .then((bytes) => addShard(index, s, new Uint8Array(bytes)));
      p.catch(() => shards.delete(s));
      shards.set(s, p);
    }
    return p;
  };

  const chunks = new Map<number, Promise<DocsChunk>>();
  const chunk = (n: number) => {
    let p = chunks.get(n);
    if (!p) {
      const url = `${base}docs/${index.meta.h}/${n}.json`;
      p = fetch(url).then(async (r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return readDocsFile(await r.text());
      });
      p.catch(() => chunks.delete(n));
      chunks.set(n, p);
    }
    return p;
  };
  /** Display rows for these results; those whose chunk failed are left out. */
  const docsFor = async (ids: readonly number[]) => {
    const cs = index.meta.cs;
    const wanted = [...new Set(ids.map((i) => Math.floor(i / cs)))];
    const settled = await Promise.allSettled(wanted.map(chunk));
    const byChunk = new Map<number, DocsChunk>();
    settled.forEach((r, k) => {
      if (r.status === 'fulfilled' && r.value.h === index.meta.h) byChunk.set(wanted[k]!, r.value);
    });
    const rows = ids.flatMap((i) => {
      const row = byChunk.get(Math.floor(i / cs))?.rows[i % cs];
      return row ? [{ id: i, doc: row }] : [];
    });
    return { rows, failed: rows.length < ids.length };
  };
  const tagsOf = (pos: number) =>
    [
      ...index.companiesOf[pos]!.map((c) => `${index.meta.co[c]![1]} ${index.meta.co[c]![2]}`),
      ...index.regionsOf[pos]!.map((r) => index.meta.re[r]![1]),
    ].join(' ');

  let current = { ids: [] as number[], words: [] as string[], shown: 0 };
  let generation = 0;
  let announce: ReturnType<typeof setTimeout> | undefined;

  const updateSelects = (facets: SearchOutcome['facets'], state: SearchState) => {
    for (const name of ['company', 'region', 'kind', 'year'] as const) {
      const select = els.selects[name];
      if (!select) continue;
      for (const option of select.options) {
        if (!option.value) continue;
        option.dataset['label'] ??= option.textContent ?? '';
        const count = facets[name].get(option.value) ?? 0;
        option.textContent = `${option.dataset['label']} (${count})`;
        option.disabled = count === 0 && state[name] !== option.value;
      }
    }
  };
  /** The company and region lists beside the timeline: counts within the results, or the archive's. */
  const updateSidebar = (ids: readonly number[] | undefined) => {
    if (!els.facets) return;
    let facets: Record<'company' | 'region', Map<string, number>> | undefined;
    if (ids) {
      facets = { company: new Map(), region: new Map() };
      for (const i of ids) {
        for (const c of index.companiesOf[i]!) {
          const id = index.meta.co[c]![0];
          facets.company.set(id, (facets.company.get(id) ?? 0) + 1);
        }
        for (const r of index.regionsOf[i]!) {
          const code = index.meta.re[r]![0];
          facets.region.set(code, (facets.region.get(code) ?? 0) + 1);
        }
      }
    }
    els.facets.querySelector<HTMLElement>('[data-facets-note]')!.hidden = !facets;
    for (const li of els.facets.querySelectorAll<HTMLElement>('li[data-facet]')) {
      const counter = li.querySelector<HTMLElement>('[data-facet-count]');
      if (!counter) continue;
      const name = li.dataset['facet'] as 'company' | 'region';
      const count = facets
        ? (facets[name].get(li.dataset['value'] ?? '') ?? 0)
        : Number(counter.dataset['total']);
      counter.textContent = count.toLocaleString('en-GB');
      li.classList.toggle('facet-empty', count === 0);
    }
  };

  const linkTo = (state: SearchState, text: string) => {
    const a = el('a', { text, attrs: { href: `${location.pathname}${serializeState(state)}` } });
    a.addEventListener('click', (event) => {
      event.preventDefault();
      writeForm(state);
      history.pushState({ typing: false }, '', a.getAttribute('href')!);
      void apply(state, 'push');
    });
    return a;
  };
  /** "Showing results for LinkedIn — search for ‘linkdin’ instead", or the way back. */
  const updateReading = (state: SearchState, outcome: SearchOutcome) => {
    const reading = outcome.reading ?? (state.literal ? readQuery(index, state) : undefined);
    if (!reading?.names.some((n) => n.corrected)) {
      els.reading.hidden = true;
      els.reading.replaceChildren();
      return;
    }
    const typed = state.q.trim();
    const asName = readAs(words(typed), reading);
    const named = { ...state, q: asName, literal: '' };
    const literal = { ...state, literal: '1' };
    els.reading.replaceChildren(
      ...(state.literal
        ? [
            document.createTextNode(`Showing results for ‘${typed}’ as typed — `),
            linkTo(named, `show results for ${asName} instead`),
          ]
        : [
            document.createTextNode('Showing results for '),
            linkTo(named, asName),
            document.createTextNode(' — '),
            linkTo(literal, `search for ‘${typed}’ instead`),
          ]),
    );
    els.reading.hidden = false;
  };

  const showMore = async (gen: number): Promise<boolean> => {
    const slice = current.ids.slice(current.shown, current.shown + PAGE);
    if (!slice.length) return true;
    const { rows: found, failed } = await docsFor(slice);
    let rows: RerankRow[] = found.map((r) => ({ ...r, tags: tagsOf(r.id) }));
    if (current.words.length) {
      const { rerank } = await import('../lib/search/rerank.ts');
      rows = rerank(current.words, rows);
    }
    if (gen !== generation) return true;
    const fragment = document.createDocumentFragment();
    for (const row of rows) fragment.append(renderItem(index, row.id, row.doc));
    els.list.append(fragment);
    current.shown += slice.length;
    els.more.hidden = current.shown >= current.ids.length;
    return !failed;
  };

  const apply = async (state: SearchState, mode: 'push' | 'typing') => {
    const gen = ++generation;
    const active = isActive(state);
    if (els.clear) els.clear.hidden = !active;
    const missing = active ? missingShards(index, state) : [];
    if (missing.length) {
      await Promise.allSettled(missing.map(shard));
      // Newer input has its own answer on the way: this one would only flash past.
      if (gen !== generation) return;
    }
    const outcome = search(index, state);
    updateSelects(outcome.facets, state);
    clearTimeout(announce);
    if (!active) {
      els.results.hidden = true;
      els.list.replaceChildren();
      els.status.textContent = '';
      els.reading.hidden = true;
      els.problem.hidden = true;
      updateSidebar(undefined);
      setTimelineHidden(false);
      root.dataset['searchShown'] = '';
      return;
    }
    current = { ids: outcome.ids, words: outcome.words, shown: 0 };
    els.list.replaceChildren();
    const docsOk = await showMore(gen);
    if (gen !== generation) return;
    updateReading(state, outcome);
    updateSidebar(outcome.ids);
    els.problem.hidden = docsOk && !outcome.incomplete;
    els.results.hidden = false;
    setTimelineHidden(true);
    const text = describe(state, outcome, els);
    // While the reader types, the list follows every keystroke, but the live region speaks only
    // once they pause: a count read out per letter would drown what they are typing.
    if (mode === 'typing' && !outcome.noWords)
      announce = setTimeout(() => (els.status.textContent = text), ANNOUNCE_AFTER_MS);
    else els.status.textContent = text;
    root.dataset['searchShown'] = serializeState(state);
  };

  const commit = (mode: 'push' | 'typing') => {
    const state = readForm();
    const url = `${location.pathname}${serializeState(state)}`;
    const prev = parseState(location.search);
    if (!sameState(state, prev)) {
      const typing = mode === 'typing';
      if (typing && (history.state as { typing?: boolean } | null)?.typing)
        history.replaceState({ typing }, '', url);
      else history.pushState({ typing }, '', url);
    }
    void apply(state, mode);
  };

  // Every keystroke gets an answer, several keystrokes within one frame the same one.
  let frame = 0;
  els.input.addEventListener('input', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      commit('typing');
    });
  });
  for (const select of Object.values(els.selects))
    select?.addEventListener('change', () => commit('push'));
  els.form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit('push');
  });
  els.clear?.addEventListener('click', () => {
    writeForm(EMPTY_STATE);
    commit('push');
    els.input.focus();
  });
  els.retry?.addEventListener('click', () => void apply(readForm(), 'push'));
  els.more.addEventListener('click', () => {
    const gen = generation;
    const first = els.list.children.length;
    void showMore(gen).then((ok) => {
      if (!ok) els.problem.hidden = false;
      const next = els.list.children[first]?.querySelector<HTMLElement>('.item-title a');
      next?.focus();
    });
  });
  window.addEventListener('popstate', () => {
    const state = parseState(location.search);
    writeForm(state);
    void apply(state, 'push');
  });

  // The box may have been typed in or changed while the index loaded: the form wins over the URL.
  const now = readForm();
  if (!sameState(now, initial)) commit('typing');
  else void apply(initial, 'push');
}
