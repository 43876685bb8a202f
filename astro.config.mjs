// @ts-check
import { defineConfig } from 'astro/config';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { entryRedirects } from './src/lib/content/moved-entries.ts';
import { classifyHref } from './src/lib/markdown/external-links.ts';
import { previewImages } from './src/lib/og/integration.ts';

/** The public address; feeds, canonical links and the sitemap need absolute URLs. */
const site = process.env.SITE_URL ?? 'https://aidatawatch.org';

/**
 * A build from another content tree (AIDW_CONTENT_DIR, used by tests) keeps its content cache
 * apart, so it neither reuses nor overwrites the cache of the real content. The cache lives in the
 * system's temporary folder, beyond the reach of `npm ci`, and Astro reuses an unchanged file's
 * entry without parsing it again: so the key holds the schemas too, or a field added to a schema
 * would be missing from every cached entry.
 */
const contentOverride = process.env.AIDW_CONTENT_DIR;
const cacheDir = contentOverride ? overrideCacheDir(contentOverride) : undefined;

/** @param {string} contentRoot */
function overrideCacheDir(contentRoot) {
  const schemaDir = path.resolve('src/lib/content');
  const schemas = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => fs.readFileSync(path.join(schemaDir, f), 'utf8'));
  const key = crypto
    .createHash('sha256')
    .update([path.resolve(contentRoot), ...schemas].join('\0'))
    .digest('hex')
    .slice(0, 16);
  return path.join(os.tmpdir(), 'aidw-astro-cache', key);
}

export default defineConfig({
  ...(cacheDir ? { cacheDir } : {}),
  site,
  trailingSlash: 'always',
  // Entries renamed after a correction keep their old address (src/lib/content/moved-entries.ts).
  redirects: entryRedirects(),
  integrations: [sitemap(), previewImages()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
  markdown: {
    // Shiki colours code with inline styles, which the CSP below forbids; entries are prose anyway.
    syntaxHighlight: false,
    processor: satteri({
      hastPlugins: [
        {
          name: 'external-links',
          element: {
            filter: ['a'],
            visit(node, ctx) {
              const fix = classifyHref(node.properties['href']);
              if (fix.action === 'external')
                ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
              else if (fix.action === 'unlink') ctx.setProperty(node, 'href', null);
            },
          },
        },
      ],
    }),
  },
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
