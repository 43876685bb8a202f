import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/lib/ingest/cli.ts';
import { inShard, parseShard, shardOf } from '../../src/lib/ingest/shard.ts';

const ids = Array.from({ length: 400 }, (_, i) => `feed-${i}`);

describe('--shard K/N', () => {
  it('reads K/N and refuses anything else with a message naming the flag', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toEqual({ error: '--shard 0/4: K must be between 1 and N (4)' });
    expect(parseShard('5/4')).toEqual({ error: '--shard 5/4: K must be between 1 and N (4)' });
    expect(parseShard('1/0')).toEqual({ error: '--shard 1/0: N must be between 1 and 64' });
    expect(parseShard('two')).toEqual({ error: '--shard takes K/N, e.g. --shard 2/4 (got "two")' });
    const parsed = parseCli(['--shard', '3/8'], '/c', '/w');
    expect('options' in parsed && parsed.options.shard).toEqual({ index: 3, count: 8 });
    expect(parseCli(['--shard', '9/8'], '/c', '/w')).toEqual({
      error: '--shard 9/8: K must be between 1 and N (8)',
    });
  });

  it('puts every feed in exactly one of the N shares', () => {
    for (const n of [1, 2, 3, 4, 7]) {
      for (const id of ids) {
        const owners = Array.from({ length: n }, (_, k) => k + 1).filter((k) =>
          inShard(id, { index: k, count: n }),
        );
        expect(owners).toEqual([shardOf(id, n)]);
      }
    }
  });

  it('shares the feeds out roughly evenly', () => {
    const sizes = [1, 2, 3, 4].map((k) => ids.filter((id) => shardOf(id, 4) === k).length);
    for (const size of sizes) expect(size).toBeGreaterThan(70);
  });
});
