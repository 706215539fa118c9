import {
  boundariesFromGeoJson,
  boundariesFromVertices,
  buildWardIndex,
  locateWard,
  wardBoundingBox,
  type BoundingBox,
} from '../../geo';
import type { RoleDetection } from '../../schema';
import type { GridPoint, Issue, WardBoundary, WardRecord, WorkbookData } from '../../types';
import { validateWardVertices } from '../../validate';
import { blocking, headerOf, sheetByName } from './problems';
import type { ValidatedSheet } from './validateInputs';

/** How far outside the study area's bounding box a school or offence may lie before it is reported as implausible. */
export const FAR_OUTSIDE_METRES = 5000;

export interface StudyArea {
  readonly boundarySource: string;
  /** The study wards: a population row and a boundary each, in the wards sheet's order. */
  readonly wards: readonly WardRecord[];
  readonly boundaryByCode: ReadonlyMap<string, WardBoundary>;
  readonly boundaries: readonly WardBoundary[];
  readonly wardCodes: ReadonlySet<string>;
  readonly box: BoundingBox;
  /** The study ward a point lies in, or null outside them all. */
  locate(point: GridPoint): string | null;
  /** Metres from a point to the study area's bounding box (0 inside it). */
  distanceOutside(point: GridPoint): number;
  readonly issues: readonly Issue[];
}

export type StudyAreaOutcome =
  ({ readonly ok: true } & StudyArea) | { readonly ok: false; readonly problems: readonly Issue[] };

function unionBox(boxes: readonly BoundingBox[]): BoundingBox {
  let minEasting = Infinity;
  let minNorthing = Infinity;
  let maxEasting = -Infinity;
  let maxNorthing = -Infinity;
  for (const box of boxes) {
    minEasting = Math.min(minEasting, box.minEasting);
    minNorthing = Math.min(minNorthing, box.minNorthing);
    maxEasting = Math.max(maxEasting, box.maxEasting);
    maxNorthing = Math.max(maxNorthing, box.maxNorthing);
  }
  return { minEasting, minNorthing, maxEasting, maxNorthing };
}

/**
 * Metres from a point to a box (0 inside or on it).
 * @example distanceToBox({ easting: 13, northing: 14 }, { minEasting: 0, minNorthing: 0, maxEasting: 10, maxNorthing: 10 }) // => 5
 */
export function distanceToBox(point: GridPoint, box: BoundingBox): number {
  const dx = Math.max(box.minEasting - point.easting, 0, point.easting - box.maxEasting);
  const dy = Math.max(box.minNorthing - point.northing, 0, point.northing - box.maxNorthing);
  return Math.hypot(dx, dy);
}

/**
 * The study area: ward boundaries from a GeoJSON file or the workbook's vertex sheet, kept where
 * the wards sheet has a population row for them. Wards with only one of the two are reported.
 */
export function studyArea(
  workbook: WorkbookData,
  detection: RoleDetection,
  wardSheet: ValidatedSheet<WardRecord>,
  geojson: { readonly geojson: unknown; readonly source: string } | undefined,
): StudyAreaOutcome {
  const issues: Issue[] = [];
  let boundaries: readonly WardBoundary[] = [];
  let boundarySource = '';
  if (geojson) {
    const loaded = boundariesFromGeoJson(geojson.geojson);
    boundaries = loaded.boundaries;
    boundarySource = `${geojson.source} (GeoJSON, ${loaded.crs})`;
    for (const problem of loaded.problems)
      issues.push({
        sheet: geojson.source,
        row: 0,
        column: 'geometry',
        value: '',
        severity: 'warning',
        code: 'invalidValue',
        message: problem,
      });
  } else if (detection.mappings.wardVertices) {
    const mapping = detection.mappings.wardVertices;
    const vertices = validateWardVertices(
      sheetByName(workbook, mapping.sheet) ?? { name: mapping.sheet, rows: [] },
      mapping,
    );
    for (const issue of vertices.issues) issues.push(issue);
    const loaded = boundariesFromVertices(vertices.records);
    boundaries = loaded.boundaries;
    boundarySource = `sheet '${mapping.sheet}' (ward vertices, ${loaded.crs})`;
    for (const problem of loaded.problems)
      issues.push({
        sheet: mapping.sheet,
        row: 0,
        column: 'geometry',
        value: '',
        severity: 'warning',
        code: 'invalidValue',
        message: problem,
      });
  }
  if (boundaries.length === 0) {
    const why = issues
      .filter((issue) => issue.column === 'geometry')
      .slice(0, 5)
      .map((issue) => issue.message);
    return {
      ok: false,
      problems: [
        blocking(
          geojson?.source ?? '(workbook)',
          0,
          'boundaries',
          'sheetMissing',
          geojson
            ? `No usable ward boundary in ${geojson.source}${why.length > 0 ? `: ${why.join(' ')}` : '.'}`
            : 'No ward boundaries: give a GeoJSON file of ward boundaries, or add a sheet of ward vertices (ward code, part, ring, order, x, y).',
          { setting: 'boundaries' },
        ),
      ],
    };
  }

  const { mapping } = wardSheet;
  const codeColumn = headerOf(mapping, 'wardCode');
  const boundaryByCode = new Map(boundaries.map((b) => [b.wardCode.toUpperCase(), b]));
  const wards = wardSheet.rows.records.filter((ward) => {
    if (boundaryByCode.has(ward.wardCode.toUpperCase())) return true;
    issues.push({
      sheet: mapping.sheet,
      row: ward.sourceRow,
      column: codeColumn,
      value: ward.wardCode,
      severity: 'warning',
      code: 'unknownWard',
      message: `Sheet '${mapping.sheet}', row ${ward.sourceRow}, column '${codeColumn}': ward ${ward.wardCode} has no boundary in ${boundarySource}; it is left out of the study area.`,
    });
    return false;
  });
  const wardCodes = new Set(wards.map((ward) => ward.wardCode.toUpperCase()));
  for (const boundary of boundaries) {
    if (wardCodes.has(boundary.wardCode.toUpperCase())) continue;
    issues.push({
      sheet: mapping.sheet,
      row: 0,
      column: codeColumn,
      value: boundary.wardCode,
      severity: 'warning',
      code: 'unknownWard',
      message: `Ward ${boundary.wardCode} (${boundary.wardName}) has a boundary but no row in sheet '${mapping.sheet}'; points in it count as outside the study area.`,
    });
  }
  if (wards.length === 0) {
    const read = wardSheet.rows.records.length;
    return {
      ok: false,
      problems: [
        blocking(
          mapping.sheet,
          mapping.headerRow,
          codeColumn,
          'unknownWard',
          read === 0
            ? `Sheet '${mapping.sheet}': none of its rows gives a usable ward (see the problems above).`
            : `Sheet '${mapping.sheet}': none of its ${read} ward codes matches a boundary in ${boundarySource} (e.g. ${wardSheet.rows.records[0].wardCode}; the boundaries have e.g. ${boundaries[0].wardCode}). ` +
                'Check that the boundaries are for the same year of wards.',
        ),
      ],
    };
  }
  const studyBoundaries = boundaries.filter((b) => wardCodes.has(b.wardCode.toUpperCase()));
  const index = buildWardIndex(studyBoundaries);
  const box = unionBox(studyBoundaries.map(wardBoundingBox));
  return {
    ok: true,
    boundarySource,
    wards,
    boundaryByCode,
    boundaries: studyBoundaries,
    wardCodes,
    box,
    locate: (point) => locateWard(index, point),
    distanceOutside: (point) => distanceToBox(point, box),
    issues,
  };
}
