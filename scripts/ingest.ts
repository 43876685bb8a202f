/**
 * `npm run ingest`: pull the feeds, store new relevant articles, report each feed's health.
 *
 * The run happens on a worker thread with a capped young generation. Left alone, V8 doubles the
 * young generation up to its maximum once enough objects outlive a scavenge (the parse trees of
 * feeds in flight, the articles waiting for story clustering, clustering's word vectors all do),
 * and the pages it commits stay resident: 70 to 100 MB of a 280 MB peak on the benchmark. A small
 * young generation costs more, cheaper scavenges; the run is not measurably slower.
 *
 * The old generation is let grow by a fifth after each full collection, where V8 would otherwise
 * grow it by up to four times while the articles of a cold run pile up. Unlike a cap, this cannot
 * make a larger run fail: the heap still grows as far as it must, only in smaller steps. On the
 * benchmark it takes the cold run's peak from about 300 MB to about 245 MB.
 */
import v8 from 'node:v8';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/** Megabytes for both semi-spaces and the rest of the young generation together. */
const YOUNG_GENERATION_MB = 8;
/** How much the old generation may grow after a full collection, in per cent. */
const HEAP_GROWING_PERCENT = 20;

if (isMainThread) {
  // V8 flags are the process's; set before the worker's heap exists, this one shapes it.
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { argv: process.argv.slice(2) },
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  worker.on('error', (e: unknown) => {
    console.error(
      `ingest: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    process.exitCode = 1;
  });
  worker.on('exit', (code) => {
    process.exitCode ||= code;
  });
} else {
  const { ingestCommand } = await import('../src/lib/ingest/command.ts');
  process.exitCode = await ingestCommand((workerData as { argv: string[] }).argv);
}
