/**
 * Feed text to plain text. Titles and summaries arrive as HTML of any quality (escaped once,
 * twice, or not at all); what we store must be text a page can print as-is.
 */
import sanitizeHtml from 'sanitize-html';

/** Longest input handed to the sanitiser: bounds the work one hostile item can cause. */
const MAX_INPUT = 200_000;

/** Windows-1252 characters that UTF-8 feeds often carry mis-decoded as C1 controls (U+0080–U+009F). */
const C1_AS_1252: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  // Their contents are code or form data, never prose.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'svg', 'math'],
};

/**
 * Flattens what the XML parser hands over (a string, a node with text in `_`, nested inline
 * xhtml) into one string. Attributes (`$`) are never text.
 */
export function flattenText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(flattenText).join(' ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== '$')
      .map(([, v]) => flattenText(v))
      .join(' ');
  }
  return '';
}

const TAG_LIKE = /<[a-zA-Z/!?]/;
/** Tags that separate words visually; stripping them must leave a space, not glue words. */
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|pre|figure|figcaption|dd|dt)\b[^>]*>/gi;
const ENTITY_LIKE = /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

/** Markup stripped (script and style contents too), entities decoded, whitespace collapsed. */
export function plainText(value: unknown): string {
  let text = flattenText(value).slice(0, MAX_INPUT);
  text = text.replace(/[\u0080-\u009f]/g, (c) => C1_AS_1252[c.charCodeAt(0)] ?? '');
  // Markup escaped twice or thrice survives one pass as literal tags or entities; a few passes
  // reach plain text.
  for (let pass = 0; pass < 4; pass++) {
    text = sanitizeHtml(text.replace(BLOCK_TAG, ' $&'), SANITIZE)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    if (!TAG_LIKE.test(text) && !ENTITY_LIKE.test(text)) break;
  }
  if (TAG_LIKE.test(text)) text = text.replace(/</g, '‹');
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts to at most `max` characters, at a word boundary when one is near, marking the cut with …. */
export function capLength(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const head = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}
