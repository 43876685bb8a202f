/**
 * Builds the site over another content tree (AIDW_CONTENT_DIR) with the real `astro build`, for
 * tests that need the pages an editor's content produces.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(REPO, 'node_modules/astro/bin/astro.mjs');

/**
 * Where astro.config.mjs keeps the content cache of a build from another content tree; a test
 * removes it when done, or the caches of every scratch tree pile up.
 */
export const astroCacheDirOf = (contentDir: string) =>
  path.join(
    os.tmpdir(),
    'aidw-astro-cache',
    crypto.createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16),
  );

/**
 * Built HTML with the entities Astro writes in text and attributes read back, so a test can look
 * for a title as the feed gave it. `&amp;` goes last, so "&amp;#39;" stays the text "&#39;".
 */
export const decodeEntities = (html: string) =>
  html
    .replace(/&#39;|&#x27;/g, "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');

/** Runs `astro build` into `outDir`; the output is uncoloured so tests can match its messages. */
export function buildSite(
  contentDir: string,
  outDir: string,
  timeoutMs: number,
): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: REPO,
    env: { ...process.env, AIDW_CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}
