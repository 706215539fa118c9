import { MAP_FONT_DATA } from './mapFontData';
import type { Raster, Rgb } from './raster';

/**
 * Anti-aliased, proportional text for the ward map: DejaVu Sans rendered once into coverage
 * bitmaps (scripts/buildMapFont.cjs), blended onto the raster, so labels print as crisply as the
 * sheet's own text. Pure: no font engine, no canvas; runs in Node and browsers.
 */

/** One font: its line height, each glyph as [character, advance in pixels, bitmap width], and the bitmaps' coverage, base64. */
export interface MapFontData {
  readonly height: number;
  readonly glyphs: readonly (readonly [string, number, number])[];
  readonly alpha: string;
}

export type MapFontName = keyof typeof MAP_FONT_DATA;

interface Glyph {
  readonly advance: number;
  readonly width: number;
  /** Offset of the glyph's bitmap in the font's coverage bytes. */
  readonly offset: number;
}

interface LoadedFont {
  readonly height: number;
  readonly glyphs: ReadonlyMap<string, Glyph>;
  readonly alpha: Uint8Array;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 to bytes, without Buffer or atob (neither is everywhere the report runs). */
function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const character of clean) {
    value = (value << 6) | BASE64.indexOf(character);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}

const loaded = new Map<MapFontName, LoadedFont>();

function fontNamed(name: MapFontName): LoadedFont {
  const cached = loaded.get(name);
  if (cached) return cached;
  const data = MAP_FONT_DATA[name];
  const glyphs = new Map<string, Glyph>();
  let offset = 0;
  for (const [character, advance, width] of data.glyphs) {
    glyphs.set(character, { advance, width, offset });
    offset += width * data.height;
  }
  const font = { height: data.height, glyphs, alpha: decodeBase64(data.alpha) };
  loaded.set(name, font);
  return font;
}

/** Characters the font lacks are drawn as their nearest plain form, else '?'. */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '−': '-',
  é: 'e',
  è: 'e',
  ô: 'o',
};

function glyphFor(font: LoadedFont, character: string): Glyph | undefined {
  return font.glyphs.get(character) ?? font.glyphs.get(SUBSTITUTES[character] ?? '') ?? font.glyphs.get('?');
}

/** Width of a space: the font has no space glyph (its advance is about a third of its height). */
const spaceAdvance = (font: LoadedFont) => Math.round(font.height * 0.27);

/** The line height of a font, in pixels. */
export function mapTextHeight(font: MapFontName = 'regular'): number {
  return fontNamed(font).height;
}

/** The width in pixels of `text` set in `font`. */
export function measureMapText(text: string, font: MapFontName = 'regular'): number {
  const loadedFont = fontNamed(font);
  let width = 0;
  for (const character of text)
    width += character === ' ' ? spaceAdvance(loadedFont) : (glyphFor(loadedFont, character)?.advance ?? 0);
  return Math.ceil(width);
}

/** Blends `color` over one pixel with coverage `alpha` (0-255); outside the raster, nothing. */
function blend(raster: Raster, x: number, y: number, color: Rgb, alpha: number): void {
  if (alpha <= 0 || x < 0 || y < 0 || x >= raster.width || y >= raster.height) return;
  const offset = (y * raster.width + x) * 3;
  const a = alpha / 255;
  for (let channel = 0; channel < 3; channel++)
    raster.data[offset + channel] = Math.round(raster.data[offset + channel] * (1 - a) + color[channel] * a);
}

function drawRun(raster: Raster, text: string, x: number, y: number, color: Rgb, font: LoadedFont): void {
  let pen = x;
  for (const character of text) {
    if (character === ' ') {
      pen += spaceAdvance(font);
      continue;
    }
    const glyph = glyphFor(font, character);
    if (!glyph) continue;
    // The bitmap has one pixel of margin left of the advance box.
    const left = Math.round(pen) - 1;
    for (let row = 0; row < font.height; row++) {
      for (let col = 0; col < glyph.width; col++)
        blend(raster, left + col, y + row, color, font.alpha[glyph.offset + row * glyph.width + col]);
    }
    pen += glyph.advance;
  }
}

/**
 * Draws `text` with the top-left of its line box at (x, y), clipped to the raster; with `halo`,
 * first a one-pixel outline in that colour, so a label stays legible over any fill. Returns the
 * width drawn.
 */
export function drawMapText(
  raster: Raster,
  text: string,
  x: number,
  y: number,
  color: Rgb,
  options: { font?: MapFontName; halo?: Rgb } = {},
): number {
  const font = fontNamed(options.font ?? 'regular');
  if (options.halo) {
    for (const [dx, dy] of [
      [-1, -1],
      [0, -1],
      [1, -1],
      [-1, 0],
      [1, 0],
      [-1, 1],
      [0, 1],
      [1, 1],
    ])
      drawRun(raster, text, x + dx, y + dy, options.halo, font);
  }
  drawRun(raster, text, x, y, color, font);
  return measureMapText(text, options.font);
}
