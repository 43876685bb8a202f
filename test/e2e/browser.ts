/** Debian's Chromium driven by playwright-core: the same launch as the benchmark's. */
export { CHROMIUM_ARGS, launchBrowser } from '../../src/lib/bench/chromium.ts';
