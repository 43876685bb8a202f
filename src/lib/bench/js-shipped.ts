/**
 * JavaScript a built page makes the browser load before any interaction: its module scripts
 * (external and inline) and everything they import statically, gzipped. Dynamic import() chunks
 * are left out: they load only on use.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ShippedJs {
  files: { path: string; gzip: number }[];
  gzip: number;
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
const EXPORT_FROM = /export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g;

export function shippedJs(dist: string, page = 'index.html'): ShippedJs {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const files: ShippedJs['files'] = [];
  const seen = new Set<string>();
  const gz = (s: string | Buffer) => zlib.gzipSync(s, { level: 9 }).length;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    files.push({ path: path.relative(dist, file), gzip: gz(code) });
    for (const re of [STATIC_IMPORT, EXPORT_FROM]) {
      for (const m of code.matchAll(re)) {
        const spec = m[1]!;
        if (spec.startsWith('.') || spec.startsWith('/')) {
          visit(
            spec.startsWith('/') ? path.join(dist, spec) : path.resolve(path.dirname(file), spec),
          );
        }
      }
    }
  };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1]!;
    if (/type="application\/ld\+json"/.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) visit(path.join(dist, src.split('?')[0]!));
    else if (m[2]!.trim()) files.push({ path: `${page} (inline)`, gzip: gz(m[2]!) });
  }
  return { files, gzip: files.reduce((s, f) => s + f.gzip, 0) };
}
