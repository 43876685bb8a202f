/**
 * The search and filter island, loaded on first use: fetches the index, keeps the view in the URL,
 * renders results with the timeline's markup (text only, never HTML from data), and announces the
 * count to screen readers.
 */
import {
  loadIndex,
  search,
  type FacetName,
  type LoadedIndex,
  type SearchState,
} from '../lib/search/engine.ts';
import type { DocRow, DocsChunk, SearchIndexFile } from '../lib/search/format.ts';
import type { RerankRow } from '../lib/search/rerank.ts';
import { isActive, parseState, sameState, serializeState } from '../lib/search/url-state.ts';
import { formatDay, formatItemDate, itemDatetime } from '../lib/timeline/dates.ts';
import { companyHref, hostOf, kindLabel, regionHref, safeHttpUrl } from '../lib/timeline/labels.ts';
import type { Kind } from '../lib/content/entry.ts';

/** Results shown at once; "Show more" adds as many again. */
const PAGE = 20;
const TYPING_DELAY_MS = 150;

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
  const { file } = index;
  const isEntry = doc.type === 'entry';
  const kindValue = index.kinds[pos] ? (file.ki[index.kinds[pos]!] as Kind) : undefined;
  const headingId = `sr-${doc.id}`;
  // Entry pages are ours (a site path); story links go elsewhere and must be http(s).
  const href = isEntry
    ? /^\/(?!\/)/.test(doc.href)
      ? doc.href
      : undefined
    : safeHttpUrl(doc.href);
  const heading = el('h3', { class: 'item-title', attrs: { id: headingId } });
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
  for (const c of file.c[pos]!) {
    const [id, name] = file.co[c]!;
    badges.append(
      el('li', {}, [
        el('a', { class: 'badge badge-company', attrs: { href: companyHref(id) } }, [
          el('span', { class: 'visually-hidden', text: 'Company: ' }),
          document.createTextNode(name),
        ]),
      ]),
    );
  }
  for (const r of file.r[pos]!) {
    const [code, name] = file.re[r]!;
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
  const label = (s: DocRow['sources'][number]) => s.publisher ?? hostOf(s.url);
  if (doc.sources.length === 1) {
    const s = doc.sources[0]!;
    sources = el('p', { class: 'sources' }, [
      document.createTextNode('Source: '),
      externalLink(s.url, label(s)),
    ]);
  } else if (doc.sources.length > 1) {
    sources = el('details', { class: 'sources' }, [
      el('summary', { text: `${doc.sources.length} sources` }),
      el(
        'ul',
        {},
        doc.sources.map((s) =>
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
      doc.summary ? el('p', { class: 'item-summary', text: doc.summary }) : null,
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

function describe(state: SearchState, count: number, strict: number, els: Elements): string {
  const optionText = (name: FacetName) => {
    const select = els.selects[name];
    const value = state[name];
    if (!select || !value) return '';
    const option = [...select.options].find((o) => o.value === value);
    return (option?.dataset['label'] ?? value).trim();
  };
  const filters = (['company', 'region', 'kind', 'year'] as const).map(optionText).filter(Boolean);
  const plural = (k: number, word: string) =>
    `${k.toLocaleString('en-GB')} ${word}${k === 1 ? '' : 'es'}`;
  const what = count === 1 ? '1 result' : `${count.toLocaleString('en-GB')} results`;
  const q = state.q.trim() ? ` for “${state.q.trim()}”` : '';
  const looser = count > strict ? ` (${plural(count - strict, 'looser match')} last)` : '';
  return `${what}${q}${filters.length ? ` in ${filters.join(', ')}` : ''}${looser}`;
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
  };
  const base = root.dataset['searchBase'] ?? '/search/';
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

  const readForm = (): SearchState =>
    parseState(new URLSearchParams([...new FormData(els.form)].map(([k, v]) => [k, String(v)])));
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
    const [file, postings] = await Promise.all([
      fetch(`${base}index.json`).then((r) => {
        if (!r.ok) throw new Error(`index.json: HTTP ${r.status}`);
        return r.json() as Promise<SearchIndexFile>;
      }),
      fetch(`${base}postings.bin`).then((r) => {
        if (!r.ok) throw new Error(`postings.bin: HTTP ${r.status}`);
        return r.arrayBuffer();
      }),
    ]);
    index = loadIndex(file, new Uint8Array(postings));
  } catch (error) {
    els.status.textContent =
      'Search could not load. The timeline below still works; try reloading the page.';
    console.error(error);
    return;
  }
  els.status.textContent = '';

  const chunks = new Map<number, Promise<DocsChunk>>();
  const chunk = (n: number) => {
    let p = chunks.get(n);
    if (!p) {
      p = fetch(`${base}docs/${n}.json?v=${index.file.h}`).then((r) => {
        if (!r.ok) throw new Error(`docs/${n}.json: HTTP ${r.status}`);
        return r.json() as Promise<DocsChunk>;
      });
      p.catch(() => chunks.delete(n));
      chunks.set(n, p);
    }
    return p;
  };
  const docsFor = async (ids: readonly number[]) => {
    const cs = index.file.cs;
    const loaded = await Promise.all(
      [...new Set(ids.map((i) => Math.floor(i / cs)))].map(
        async (n) => [n, await chunk(n)] as const,
      ),
    );
    const byChunk = new Map(loaded);
    return ids.map((i) => byChunk.get(Math.floor(i / cs))!.rows[i % cs]!);
  };
  const tagsOf = (pos: number) =>
    [
      ...index.file.c[pos]!.map((c) => `${index.file.co[c]![1]} ${index.file.co[c]![2]}`),
      ...index.file.r[pos]!.map((r) => index.file.re[r]![1]),
      ...index.file.p[pos]!.map((p) => index.file.pu[p]!),
    ].join(' ');

  let current = { ids: [] as number[], words: [] as string[], shown: 0 };
  let generation = 0;

  const updateFacets = (facets: ReturnType<typeof search>['facets'], state: SearchState) => {
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

  const showMore = async (gen: number) => {
    const slice = current.ids.slice(current.shown, current.shown + PAGE);
    if (!slice.length) return;
    const docs = await docsFor(slice);
    let rows: RerankRow[] = slice.map((id, i) => ({ id, doc: docs[i]!, tags: tagsOf(id) }));
    if (current.words.length) {
      const { rerank } = await import('../lib/search/rerank.ts');
      rows = rerank(current.words, rows);
    }
    if (gen !== generation) return;
    const fragment = document.createDocumentFragment();
    for (const row of rows) fragment.append(renderItem(index, row.id, row.doc));
    els.list.append(fragment);
    current.shown += slice.length;
    els.more.hidden = current.shown >= current.ids.length;
  };

  const apply = async (state: SearchState) => {
    const gen = ++generation;
    const active = isActive(state);
    if (els.clear) els.clear.hidden = !active;
    const outcome = search(index, state);
    updateFacets(outcome.facets, state);
    if (!active) {
      els.results.hidden = true;
      els.list.replaceChildren();
      els.status.textContent = '';
      setTimelineHidden(false);
      return;
    }
    current = { ids: outcome.ids, words: outcome.words, shown: 0 };
    try {
      els.list.replaceChildren();
      await showMore(gen);
    } catch (error) {
      if (gen === generation) els.status.textContent = 'Some results could not load; try again.';
      console.error(error);
      return;
    }
    if (gen !== generation) return;
    els.results.hidden = false;
    setTimelineHidden(true);
    els.status.textContent = describe(state, outcome.ids.length, outcome.strict, els);
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
    void apply(state);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  els.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => commit('typing'), TYPING_DELAY_MS);
  });
  for (const select of Object.values(els.selects))
    select?.addEventListener('change', () => commit('push'));
  els.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    commit('push');
  });
  els.clear?.addEventListener('click', () => {
    clearTimeout(timer);
    writeForm({ q: '', company: '', region: '', kind: '', year: '' });
    commit('push');
    els.input.focus();
  });
  els.more.addEventListener('click', () => {
    const gen = generation;
    const first = els.list.children.length;
    void showMore(gen).then(() => {
      const next = els.list.children[first]?.querySelector<HTMLElement>('.item-title a');
      next?.focus();
    });
  });
  window.addEventListener('popstate', () => {
    const state = parseState(location.search);
    writeForm(state);
    void apply(state);
  });

  // The box may have been typed in or changed while the index loaded: the form wins over the URL.
  const now = readForm();
  if (!sameState(now, initial)) commit('typing');
  else void apply(initial);
}
