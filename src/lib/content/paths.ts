import path from 'node:path';

/**
 * The editors' data folder. `AIDW_CONTENT_DIR` points the site and the scripts at another copy,
 * which is how tests build and check a scratch content tree without touching the real one.
 */
export function contentDir(): string {
  return path.resolve(process.env['AIDW_CONTENT_DIR'] ?? 'content');
}
