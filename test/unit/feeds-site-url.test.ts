import { describe, expect, it } from 'vitest';
import { requireSite } from '../../src/lib/feeds/site-url.ts';

describe('requireSite', () => {
  it('stops a build without a site address, saying where to set one', () => {
    expect(() => requireSite(undefined)).toThrow(/astro\.config\.mjs has no `site`.*SITE_URL/);
  });

  it('passes the configured address through', () => {
    const site = new URL('https://aidatawatch.org/');
    expect(requireSite(site)).toBe(site);
  });
});
