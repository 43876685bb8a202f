import { describe, expect, it } from 'vitest';
import { capLength, plainText } from '../../src/lib/ingest/text.ts';

describe('plainText', () => {
  it('strips tags and drops script and style contents entirely', () => {
    expect(
      plainText('<p>Hello <b>world</b></p><script>alert(1)</script><style>p{color:red}</style>'),
    ).toBe('Hello world');
  });

  it('removes event-handler attributes along with their tags', () => {
    expect(
      plainText('<img src=x onerror="alert(1)">Caption <a href="#" onclick="x()">link</a>'),
    ).toBe('Caption link');
  });

  it('decodes entities and collapses whitespace', () => {
    expect(plainText('AT&amp;T &eacute;t&eacute;\n\n  &nbsp;and&#x20;&quot;more&quot;')).toBe(
      'AT&T été and "more"',
    );
  });

  it('strips markup that was escaped twice', () => {
    expect(plainText('&lt;script&gt;alert(1)&lt;/script&gt;Safe &lt;b&gt;text&lt;/b&gt;')).toBe(
      'Safe text',
    );
    expect(plainText('&amp;lt;img src=x onerror=alert(1)&amp;gt;Hi')).toBe('Hi');
  });

  it('keeps words apart where block tags separated them', () => {
    expect(plainText('<p>One</p><p>Two<br>Three</p><ul><li>Four</li></ul>Fi<b>ve</b>')).toBe(
      'One Two Three Four Five',
    );
  });

  it('keeps a lone less-than sign that is not markup', () => {
    expect(plainText('prices < 5 euros & > 2')).toBe('prices < 5 euros & > 2');
  });

  it('turns C1 control characters from mis-decoded Windows-1252 into the intended punctuation', () => {
    expect(plainText('Meta\u0092s plan')).toBe('Meta’s plan');
  });

  it('flattens parsed XML nodes and ignores their attributes', () => {
    expect(plainText({ $: { type: 'xhtml' }, div: [{ _: 'Inline', b: ['bold'] }] })).toBe(
      'Inline bold',
    );
    expect(plainText(undefined)).toBe('');
    expect(plainText(42)).toBe('42');
  });
});

describe('capLength', () => {
  it('leaves short text alone', () => {
    expect(capLength('short', 10)).toBe('short');
  });

  it('cuts at a word boundary and marks the cut', () => {
    const cut = capLength('one two three four five six seven', 20);
    expect(cut).toBe('one two three four…');
    expect([...cut].length).toBeLessThanOrEqual(20);
  });

  it('counts characters, not UTF-16 units', () => {
    expect([...capLength('😀'.repeat(50), 10)].length).toBe(10);
  });
});
