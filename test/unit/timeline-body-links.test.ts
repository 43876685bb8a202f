import { describe, expect, it } from 'vitest';
import { classifyHref } from '../../src/lib/markdown/external-links.ts';

describe('links in entry bodies', () => {
  it('marks links to other sites as external, to get rel="noopener noreferrer"', () => {
    for (const href of ['https://example.org/a', 'http://example.org/', 'HTTPS://EXAMPLE.ORG/'])
      expect(classifyHref(href)).toEqual({ action: 'external' });
  });

  it('unlinks javascript:, data: and other schemes so they render as plain text', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
    ])
      expect(classifyHref(href)).toEqual({ action: 'unlink' });
  });

  it('leaves site-relative links, fragments and missing hrefs alone', () => {
    for (const href of ['/compare/', '#notes', '../entries/x/', undefined, 42])
      expect(classifyHref(href)).toEqual({ action: 'keep' });
  });
});
