/**
 * Response bytes to a JavaScript string. Feeds declare their encoding in three places (BOM, HTTP
 * header, XML declaration), often inconsistently, and sometimes not at all.
 */
import { gunzipSync } from 'node:zlib';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { FeedError } from './errors.ts';

/**
 * Some servers send a gzip file as-is, without `Content-Encoding`. Unpacks it, refusing to
 * produce more than `maxBytes` (a small gzip can expand a thousandfold).
 */
export function gunzipIfNeeded(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length < 3 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 0x08) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      throw new FeedError(`gzip body unpacks to more than ${maxBytes} bytes`);
    throw new FeedError(`gzip body is corrupt (${(e as Error).message})`);
  }
}

/** WHATWG practice: these labels mean windows-1252, which is what such feeds really contain. */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-sjis': 'shift_jis',
  utf8: 'utf-8',
  unicode: 'utf-16le',
};

function normaliseLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const clean = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!clean) return undefined;
  const name = ALIASES[clean] ?? clean;
  return iconv.encodingExists(name) ? name : undefined;
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '')?.[2];
}

/** The encoding pseudo-attribute of an XML declaration read from ASCII-compatible bytes. */
function declaredInXml(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  return /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface Decoded {
  text: string;
  /** The encoding used, for the health report and tests. */
  encoding: string;
}

/**
 * Picks the encoding in order of reliability: byte-order mark, UTF-16 by its first bytes, the
 * HTTP charset, the XML declaration, then a statistical guess. A declared UTF-8 that is not valid
 * UTF-8 falls through to the guess, which is what the bytes turn out to be in practice.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string): Decoded {
  const b = bytes;
  const strip = (s: string) => s.replace(/^\ufeff/, '');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: strip(iconv.decode(Buffer.from(b.subarray(3)), 'utf-8')), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe)
    return {
      text: strip(iconv.decode(Buffer.from(b.subarray(2)), 'utf-16le')),
      encoding: 'utf-16le',
    };
  if (b[0] === 0xfe && b[1] === 0xff)
    return {
      text: strip(iconv.decode(Buffer.from(b.subarray(2)), 'utf-16be')),
      encoding: 'utf-16be',
    };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00)
    return { text: strip(iconv.decode(Buffer.from(b), 'utf-16be')), encoding: 'utf-16be' };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] !== 0x00)
    return { text: strip(iconv.decode(Buffer.from(b), 'utf-16le')), encoding: 'utf-16le' };

  const validUtf8 = isValidUtf8(b);
  for (const label of [charsetFromContentType(contentType), declaredInXml(b)]) {
    const name = normaliseLabel(label);
    if (!name) continue;
    // A UTF-16 label on bytes that are plainly 8-bit is a copy-paste declaration; ignore it.
    if (name.startsWith('utf-16')) continue;
    if (name === 'utf-8' && !validUtf8) continue;
    return { text: strip(iconv.decode(Buffer.from(b), name)), encoding: name };
  }
  if (validUtf8) return { text: strip(new TextDecoder('utf-8').decode(b)), encoding: 'utf-8' };

  const guess = normaliseLabel(chardet.detect(b) ?? undefined);
  const name = guess && guess !== 'utf-8' && !guess.startsWith('utf-') ? guess : 'windows-1252';
  return { text: strip(iconv.decode(Buffer.from(b), name)), encoding: name };
}
