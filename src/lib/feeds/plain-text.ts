/**
 * Text that leaves the site in feeds, calendars and exports. Titles and summaries of ingested
 * articles come from other people's feeds, so they are cleaned again on the way out: characters XML
 * forbids are dropped and lengths are bounded, whatever ingest let through.
 */

// C0 controls other than tab, newline and carriage return, DEL, C1 controls, lone surrogates and
// the two non-characters XML 1.0 refuses.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of plain text: forbidden characters dropped, whitespace collapsed, at most `max` characters. */
export function plainLine(s: string, max = 300): string {
  return truncate(s.replace(FORBIDDEN, '').replace(/\s+/g, ' ').trim(), max);
}

/** Cuts at a word boundary and marks the cut with an ellipsis. */
function truncate(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML element content and attribute values. */
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/**
 * RSS readers render an item's description as HTML. Plain text that merely mentions `<script>` or
 * `&amp;` is escaped once for HTML here (and once more for XML by the serialiser) so readers show
 * it as written and never run it.
 */
export const htmlSafeText = (s: string) => s.replace(/[&<>]/g, (c) => XML_ESCAPES[c]!);

/** YYYY-MM-DD → "3 November 2024" (UTC, English), as readers in any time zone should see it. */
export function longDate(day: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}
