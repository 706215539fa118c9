/** Which feature properties hold a ward's code, name, district code and district name. */
export interface WardPropertyNames {
  readonly codeProperty?: string;
  readonly nameProperty?: string;
  readonly districtCodeProperty?: string;
  readonly districtNameProperty?: string;
}

/**
 * Keys are compared after lower-casing and removing everything but letters and digits, so
 * `Ward Code`, `ward_code` and `WardCode` are one key. Within a list, earlier is preferred.
 * ONS boundary files name the year in the key (WD22CD, LAD21NM); any year matches, and the
 * latest year present wins.
 */
const CODE_KEYS = ['wardcode', 'wardcd', 'wdcd', 'wdcode', 'wardgsscode', 'gsscode', 'code', 'wardid', 'geocode'];
const NAME_KEYS = ['wardname', 'wardnm', 'wdnm', 'wdname', 'ward', 'name', 'label'];
const DISTRICT_CODE_KEYS = ['ladcd', 'ladcode', 'districtcode', 'lacode', 'localauthoritycode', 'lad', 'lacd'];
const DISTRICT_NAME_KEYS = [
  'ladnm',
  'ladname',
  'districtname',
  'district',
  'laname',
  'localauthority',
  'localauthorityname',
  'area',
  'borough',
];

const WARD_CODE_WITH_YEAR = /^wd(\d{2})cd$/;
const WARD_NAME_WITH_YEAR = /^wd(\d{2})nm$/;
const DISTRICT_CODE_WITH_YEAR = /^lad(\d{2})cd$/;
const DISTRICT_NAME_WITH_YEAR = /^lad(\d{2})nm$/;

/** GSS codes of electoral wards: E05 (England), W05 (Wales), S13 (Scotland), N08 (Northern Ireland). */
const WARD_CODE_VALUE = /^(E05|W05|S13|N08)\d{6}$/i;

/**
 * Finds the ward code, ward name, district code and district name properties of a set of
 * features by their key names (see the key lists above), falling back, for the code only, to the
 * property whose values most often look like ward GSS codes (E05…). Properties given in
 * `options` are used as they are.
 * @example detectWardProperties([{ WD22CD: 'E05001218', WD22NM: 'Bablake', LAD_CD: 'E08000026', LAD_NM: 'Coventry' }])
 * // => { codeProperty: 'WD22CD', nameProperty: 'WD22NM', districtCodeProperty: 'LAD_CD', districtNameProperty: 'LAD_NM' }
 * @example detectWardProperties([{ Ward: 'Bickenhill', WardCode: 'E05001284', Area: 'Solihull' }])
 * // => { codeProperty: 'WardCode', nameProperty: 'Ward', districtNameProperty: 'Area' }
 */
export function detectWardProperties(
  propertySets: readonly Readonly<Record<string, unknown>>[],
  options: { readonly codeProperty?: string; readonly nameProperty?: string } = {},
): WardPropertyNames {
  const keys = new Map<string, string>();
  for (const properties of propertySets) {
    for (const key of Object.keys(properties)) {
      const normalised = normaliseKey(key);
      if (!keys.has(normalised)) keys.set(normalised, key);
    }
  }
  const codeProperty =
    options.codeProperty ?? (pick(keys, WARD_CODE_WITH_YEAR, CODE_KEYS) || byWardCodeValues(propertySets));
  const used = new Set<string>(codeProperty ? [codeProperty] : []);
  const nameProperty = options.nameProperty ?? pick(keys, WARD_NAME_WITH_YEAR, NAME_KEYS, used);
  if (nameProperty) used.add(nameProperty);
  const districtCodeProperty = pick(keys, DISTRICT_CODE_WITH_YEAR, DISTRICT_CODE_KEYS, used);
  if (districtCodeProperty) used.add(districtCodeProperty);
  const districtNameProperty = pick(keys, DISTRICT_NAME_WITH_YEAR, DISTRICT_NAME_KEYS, used);
  return {
    ...(codeProperty ? { codeProperty } : {}),
    ...(nameProperty ? { nameProperty } : {}),
    ...(districtCodeProperty ? { districtCodeProperty } : {}),
    ...(districtNameProperty ? { districtNameProperty } : {}),
  };
}

/** Lower-case letters and digits only: `Ward Code`, `ward_code`, `WARDCODE` all become `wardcode`. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function pick(
  keys: ReadonlyMap<string, string>,
  withYear: RegExp,
  names: readonly string[],
  used: ReadonlySet<string> = new Set(),
): string | undefined {
  let latestYear = -1;
  let latest: string | undefined;
  for (const [normalised, original] of keys) {
    const year = withYear.exec(normalised)?.[1];
    if (year === undefined || used.has(original)) continue;
    if (Number(year) > latestYear) {
      latestYear = Number(year);
      latest = original;
    }
  }
  if (latest) return latest;
  for (const name of names) {
    const original = keys.get(name);
    if (original !== undefined && !used.has(original)) return original;
  }
  return undefined;
}

function byWardCodeValues(propertySets: readonly Readonly<Record<string, unknown>>[]): string | undefined {
  const hits = new Map<string, number>();
  for (const properties of propertySets) {
    for (const [key, value] of Object.entries(properties)) {
      if (typeof value === 'string' && WARD_CODE_VALUE.test(value.trim())) hits.set(key, (hits.get(key) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let bestHits = 0;
  for (const [key, count] of hits) {
    if (count > bestHits) {
      best = key;
      bestHits = count;
    }
  }
  // Only trust the values when most features carry such a code.
  return best !== undefined && bestHits * 2 > propertySets.length ? best : undefined;
}
