/**
 * A card to PNG: satori lays it out as SVG with Noto Sans (the site's type stack names it; the
 * font files come from @fontsource/noto-sans, never fetched), its text as outlines, and sharp
 * (libvips) rasterises and encodes it. satori needs no system font, so neither does sharp.
 *
 * Drawing still costs ~18 ms of CPU a card, and the cards change only when entries or the
 * taxonomy do, not with each ingest, so each PNG is kept under .cache/og/ by a hash of
 * everything that shapes it: the card's element tree and the layout's, rasteriser's and font's
 * versions. Old cards are pruned after each build (pruneCards).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { createFileAtomic, isLiveTemp, syncFolder } from '../ingest/atomic.ts';
import { CARD, cardElement, type CardData } from './card.ts';

// Resolved from the project, not this module: Astro bundles this file somewhere else at build.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const read = (id: string) => fs.readFileSync(require.resolve(id));
/** An installed package's version, read from its package.json next to the file it exports. */
function version(pkg: string, file: string): string {
  for (let dir = path.dirname(require.resolve(`${pkg}/${file}`)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<
        string,
        string
      >;
      if (name === pkg) return `${pkg}@${version}`;
    }
    if (dir === path.dirname(dir)) return pkg;
  }
}

/**
 * The folder cards are kept in between builds (git-ignored). A build from another content tree
 * (AIDW_CONTENT_DIR, used by tests) keeps its own, so pruning after it leaves the site's cards be.
 */
export function cacheDir(): string {
  const content = process.env['AIDW_CONTENT_DIR'];
  if (!content) return path.join(process.cwd(), '.cache', 'og');
  const tree = crypto.createHash('sha256').update(path.resolve(content)).digest('hex');
  return path.join(os.tmpdir(), 'aidw-og-cache', tree.slice(0, 16));
}

type Fonts = Parameters<typeof satori>[1]['fonts'];
let fonts: Fonts | undefined;

/** One array for every card: satori keeps the parsed fonts only for the same array. */
function loadFonts(): Fonts {
  const font = (weight: 400 | 700) => ({
    name: 'Noto Sans',
    data: read(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`),
    weight,
    style: 'normal' as const,
  });
  fonts ??= [font(400), font(700)];
  return fonts;
}

let renderer: string | undefined;

/** The cache key: a card renders the same only with the same tree, renderer and font. */
export function cardKey(card: CardData): string {
  renderer ??= [
    version('satori', 'package.json'),
    `sharp@${sharp.versions.sharp} libvips@${sharp.versions.vips} librsvg@${sharp.versions.rsvg ?? '?'}`,
    version('@fontsource/noto-sans', 'files/noto-sans-latin-400-normal.woff'),
  ].join(' ');
  return crypto
    .createHash('sha256')
    .update(renderer)
    .update(JSON.stringify(cardElement(card)))
    .digest('hex')
    .slice(0, 32);
}

async function draw(card: CardData): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await satori(cardElement(card) as Parameters<typeof satori>[0], {
    width: CARD.width,
    height: CARD.height,
    fonts: loadFonts(),
  });
  // A copy: sharp's Buffer may sit in a shared pool, which cannot be moved to another thread.
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** Where the card is kept: its key names the file, so a changed card gets a new one. */
export const cardFile = (card: CardData, dir = cacheDir()) =>
  path.join(dir, `${cardKey(card)}.png`);

/**
 * Draws the card into `dir` unless it is kept there already, and returns its file. The PNG takes
 * its name only once whole (temp file, then link), so a build killed mid-write leaves the card
 * that was there or none, never half a picture that the next build would reuse.
 */
export async function storeCard(card: CardData, dir = cacheDir()): Promise<string> {
  const file = cardFile(card, dir);
  if (!fs.existsSync(file)) createFileAtomic(file, await draw(card), { deferFolderSync: true });
  return file;
}

/** The card's PNG, drawn now unless kept. */
export async function renderCard(
  card: CardData,
  dir = cacheDir(),
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(fs.readFileSync(await storeCard(card, dir)));
}

/**
 * Removes every kept card but those in `keep` (file names), and temp files no running build is
 * writing, so the folder holds what the last build used rather than every card ever drawn.
 */
export function pruneCards(keep: ReadonlySet<string>, dir = cacheDir()): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (keep.has(name) || isLiveTemp(name)) continue;
    fs.rmSync(path.join(dir, name), { force: true, recursive: true });
    removed++;
  }
  syncFolder(dir);
  return removed;
}
