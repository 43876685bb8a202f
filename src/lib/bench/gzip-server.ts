/**
 * Serves a built site the way a static host does, gzipping every response, and records the
 * compressed bytes of each response so the benchmark can say what a query cost on the wire.
 */
import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { contentType, siteFile } from './site-file.ts';

export interface Served {
  path: string;
  /** Gzipped body bytes sent. */
  bytes: number;
}

export interface GzipServer {
  url: string;
  /** Every response so far, in order; the benchmark reads and clears it between queries. */
  log: Served[];
  close: () => Promise<void>;
}

export async function serveGzipped(root: string): Promise<GzipServer> {
  const cache = new Map<string, Buffer>();
  const log: Served[] = [];
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const found = siteFile(root, pathname);
    if ('status' in found) {
      res.writeHead(found.status).end();
      return;
    }
    const { file } = found;
    let body = cache.get(file);
    if (!body) cache.set(file, (body = zlib.gzipSync(fs.readFileSync(file))));
    log.push({ path: pathname, bytes: body.length });
    res.writeHead(200, {
      'content-type': contentType(file),
      'content-encoding': 'gzip',
      'content-length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
