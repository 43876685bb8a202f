/** The worker thread that draws preview cards (see pool.ts): a card in, its PNG out. */
import { parentPort } from 'node:worker_threads';
import type { CardData } from './card.ts';
import { renderCard } from './render.ts';

parentPort!.on('message', async ({ key, card }: { key: string; card: CardData }) => {
  try {
    const png = await renderCard(card);
    parentPort!.postMessage({ key, png }, [png.buffer]);
  } catch (error) {
    parentPort!.postMessage({ key, error: String(error) });
  }
});
