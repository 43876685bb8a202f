/**
 * A card to PNG: satori lays it out as SVG with Noto Sans (the site's type stack names it; the
 * font files come from @fontsource/noto-sans, never fetched) and resvg's WebAssembly build
 * rasterises it, so no native per-platform package is involved.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import satori from 'satori';
import { CARD, cardElement, type CardData } from './card.ts';

// Resolved from the project, not this module: Astro bundles this file somewhere else at build.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const read = (id: string) => fs.readFileSync(require.resolve(id));

let ready: Promise<{ fonts: Parameters<typeof satori>[1]['fonts'] }> | undefined;

function setup() {
  ready ??= (async () => {
    await initWasm(read('@resvg/resvg-wasm/index_bg.wasm'));
    const font = (weight: 400 | 700) => ({
      name: 'Noto Sans',
      data: read(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`),
      weight,
      style: 'normal' as const,
    });
    return { fonts: [font(400), font(700)] };
  })();
  return ready;
}

export async function renderCard(card: CardData): Promise<Uint8Array> {
  const { fonts } = await setup();
  const svg = await satori(cardElement(card) as Parameters<typeof satori>[0], {
    width: CARD.width,
    height: CARD.height,
    fonts,
  });
  return new Resvg(svg, { fitTo: { mode: 'width', value: CARD.width } }).render().asPng();
}
