#!/usr/bin/env node
/*
 * Regenerates src/report/wardMap/mapFontData.ts: anti-aliased glyph images of DejaVu Sans (regular
 * and bold, 13 px; bold 17 px) for the ward map's text. Run by hand, only to change the font:
 *
 *   node scripts/buildMapFont.cjs
 *
 * Needs LibreOffice (soffice), poppler (pdftoppm, pdftotext) and the DejaVu fonts installed. Each
 * character is typed into its own spreadsheet cell in the font, LibreOffice prints the sheet to PDF,
 * pdftotext gives each character's advance box and pdftoppm renders the page at four times the
 * target size; each glyph is cut out and averaged down 4 x 4 into a coverage (alpha) bitmap.
 * DejaVu Sans: Bitstream Vera licence with DejaVu's public-domain changes; the images here are
 * text rendered in the font, not the font software.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');

const CHARACTERS = [
  ...Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)),
  '–',
  '—',
  '©',
  '·',
  '×',
  '²',
  '°',
  '£',
  '…',
];
/** Point size typed, and the pixel size wanted: 10 pt -> 13 px is 93.6 dpi. */
const FONTS = [
  { key: 'regular', points: 10, bold: false },
  { key: 'bold', points: 10, bold: true },
  { key: 'title', points: 13, bold: true },
];
const PIXELS_PER_POINT = 1.3;
const OVERSAMPLE = 4;
const PER_ROW = 12;

async function main() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'map-font-'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Glyphs');
  FONTS.forEach((font, fontIndex) => {
    CHARACTERS.forEach((character, index) => {
      const cell = sheet.getCell(1 + fontIndex * 10 + Math.floor(index / PER_ROW), 1 + (index % PER_ROW));
      cell.value = character;
      cell.font = { name: 'DejaVu Sans', size: font.points, bold: font.bold };
    });
  });
  for (let col = 1; col <= PER_ROW; col++) sheet.getColumn(col).width = 5;
  sheet.pageSetup = { paperSize: 9, margins: { left: 0.2, right: 0.2, top: 0.2, bottom: 0.2, header: 0, footer: 0 } };
  const xlsx = path.join(directory, 'glyphs.xlsx');
  await workbook.xlsx.writeFile(xlsx);
  execFileSync('soffice', [
    `-env:UserInstallation=file://${path.join(directory, 'profile')}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    directory,
    xlsx,
  ]);
  const pdf = path.join(directory, 'glyphs.pdf');
  const words = [
    ...execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    xMin: +m[1],
    yMin: +m[2],
    xMax: +m[3],
    yMax: +m[4],
    text: m[5]
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  }));
  // Reading order, row by row: pdftotext's own order may interleave adjacent rows.
  words.sort((a, b) => Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin);
  if (process.env.KEEP) console.log(directory, words.map((w) => w.text).join(''));
  if (words.length !== CHARACTERS.length * FONTS.length)
    throw new Error(`Expected ${CHARACTERS.length * FONTS.length} glyph boxes, found ${words.length}.`);
  const dpi = 72 * PIXELS_PER_POINT * OVERSAMPLE;
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', pdf, path.join(directory, 'page')]);
  const page = readPgm(
    path.join(
      directory,
      fs.readdirSync(directory).find((name) => name.endsWith('.pgm')),
    ),
  );
  const scale = PIXELS_PER_POINT * OVERSAMPLE; // hi-res pixels per point

  const fonts = {};
  FONTS.forEach((font, fontIndex) => {
    const boxes = words.slice(fontIndex * CHARACTERS.length, (fontIndex + 1) * CHARACTERS.length);
    const lineTop = Math.min(...boxes.map((b) => b.yMin));
    const lineHeightPoints = Math.max(...boxes.map((b) => b.yMax - b.yMin));
    const height = Math.ceil(lineHeightPoints * PIXELS_PER_POINT);
    const glyphs = [];
    const alpha = [];
    boxes.forEach((box, index) => {
      if (box.text !== CHARACTERS[index])
        throw new Error(`Glyph ${index}: expected '${CHARACTERS[index]}', found '${box.text}'.`);
      // One target pixel of margin each side for ink beyond the advance box.
      const left = Math.round(box.xMin * scale) - OVERSAMPLE;
      const top = Math.round(box.yMin * scale);
      const width = Math.ceil(((box.xMax - box.xMin) * scale) / OVERSAMPLE) + 2;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          let ink = 0;
          for (let dy = 0; dy < OVERSAMPLE; dy++) {
            for (let dx = 0; dx < OVERSAMPLE; dx++)
              ink += 255 - page.pixel(left + x * OVERSAMPLE + dx, top + y * OVERSAMPLE + dy);
          }
          alpha.push(Math.round(ink / (OVERSAMPLE * OVERSAMPLE)));
        }
      }
      glyphs.push([CHARACTERS[index], +((box.xMax - box.xMin) * PIXELS_PER_POINT).toFixed(2), width]);
      void lineTop;
    });
    fonts[font.key] = { height, glyphs, alpha: Buffer.from(alpha).toString('base64') };
  });

  const out = path.join(__dirname, '..', 'src', 'report', 'wardMap', 'mapFontData.ts');
  const body = Object.entries(fonts)
    .map(
      ([key, font]) =>
        `  ${key}: {\n    height: ${font.height},\n    glyphs: ${JSON.stringify(font.glyphs)},\n    alpha:\n      '${font.alpha}',\n  },`,
    )
    .join('\n');
  fs.writeFileSync(
    out,
    `/* Generated by scripts/buildMapFont.cjs from DejaVu Sans: do not edit by hand. */
import type { MapFontData } from './mapFont';

/** Per font: line height in pixels; per glyph [character, advance in pixels, bitmap width]; the bitmaps' coverage (0-255), base64, glyph after glyph. */
export const MAP_FONT_DATA: Readonly<Record<'regular' | 'bold' | 'title', MapFontData>> = {
${body}
};
`,
  );
  if (!process.env.KEEP) fs.rmSync(directory, { recursive: true, force: true });
  console.log(`Wrote ${out}`);
}

/** A binary PGM (P5) image: its pixel at (x, y), white outside it. */
function readPgm(file) {
  const bytes = fs.readFileSync(file);
  const header = bytes.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  const [, width, height] = header.map(Number);
  const offset = header[0].length;
  return { pixel: (x, y) => (x < 0 || y < 0 || x >= width || y >= height ? 255 : bytes[offset + y * width + x]) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
