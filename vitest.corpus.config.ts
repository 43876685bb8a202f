import { defineConfig } from 'vitest/config';

/**
 * `npm run test:corpus`: the real-world feed corpus, which other people wrote and the repository
 * does not carry. It lives beside the checkout (../shared/feeds-corpus, or AIDW_FEEDS_CORPUS), so
 * it has a command of its own and `npm test` never needs it.
 */
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
