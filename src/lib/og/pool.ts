/**
 * Preview cards drawn off the main thread. The build asks for every card as soon as the content
 * is loaded, and a worker thread draws them while Astro renders the HTML pages, so on a machine
 * with a second core the pictures add little to the build's wall time. A kept card (.cache/og/)
 * is read here directly; if the worker cannot start or fails, cards are drawn in this thread.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardData } from './card.ts';
import { cacheDir, cardKey, renderCard } from './render.ts';

type Png = Uint8Array<ArrayBuffer>;
interface Job {
  card: CardData;
  resolve: (png: Png) => void;
  reject: (error: unknown) => void;
}

const started = new Map<string, Promise<Png>>();
const waiting = new Map<string, Job>();
let worker: Worker | undefined;
let workerFailed = false;

/** Hands the waiting cards to this thread when the worker is gone. */
function drawHere() {
  for (const [key, job] of waiting) {
    waiting.delete(key);
    renderCard(job.card).then(job.resolve, job.reject);
  }
}

function startWorker(): Worker | undefined {
  if (worker || workerFailed) return worker;
  const file = path.join(process.cwd(), 'src', 'lib', 'og', 'worker.ts');
  if (!fs.existsSync(file)) {
    workerFailed = true;
    return undefined;
  }
  const w = new Worker(file);
  w.on('message', ({ key, png, error }: { key: string; png?: Png; error?: string }) => {
    const job = waiting.get(key);
    if (!job) return;
    waiting.delete(key);
    if (png) job.resolve(png);
    else job.reject(new Error(`drawing the preview card failed: ${error}`));
    // An idle worker must not keep the build's process alive; a busy one must.
    if (!waiting.size) w.unref();
  });
  const fail = () => {
    workerFailed = true;
    worker = undefined;
    drawHere();
  };
  w.on('error', fail);
  w.on('exit', (code) => code !== 0 && fail());
  worker = w;
  return w;
}

/** The card's PNG: kept, or being drawn, or drawn now by the worker. */
export function cardPng(card: CardData): Promise<Png> {
  const key = cardKey(card);
  let png = started.get(key);
  if (png) return png;
  const kept = path.join(cacheDir(), `${key}.png`);
  if (fs.existsSync(kept)) png = Promise.resolve(new Uint8Array(fs.readFileSync(kept)));
  else {
    const w = startWorker();
    png = w
      ? new Promise<Png>((resolve, reject) => {
          waiting.set(key, { card, resolve, reject });
          w.ref();
          w.postMessage({ key, card });
        })
      : renderCard(card);
  }
  started.set(key, png);
  return png;
}

/** Starts drawing every card, so they are ready by the time their routes are built. */
export function prepareCards(cards: Iterable<CardData>): void {
  for (const card of cards) cardPng(card).catch(() => undefined);
}
