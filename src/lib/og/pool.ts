/**
 * Preview cards drawn off the main thread. The build asks for every card as soon as the content
 * is loaded; worker threads draw them into .cache/og/ while Astro renders the pages, and the
 * build's last step (integration.ts) copies them into the site. No page waits for a picture.
 *
 * One worker fewer than the machine has cores: Astro renders on the main thread, and a card drawn
 * on its core would only slow the pages down. Whatever is still queued when the pages are done,
 * the main thread draws too. If a worker cannot start or dies, its cards go back in the queue.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardData } from './card.ts';
import { cacheDir, cardFile, storeCard } from './render.ts';

interface Job {
  card: CardData;
  dir: string;
  resolve: (file: string) => void;
  reject: (error: unknown) => void;
}

const started = new Map<string, Promise<string>>();
const queue: Job[] = [];
const idle: Worker[] = [];
const busy = new Map<Worker, Job>();
let workersFailed = false;
let spawned = 0;

function give(w: Worker) {
  const job = queue.shift();
  if (!job) {
    // An idle worker must not keep the build's process alive; a busy one must.
    w.unref();
    idle.push(w);
    return;
  }
  busy.set(w, job);
  w.ref();
  w.postMessage({ card: job.card, dir: job.dir });
}

function spawn(): Worker | undefined {
  const file = path.join(process.cwd(), 'src', 'lib', 'og', 'worker.ts');
  if (!fs.existsSync(file)) return undefined;
  const w = new Worker(file);
  w.on('message', ({ file, error }: { file?: string; error?: string }) => {
    const job = busy.get(w);
    busy.delete(w);
    if (job && file) job.resolve(file);
    else job?.reject(new Error(`drawing the preview card failed: ${error}`));
    give(w);
  });
  const gone = () => {
    const job = busy.get(w);
    busy.delete(w);
    if (idle.includes(w)) idle.splice(idle.indexOf(w), 1);
    workersFailed = true;
    if (job) queue.unshift(job);
    dispatch();
  };
  w.on('error', gone);
  w.on('exit', (code) => code !== 0 && gone());
  return w;
}

function dispatch() {
  if (!workersFailed)
    while (spawned < Math.max(1, os.availableParallelism() - 1) && queue.length) {
      spawned++;
      const w = spawn();
      if (!w) {
        workersFailed = true;
        break;
      }
      give(w);
    }
  while (idle.length && queue.length) give(idle.pop()!);
  if (workersFailed && !busy.size) drainHere();
}

/** Draws the queued cards in this thread, one at a time, until none is left. */
async function drainHere(): Promise<void> {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const work = storeCard(job.card, job.dir);
    work.then(job.resolve, job.reject);
    await work.catch(() => undefined);
  }
}

/** The card's file in `dir`: kept, or being drawn, or queued for a worker now. */
export function cardPath(card: CardData, dir = cacheDir()): Promise<string> {
  const kept = cardFile(card, dir);
  let file = started.get(kept);
  if (file) return file;
  if (fs.existsSync(kept)) file = Promise.resolve(kept);
  else {
    file = new Promise<string>((resolve, reject) => queue.push({ card, dir, resolve, reject }));
    dispatch();
  }
  started.set(kept, file);
  return file;
}

/** The card's PNG (the dev server's image routes). */
export async function cardPng(card: CardData): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(fs.readFileSync(await cardPath(card)));
}

/** What one build drew: each image path's card file, and the way to wait for the rest. */
export interface BuildCards {
  dir: string;
  files: Map<string, Promise<string>>;
  finish: () => Promise<void>;
}

/*
 * Astro runs the pages from a bundle of their own, so integration.ts loads another copy of this
 * module: the build's cards are handed over on a process-wide symbol.
 */
const SHARED = Symbol.for('ai-data-watch.og-cards');
const slot = globalThis as { [SHARED]?: BuildCards };

/** Starts drawing every page's card (by image path), to be written out when the pages are done. */
export function prepareCards(cards: ReadonlyMap<string, CardData>, dir = cacheDir()): void {
  const files = new Map<string, Promise<string>>();
  for (const [image, card] of cards) {
    const file = cardPath(card, dir);
    file.catch(() => undefined);
    files.set(image, file);
  }
  slot[SHARED] = { dir, files, finish: drainHere };
}

/** The cards the build in this process asked for, once: the integration takes them. */
export function takeBuildCards(): BuildCards | undefined {
  const cards = slot[SHARED];
  delete slot[SHARED];
  return cards;
}
