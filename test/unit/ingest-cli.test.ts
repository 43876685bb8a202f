import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/lib/ingest/cli.ts';

const parse = (...argv: string[]) => parseCli(argv, '/repo/content', '/repo');

describe('parseCli', () => {
  it('defaults to the content folder, with the health report next to the articles', () => {
    expect(parse()).toEqual({
      help: false,
      options: {
        feeds: '/repo/content/feeds.yaml',
        out: '/repo/content/articles',
        state: '/repo/.ingest-state.json',
        health: '/repo/content/feeds-health.json',
      },
    });
  });

  it('resolves given paths against the working folder and moves the health report with --out', () => {
    expect(parse('--feeds', 'f.yaml', '--out', '/tmp/x/articles', '--state', 's.json')).toEqual({
      help: false,
      options: {
        feeds: '/repo/f.yaml',
        out: '/tmp/x/articles',
        state: '/repo/s.json',
        health: '/tmp/x/feeds-health.json',
      },
    });
    expect(parse('--health=h.json')).toMatchObject({ options: { health: '/repo/h.json' } });
  });

  it('refuses unknown flags, stray arguments and empty paths', () => {
    expect(parse('--feed', 'x')).toEqual({
      error: expect.stringMatching(/Unknown option '--feed'/),
    });
    expect(parse('extra')).toEqual({ error: expect.stringMatching(/Unexpected argument 'extra'/) });
    expect(parse('--out', '')).toEqual({ error: '--out needs a path' });
    expect(parse('--out')).toEqual({ error: expect.stringMatching(/--out/) });
  });

  it('recognises --help', () => {
    expect(parse('--help')).toEqual({ help: true });
  });
});
