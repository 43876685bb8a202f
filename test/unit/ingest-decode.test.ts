import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, gunzipIfNeeded } from '../../src/lib/ingest/decode.ts';
import { FeedError } from '../../src/lib/ingest/errors.ts';

const xml = (encoding: string, text: string) =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${text}</title></channel></rss>`;

describe('decodeBody', () => {
  it('honours the encoding in the XML declaration', () => {
    const bytes = iconv.encode(xml('windows-1251', 'Мета обучает ИИ'), 'windows-1251');
    expect(decodeBody(bytes).text).toContain('Мета обучает ИИ');
  });

  it('lets the HTTP charset win over the XML declaration', () => {
    const bytes = iconv.encode(xml('utf-8', 'Café'), 'windows-1252');
    expect(decodeBody(bytes, 'application/rss+xml; charset=ISO-8859-1').text).toContain('Café');
  });

  it('reads ISO-8859-1 as Windows-1252, as browsers do', () => {
    const bytes = iconv.encode(xml('ISO-8859-1', '“quoted” café'), 'windows-1252');
    expect(decodeBody(bytes).text).toContain('“quoted” café');
  });

  it('decodes Shift_JIS, declared or not', () => {
    const declared = iconv.encode(xml('Shift_JIS', 'メタがAIを訓練'), 'shift_jis');
    expect(decodeBody(declared).text).toContain('メタがAIを訓練');
    const undeclared = iconv.encode(
      '<rss><channel><title>メタは利用者の投稿でAIを訓練すると発表した。日本語の記事です。</title></channel></rss>',
      'shift_jis',
    );
    expect(decodeBody(undeclared).text).toContain('日本語の記事です');
  });

  it('follows byte-order marks for UTF-8, UTF-16LE and UTF-16BE and strips them', () => {
    const text = xml('utf-16', 'Überwachung');
    for (const [bom, enc] of [
      [[0xef, 0xbb, 0xbf], 'utf-8'],
      [[0xff, 0xfe], 'utf-16le'],
      [[0xfe, 0xff], 'utf-16be'],
    ] as const) {
      const bytes = Buffer.concat([Buffer.from(bom), iconv.encode(text, enc)]);
      const decoded = decodeBody(bytes);
      expect(decoded.text.startsWith('<?xml'), enc).toBe(true);
      expect(decoded.text).toContain('Überwachung');
    }
  });

  it('recognises UTF-16 without a byte-order mark from the first bytes', () => {
    for (const enc of ['utf-16le', 'utf-16be']) {
      expect(decodeBody(iconv.encode(xml('utf-16', 'ÆØÅ'), enc)).text).toContain('ÆØÅ');
    }
  });

  it('guesses the encoding of undeclared non-UTF-8 bytes', () => {
    const bytes = iconv.encode(
      '<rss><channel><title>Защита персональных данных пользователей и обучение искусственного интеллекта</title></channel></rss>',
      'koi8-r',
    );
    expect(decodeBody(bytes).text).toContain('Защита персональных данных');
  });

  it('does not trust a UTF-8 declaration on bytes that are not UTF-8', () => {
    const bytes = iconv.encode(xml('utf-8', 'São Paulo é ótimo para notícias'), 'latin1');
    expect(decodeBody(bytes).text).toContain('São Paulo');
  });
});

describe('gunzipIfNeeded', () => {
  it('unpacks gzip bytes served without Content-Encoding', () => {
    const packed = gzipSync(Buffer.from('<rss/>'));
    expect(Buffer.from(gunzipIfNeeded(packed, 1000)).toString()).toBe('<rss/>');
  });

  it('refuses to unpack past the size limit', () => {
    const bomb = gzipSync(Buffer.alloc(10_000_000));
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => gunzipIfNeeded(bomb, 1_000_000)).toThrow(FeedError);
    expect(() => gunzipIfNeeded(bomb, 1_000_000)).toThrow(/more than 1000000 bytes/);
  });

  it('leaves other bytes untouched', () => {
    const plain = Buffer.from('<rss/>');
    expect(gunzipIfNeeded(plain, 10)).toBe(plain);
  });
});
