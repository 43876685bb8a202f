/**
 * What a static host does with a request for a built site: the file it maps to (a folder means
 * its index.html), never one outside the site, and the content type it is sent with. The
 * benchmark's gzipping server and the browser tests' plain one share it.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

export const contentType = (file: string) =>
  CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';

export type SiteFile = { file: string } | { status: 403 | 404 };

export function siteFile(root: string, pathname: string): SiteFile {
  let file = path.join(root, decodeURIComponent(pathname));
  if (!file.startsWith(root)) return { status: 403 };
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return fs.existsSync(file) ? { file } : { status: 404 };
}
