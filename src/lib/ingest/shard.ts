/**
 * `--shard K/N`: the K-th of N stable shares of the feeds, for a CI matrix. A feed's share comes
 * from a hash of its id, so it stays put when other feeds are added, removed or reordered.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Most shards a run may be split into: more would leave most of them without a feed. */
export const MAX_SHARDS = 64;

export function parseShard(text: string): Shard | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return { error: `--shard takes K/N, e.g. --shard 2/4 (got "${text}")` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS)
    return { error: `--shard ${text}: N must be between 1 and ${MAX_SHARDS}` };
  if (index < 1 || index > count)
    return { error: `--shard ${text}: K must be between 1 and N (${count})` };
  return { index, count };
}

/** Which share (1-based) of `count` the feed with this id belongs to. */
export function shardOf(feedId: string, count: number): number {
  return (createHash('sha256').update(feedId).digest().readUInt32BE(0) % count) + 1;
}

export const inShard = (feedId: string, shard: Shard | undefined) =>
  !shard || shardOf(feedId, shard.count) === shard.index;
