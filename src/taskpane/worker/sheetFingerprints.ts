import type { InputFingerprint } from '../../core/pipeline/analysisResult';
import type { CellValue, WorkbookData } from '../../core/types';
import { sha256Hex } from '../sha256Hex';

/**
 * SHA-256 fingerprints of each sheet's values, for the Audit sheet: inside Excel there is no file
 * to hash, so the pane hashes what the engine read. The text hashed is one line per row, each row
 * the JSON array of its cells (dates as ISO 8601), so the same values always give the same hash.
 * Returns an empty list where Web Crypto is missing, rather than failing the turn.
 */
export async function sheetFingerprints(workbook: WorkbookData): Promise<InputFingerprint[]> {
  const encoder = new TextEncoder();
  const fingerprints: InputFingerprint[] = [];
  for (const sheet of workbook.sheets) {
    const bytes = encoder.encode(sheet.rows.map((row) => JSON.stringify(row.map(canonicalCell))).join('\n'));
    const sha256 = await sha256Hex(bytes);
    if (sha256 === null) return [];
    fingerprints.push({ name: `Sheet '${sheet.name}' (values)`, bytes: bytes.length, sha256 });
  }
  return fingerprints;
}

function canonicalCell(value: CellValue): string | number | boolean | null {
  return value instanceof Date ? value.toISOString() : value;
}
