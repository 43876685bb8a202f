/**
 * The conditional-GET memory: each feed's ETag and Last-Modified from its last good fetch. Losing
 * it costs one full download per feed, never an article, so a damaged file is set aside, not fatal.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic.ts';
import type { Validators } from './fetch.ts';

const feedStateSchema = z.object({
  /** The feed URL the validators belong to; a changed URL starts afresh. */
  url: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** When these validators were last stored, ISO 8601. */
  updatedAt: z.string(),
});

export const ingestStateSchema = z.object({
  version: z.literal(1),
  feeds: z.record(z.string(), feedStateSchema),
});
export type IngestState = z.output<typeof ingestStateSchema>;

export const emptyState = (): IngestState => ({ version: 1, feeds: {} });

/** Reads the state file; a missing one is empty, an unreadable one is empty with a warning. */
export function readState(file: string): { state: IngestState; warning?: string } {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState() };
    return {
      state: emptyState(),
      warning: `${file}: cannot be read (${(e as Error).message}); fetching every feed in full`,
    };
  }
  try {
    const parsed = ingestStateSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { state: parsed.data };
  } catch {
    /* reported below */
  }
  return {
    state: emptyState(),
    warning: `${file}: not a valid state file; fetching every feed in full`,
  };
}

/** The validators to send for a feed, if we hold some for this very URL. */
export function validatorsFor(state: IngestState, id: string, url: string): Validators {
  const entry = state.feeds[id];
  if (!entry || entry.url !== url) return {};
  return {
    ...(entry.etag ? { etag: entry.etag } : {}),
    ...(entry.lastModified ? { lastModified: entry.lastModified } : {}),
  };
}

export function writeState(file: string, state: IngestState): void {
  const ids = Object.keys(state.feeds).sort();
  const sorted = {
    version: state.version,
    feeds: Object.fromEntries(ids.map((id) => [id, state.feeds[id]])),
  };
  writeFileAtomic(file, `${JSON.stringify(sorted, null, 2)}\n`);
}
