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
  // Shiki colours code with inline styles, which the CSP below forbids; entries are prose anyway.
  markdown: { syntaxHighlight: false },
  security: {
    /*
     * A Content-Security-Policy in every page's <meta>. Astro adds script-src and style-src with
     * the hashes of the site's own scripts and styles, so no other inline script can run; the
     * directives here shut everything else to our own origin.
     */
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
