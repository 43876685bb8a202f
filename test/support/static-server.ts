/** A minimal static file server for the built site, so browser tests need no network and no Astro. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { contentType, siteFile } from '../../src/lib/bench/site-file.ts';

export async function serveStatic(
  root: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const found = siteFile(root, pathname);
    if ('status' in found && found.status === 403) {
      res.writeHead(403).end();
      return;
    }
    if ('status' in found) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': contentType(notFound) });
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(found.file) });
    fs.createReadStream(found.file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
