import { describe, expect, it } from 'vitest';
import { classifyHref, externalLinksPlugin } from '../../src/lib/markdown/external-links.ts';

/** Runs the plugin on one link the way the Markdown processor would, returning its properties. */
function visit(href: string): Record<string, unknown> {
  const node = { properties: { href } as Record<string, unknown> };
  externalLinksPlugin.element.visit(node, {
    setProperty: (n, key, value) => {
      if (value === null) delete n.properties![key];
      else n.properties![key] = value;
    },
  });
  return node.properties;
}

describe('links in entry bodies', () => {
  it('gives links to other sites rel="noopener noreferrer"', () => {
    expect(visit('https://example.org/a')).toEqual({
      href: 'https://example.org/a',
      rel: ['noopener', 'noreferrer'],
    });
    expect(classifyHref('HTTP://example.org/')).toEqual({ action: 'external' });
  });

  it('turns a javascript: or data: link into plain text', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x']) {
      expect(visit(href)['href']).toBeUndefined();
    }
  });

  it('leaves site-relative links and fragments alone', () => {
    for (const href of ['/compare/', '#notes', '../entries/x/']) {
      expect(visit(href)).toEqual({ href });
    }
  });

  it('applies only to <a> elements', () => {
    expect(externalLinksPlugin.element.filter).toEqual(['a']);
  });
});
