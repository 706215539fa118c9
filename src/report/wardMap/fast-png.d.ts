/**
 * The part of fast-png 8's API this project uses. fast-png ships its types only through its
 * package `exports`, which TypeScript's `moduleResolution: "node"` (this project's setting) does
 * not read; these declarations mirror `node_modules/fast-png/lib/index.d.ts` and can be deleted if
 * the project moves to `moduleResolution: "node16"` or `"bundler"`.
 */
declare module 'fast-png' {
  export type PngDataArray = Uint8Array | Uint8ClampedArray | Uint16Array;
  export type BitDepth = 1 | 2 | 4 | 8 | 16;
  export interface ImageData {
    width: number;
    height: number;
    data: PngDataArray;
    depth?: BitDepth;
    channels?: number;
    text?: Record<string, string>;
  }
  export interface DecodedPng {
    width: number;
    height: number;
    data: PngDataArray;
    depth: BitDepth;
    channels: number;
    text: Record<string, string>;
  }
  export function encode(png: ImageData, options?: { zlib?: { level?: number } }): Uint8Array;
  export function decode(data: ArrayBufferLike | ArrayBufferView, options?: { checkCrc?: boolean }): DecodedPng;
}
