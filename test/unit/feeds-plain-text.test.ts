import { describe, expect, it } from 'vitest';
import { plainLine } from '../../src/lib/feeds/plain-text.ts';

describe('plainLine', () => {
  it('collapses whitespace, line breaks included, into single spaces', () => {
    expect(plainLine('  Meta\n\tpauses   training  ')).toBe('Meta pauses training');
  });

  it('drops the characters XML refuses but keeps emoji and accented letters', () => {
    expect(plainLine('A\u0000u\u0007t\u000Bo\uFFFEr\uD800ité 😀')).toBe('Autorité 😀');
  });

  it('leaves text that fits alone', () => {
    expect(plainLine('abc', 3)).toBe('abc');
  });

  it('cuts long text at a word and marks the cut, staying within the limit', () => {
    const out = plainLine('one two three four five', 15);
    expect(out).toBe('one two three…');
    expect([...out].length).toBeLessThanOrEqual(15);
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(plainLine('Meta pauses, then resumes AI training', 14)).toBe('Meta pauses…');
  });

  it('cuts inside a word when the last space is too far back to use', () => {
    expect(plainLine('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(plainLine('ab cdefghijklmnopqrstuvwxyz', 10)).toBe('ab cdefgh…');
  });

  it('counts and cuts by character, never splitting an emoji', () => {
    expect(plainLine('😀'.repeat(20), 5)).toBe('😀😀😀😀…');
  });
});
