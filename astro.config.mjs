// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

/** The public address; feeds, canonical links and the sitemap need absolute URLs. */
const site = process.env.SITE_URL ?? 'https://aidatawatch.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [sitemap()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
