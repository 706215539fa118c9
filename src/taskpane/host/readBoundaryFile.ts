import type { BoundaryFile } from '../protocol';
import { sha256Hex } from '../sha256Hex';
import { errorText } from '../../core/errorText';

export type BoundaryFileOutcome =
  { readonly ok: true; readonly file: BoundaryFile } | { readonly ok: false; readonly message: string };

/**
 * Reads a GeoJSON file the analyst picked, locally with FileReader (nothing is uploaded), and
 * fingerprints its bytes with SHA-256 for the Audit sheet. Checks only that it is a GeoJSON
 * FeatureCollection; the engine judges the wards in it (codes, CRS, rings) and says what is wrong.
 */
export async function readBoundaryFile(file: File): Promise<BoundaryFileOutcome> {
  let bytes: ArrayBuffer;
  try {
    bytes = await readAsArrayBuffer(file);
  } catch (error) {
    return {
      ok: false,
      message: `'${file.name}' could not be read (${errorText(error)}).`,
    };
  }
  let geojson: unknown;
  try {
    geojson = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    return {
      ok: false,
      message: `'${file.name}' is not JSON (${errorText(error)}); pick a GeoJSON file of ward boundaries.`,
    };
  }
  if (!isFeatureCollection(geojson)) {
    return {
      ok: false,
      message: `'${file.name}' is JSON but not a GeoJSON FeatureCollection; pick a file of ward polygons.`,
    };
  }
  const sha256 = await sha256Hex(bytes);
  const fingerprint = sha256 ? { name: file.name, bytes: bytes.byteLength, sha256 } : undefined;
  return { ok: true, file: { geojson, source: file.name, fingerprint } };
}

function readAsArrayBuffer(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('unknown read error'));
    reader.readAsArrayBuffer(file);
  });
}

function isFeatureCollection(value: unknown): boolean {
  const record = value as { type?: unknown; features?: unknown } | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    record.type === 'FeatureCollection' &&
    Array.isArray(record.features)
  );
}
