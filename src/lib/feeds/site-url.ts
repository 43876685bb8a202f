/** Feeds, calendars and exports need absolute URLs, so a build without a `site` must stop. */
export function requireSite(site: URL | undefined): URL {
  if (!site) {
    throw new Error(
      'astro.config.mjs has no `site`: feeds, calendars and the data export need the public address. Set SITE_URL or `site`.',
    );
  }
  return site;
}
