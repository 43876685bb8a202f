/** Link previews: each entry, company and region page names an og:image that is a 1200×630 PNG. */
import { describe, expect, inject, it } from 'vitest';
import { loadSiteContent } from './site-content.ts';

const baseUrl = inject('baseUrl');
const content = loadSiteContent();
const entries = content.items.filter((i) => i.type === 'entry');

const meta = (html: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];

async function preview(path: string) {
  const html = await (await fetch(baseUrl + path)).text();
  const image = meta(html, 'og:image');
  expect(image, `${path} has an og:image`).toBeDefined();
  const res = await fetch(baseUrl + new URL(image!).pathname);
  expect(res.status, image).toBe(200);
  const png = new Uint8Array(await res.arrayBuffer());
  const view = new DataView(png.buffer);
  return {
    html,
    image: new URL(image!).pathname,
    signature: String.fromCharCode(...png.slice(1, 4)),
    size: [view.getUint32(16), view.getUint32(20)],
    alt: meta(html, 'og:image:alt') ?? '',
    card: meta(html, 'twitter:card'),
  };
}

describe('link previews', () => {
  const pages = [
    ...entries.map((e) => e.href),
    ...content.companies.map((c) => `/companies/${c.id}/`),
    ...content.regions.map((r) => `/regions/${r.code.toLowerCase()}/`),
  ];

  it(`gives each of the ${pages.length} entry, company and region pages its own 1200×630 PNG`, async () => {
    const images = new Set<string>();
    for (const path of pages) {
      const p = await preview(path);
      expect(p.signature, p.image).toBe('PNG');
      expect(p.size, p.image).toEqual([1200, 630]);
      expect(p.card).toBe('summary_large_image');
      images.add(p.image);
    }
    expect(images.size).toBe(pages.length);
  });

  it('describes in the alt text what the picture shows', async () => {
    const entry = entries.find(
      (e) => e.id === '2024-09-18-linkedin-opts-members-into-ai-training',
    )!;
    const e = await preview(entry.href);
    expect(e.alt).toContain(entry.title);
    expect(e.alt).toContain('18 September 2024');
    const c = await preview('/companies/linkedin/');
    expect(c.alt).toMatch(/^LinkedIn\. Company\. Global: Trains by default; EU: /);
  });
});
