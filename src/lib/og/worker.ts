/** The worker thread that draws preview cards (see pool.ts): a card in, its kept file's path out. */
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import type { CardData } from './card.ts';
import { storeCard } from './render.ts';

// One libvips thread, so a card takes this worker's core and not the one Astro renders pages on;
// no operation cache, since every card is drawn once and a cached result would only hold memory.
sharp.concurrency(1);
sharp.cache(false);

parentPort!.on('message', async ({ card, dir }: { card: CardData; dir: string }) => {
  try {
    parentPort!.postMessage({ file: await storeCard(card, dir) });
  } catch (error) {
    parentPort!.postMessage({ error: String(error) });
  }
});
