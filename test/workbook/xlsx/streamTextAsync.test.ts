import { zipSync } from 'fflate';
import { ZipArchive, XlsxReadError } from '../../../src/workbook/xlsx/zipArchive';

/**
 * The async streaming of a part (inflated by Node's zlib on its thread pool) gives the text the
 * synchronous streaming gives, whatever falls on a chunk's edge, and names the part when its
 * deflated data is damaged.
 */

/** About 6 MB of text with characters of 1 to 4 UTF-8 bytes throughout, so some fall across chunk edges. */
function bigText(): string {
  const pieces: string[] = [];
  for (let i = 0; i < 200_000; i += 1) pieces.push(`<c r="A${i}"><v>é${i}€😀&amp;</v></c>`);
  return `<sheetData>${pieces.join('')}</sheetData>`;
}

async function streamed(archive: ZipArchive, part: string): Promise<string[]> {
  const chunks: string[] = [];
  await archive.streamTextAsync(part, (text) => chunks.push(text));
  return chunks;
}

describe('ZipArchive.streamTextAsync', () => {
  const text = bigText();
  const zip = zipSync({
    'deflated.xml': [new TextEncoder().encode(text), { level: 6 }],
    'stored.xml': [new TextEncoder().encode('<a>stored ✓</a>'), { level: 0 }],
    'empty.xml': [new Uint8Array(0), { level: 6 }],
  });

  it('gives the whole text, in several chunks, as the synchronous streaming does', async () => {
    const archive = new ZipArchive(zip);
    const chunks = await streamed(archive, 'deflated.xml');
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(text);
    const sync: string[] = [];
    archive.streamText('deflated.xml', (chunk) => sync.push(chunk));
    expect(chunks.join('')).toBe(sync.join(''));
  });

  it('reads stored and empty parts', async () => {
    const archive = new ZipArchive(zip);
    expect((await streamed(archive, 'stored.xml')).join('')).toBe('<a>stored ✓</a>');
    expect((await streamed(archive, 'empty.xml')).join('')).toBe('');
  });

  it('passes on what the reader of the text throws, and stops', async () => {
    const archive = new ZipArchive(zip);
    let calls = 0;
    const stop = new Error('stop here');
    await expect(
      archive.streamTextAsync('deflated.xml', () => {
        calls += 1;
        throw stop;
      }),
    ).rejects.toBe(stop);
    expect(calls).toBe(1);
  });

  it('names the part when its deflated data is damaged', async () => {
    const damaged = Uint8Array.from(zip);
    const at = Buffer.from(damaged).indexOf('deflated.xml') + 200;
    for (let i = at; i < at + 64; i += 1) damaged[i] ^= 0x5a;
    const error: unknown = await streamed(new ZipArchive(damaged), 'deflated.xml').then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as Error).message).toMatch(/^part deflated\.xml is damaged/);
  });
});
