/**
 * The build's last step for link previews: once every page is rendered, wait for the cards still
 * being drawn (pool.ts), copy each into the site at its image path, and prune the cards no page
 * uses any more from .cache/og/. The cards are not Astro routes in a build because a route must
 * return its PNG when Astro reaches it, and Astro would then wait on the drawing at that point.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { takeBuildCards } from './pool.ts';
import { pruneCards } from './render.ts';

/** Copies the build's cards into `outDir` and prunes the rest; returns how many of each. */
export async function writeBuildCards(
  outDir: string,
): Promise<{ written: number; pruned: number } | undefined> {
  const cards = takeBuildCards();
  if (!cards) return undefined;
  await cards.finish();
  const used = new Set<string>();
  for (const [image, pending] of cards.files) {
    const file = await pending;
    const target = path.join(outDir, image);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    used.add(path.basename(file));
  }
  return { written: cards.files.size, pruned: pruneCards(used, cards.dir) };
}

export function previewImages(): AstroIntegration {
  return {
    name: 'ai-data-watch:preview-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const t0 = performance.now();
        const done = await writeBuildCards(fileURLToPath(dir));
        if (done)
          logger.info(
            `${done.written} preview images in ${Math.round(performance.now() - t0)} ms after the pages; ${done.pruned} unused cards pruned`,
          );
      },
    },
  };
}
