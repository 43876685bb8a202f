/**
 * The search box's first script: a few lines that wait. The index and the search code are fetched
 * only when the reader focuses or types in the box or a filter, submits it, or arrives on a shared link that
 * already carries a search (?q=, ?company=, …), so the timeline costs nothing until search is used.
 */
const STATE_KEYS = ['q', 'company', 'region', 'kind', 'year'];

for (const root of document.querySelectorAll<HTMLElement>('[data-search]')) {
  const form = root.querySelector('form');
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (!form || !input) continue;
  let started: Promise<void> | undefined;
  const start = () => {
    started ??= import('./search-app.ts').then((app) => app.start(root));
    return started;
  };
  // Any control of the form: a reader may go straight to a filter without touching the box.
  form.addEventListener('focusin', start, { once: true });
  form.addEventListener('input', start, { once: true });
  form.addEventListener('change', start, { once: true });
  // The island handles submits once loaded; until then (or if it cannot load) hold or fall back.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start().catch(() => form.submit());
  });
  root.querySelector('[data-search-filters]')?.removeAttribute('hidden');
  const params = new URLSearchParams(location.search);
  if (STATE_KEYS.some((k) => params.get(k)?.trim())) void start();
}
