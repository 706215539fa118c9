import type { GridPoint, Issue, PostcodeRecord } from '../types';

/**
 * What a validator returns. Every non-blank row below the header ends up either as a record or
 * excluded (reconciliation: `rowsRead = records.length + rowsExcluded`). A row is excluded when it
 * has an issue of severity 'error', or a 'duplicateRow' warning (a later copy of a row already
 * read), or when the sheet as a whole cannot be read (a sheet-level 'columnMissing' error on the
 * header row). Warnings and infos on a kept row explain what was assumed or fixed.
 */
export interface ValidationResult<T> {
  readonly records: readonly T[];
  readonly issues: readonly Issue[];
  /** Non-blank rows below the header row. */
  readonly rowsRead: number;
  readonly rowsExcluded: number;
  /** Entirely empty rows below the header row: skipped silently, counted here. */
  readonly rowsBlank: number;
}

/** One vertex of a ward boundary as given in a vertex sheet; the geo module assembles rings from these. */
export interface WardVertexRecord {
  readonly sourceRow: number;
  readonly wardCode: string;
  readonly wardName?: string;
  /** Polygon number within the ward (1 when the sheet has no part column). */
  readonly part: number;
  /** Ring number within the polygon, as given (the geo module decides which ring is outer). */
  readonly ring: number;
  readonly order: number;
  /** Easting or longitude, as given. */
  readonly x: number;
  /** Northing or latitude, as given. */
  readonly y: number;
}

export interface PostcodeValidationResult extends ValidationResult<PostcodeRecord> {
  /** Standard postcode ('B1 1AA') -> grid point, first row winning. */
  readonly lookup: ReadonlyMap<string, GridPoint>;
}

/** What row validation may look up: the postcode lookup, keyed by standard postcode ('B1 1AA'). */
export interface LocationContext {
  readonly postcodes?: ReadonlyMap<string, GridPoint>;
}

/** What offence row validation may look up: the postcode lookup, and the day of the run. */
export interface OffenceContext extends LocationContext {
  /** The run date: offence dates after its calendar day are rejected. Default: today (local calendar day). */
  readonly today?: Date;
}
