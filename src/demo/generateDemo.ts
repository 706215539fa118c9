import { boundariesGeoJson, wardBoundaries } from './boundariesGeoJson';
import { currentList } from './currentList';
import { createDemoRandom } from './demoRandom';
import { notesSheet } from './notesSheet';
import { offencesSheet } from './offencesSheet';
import { populationSheet } from './populationSheet';
import { schoolResidence } from './pupilResidence';
import { pupilResidenceSheet } from './pupilResidenceSheet';
import { realGeography } from './realGeography';
import { schoolChoice } from './schoolChoice';
import { SCHOOLS_HEADER_ROW, schoolsSheet } from './schoolsSheet';
import { syntheticGeography } from './syntheticGeography';
import { syntheticOffences } from './syntheticOffences';
import { schoolKindCounts, syntheticSchools } from './syntheticSchools';
import type { DemoData, DemoOptions, DemoSheetNames, DemoTruth } from './types';
import { violenceHotspots } from './violenceHotspots';
import { wardVertexSheet } from './wardVertexSheet';
import { createWardLookup } from './wardLookup';
import { realWardPopulation, syntheticWardPopulation } from './wardPopulation';

/** Sheet names of the demo workbook: chosen to look like real exports; the engine finds sheets by their headers. */
export const DEMO_SHEET_NAMES: DemoSheetNames = {
  notes: 'Notes',
  offences: 'Offences 2023-24',
  schools: 'GIAS schools',
  population: 'Ward population',
  pupilResidence: 'Pupil residence',
  currentList: 'VRU current list',
  wardVertices: 'Ward boundaries',
};

export const DEMO_DEFAULTS = {
  seed: 2024,
  wards: 190,
  districts: 7,
  schools: 400,
  offences: 20000,
  faultRate: 0.03,
} as const;

/** Share of open secondary and all-through schools whose pupil residence is supplied. */
const OBSERVED_RESIDENCE_SHARE = 0.6;

function checkOptions(options: DemoOptions): void {
  const whole = (value: number | undefined, minimum: number, label: string): void => {
    if (value !== undefined && !(Number.isInteger(value) && value >= minimum)) {
      throw new RangeError(`generateDemo: ${label} must be a whole number of at least ${minimum}; got ${value}.`);
    }
  };
  whole(options.wards, 3, 'wards');
  whole(options.districts, 1, 'districts');
  whole(options.schools, 20, 'schools');
  whole(options.offences, 1, 'offences');
  if (options.seed !== undefined && !Number.isFinite(options.seed))
    throw new RangeError(`generateDemo: seed must be a finite number; got ${options.seed}.`);
  if (options.faultRate !== undefined && !(options.faultRate >= 0 && options.faultRate <= 0.5)) {
    throw new RangeError(`generateDemo: faultRate must be between 0 and 0.5; got ${options.faultRate}.`);
  }
  if (options.real && options.real.wards.features.length === 0)
    throw new RangeError('generateDemo: real.wards has no features.');
}

/**
 * A complete, self-contained demo: an analyst's workbook (police offences export, GIAS schools,
 * ONS-shaped ward population, pupil residence, the VRU's current list, ward boundary vertices and a
 * Notes sheet), the same ward boundaries as BNG GeoJSON, and the truth behind every row so tests
 * can check the engine against it. Pure and deterministic: the same options give the same data,
 * cell for cell. Synthetic geography by default; real wards and populations with `options.real`.
 * About 0.5 s for the default size.
 */
export function generateDemo(options: DemoOptions = {}): DemoData {
  checkOptions(options);
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const schoolTotal = options.schools ?? DEMO_DEFAULTS.schools;
  const offenceTotal = options.offences ?? DEMO_DEFAULTS.offences;
  const faultRate = options.faultRate ?? DEMO_DEFAULTS.faultRate;
  const names = DEMO_SHEET_NAMES;
  const root = createDemoRandom(seed);

  const geography = options.real
    ? realGeography(options.real)
    : syntheticGeography(root.fork('geography'), {
        wards: options.wards ?? DEMO_DEFAULTS.wards,
        districts: options.districts ?? DEMO_DEFAULTS.districts,
      });
  const population = options.real
    ? realWardPopulation(geography, options.real.population)
    : syntheticWardPopulation(geography, root.fork('population'));
  const wardCodes = geography.wards.map((ward) => ward.code);
  const surface = violenceHotspots(geography, root.fork('hotspots'));
  const lookup = createWardLookup(geography.wards);

  const { schools, formulaInjectionUrn, apostropheUrn } = syntheticSchools(
    geography,
    population,
    root.fork('schools'),
    schoolTotal,
  );
  const secondaryChoice = schoolChoice(geography.wards, schools, ['secondary', 'allThrough']);
  const primaryChoice = schoolChoice(geography.wards, schools, ['primary', 'allThrough']);
  const alternativeChoice = schoolChoice(geography.wards, schools, ['special', 'pupilReferralUnit']);
  const secondaryAgeChildren = population.map((ward) => ward.age11to16);

  const observedCount = Math.round(OBSERVED_RESIDENCE_SHARE * secondaryChoice.schoolIndexes.length);
  const observed = root
    .fork('residence')
    .shuffle(secondaryChoice.schoolIndexes)
    .slice(0, observedCount)
    .sort((a, b) => schools[a].urn - schools[b].urn);
  const residence = observed.flatMap((schoolIndex) =>
    schoolResidence(schools[schoolIndex], schoolIndex, secondaryChoice, wardCodes, secondaryAgeChildren),
  );

  const { offences } = syntheticOffences(
    {
      geography,
      population,
      relativeRisk: surface.relativeRisk,
      hotspots: surface.hotspots,
      schools,
      secondaryChoice,
      primaryChoice,
      alternativeChoice,
      lookup,
    },
    offenceTotal,
    root.fork('offences'),
  );
  const offenceSheet = offencesSheet(
    names.offences,
    offences,
    geography,
    schools,
    lookup,
    faultRate,
    root.fork('faults'),
  );
  const list = currentList(
    names.currentList,
    schools,
    secondaryChoice,
    secondaryAgeChildren,
    surface.relativeRisk,
    apostropheUrn,
    root.fork('current-list'),
  );

  const multiPolygonWardCodes = geography.wards.filter((ward) => ward.parts.length > 1).map((ward) => ward.code);
  const holeWardCodes = geography.wards
    .filter((ward) => ward.parts.some((polygon) => polygon.length > 1))
    .map((ward) => ward.code);
  const notes = notesSheet(names.notes, {
    seed,
    mode: geography.mode,
    sheetNames: names,
    wardCount: geography.wards.length,
    districtCount: geography.districts.length,
    schoolCount: schools.length,
    offenceRows: offenceSheet.rows.length,
    faults: offenceSheet.faults,
    agesOutsideBand: offenceSheet.agesOutsideBand.length,
    schoolsHeaderRow: SCHOOLS_HEADER_ROW,
    enclave: geography.enclave,
    multiPolygonWardCodes,
  });
  const workbook = {
    sheets: [
      notes,
      offenceSheet.sheet,
      schoolsSheet(names.schools, schools, geography, seed),
      populationSheet(names.population, population),
      pupilResidenceSheet(names.pupilResidence, residence),
      list.sheet,
      wardVertexSheet(names.wardVertices, geography.wards),
    ],
  };

  const kindCounts = schoolKindCounts(schoolTotal);
  const description =
    geography.mode === 'synthetic'
      ? `Synthetic demo data (seed ${seed}): ${geography.wards.length} invented wards in ${geography.districts.length} districts, ${schools.length} invented schools, ` +
        `${offenceTotal.toLocaleString('en-GB')} offence rows with about ${Math.round(faultRate * 100)}% faults planted. Not real people, places or schools.`
      : `Demo data (seed ${seed}) on ${geography.wards.length} real wards with ONS populations; ${schools.length} schools and ` +
        `${offenceTotal.toLocaleString('en-GB')} offence rows are synthetic, with about ${Math.round(faultRate * 100)}% faults planted.`;
  const truth: DemoTruth = {
    seed,
    mode: geography.mode,
    sheetNames: names,
    headerRows: {
      [names.notes]: 1,
      [names.offences]: 1,
      [names.schools]: SCHOOLS_HEADER_ROW,
      [names.population]: 1,
      [names.pupilResidence]: 1,
      [names.currentList]: 1,
      [names.wardVertices]: 1,
    },
    wards: {
      count: geography.wards.length,
      districtCount: geography.districts.length,
      boundaries: wardBoundaries(geography.wards),
      enclave: geography.enclave,
      multiPolygonWardCodes,
      holeWardCodes,
      relativeRisk: Object.fromEntries(wardCodes.map((code, index) => [code, surface.relativeRisk[index]])),
      hotspotWardCodes: wardCodes.filter((_, index) => surface.relativeRisk[index] >= 2),
      youngPopulation: Object.fromEntries(population.map((ward) => [ward.code, ward.age10to17])),
    },
    offences: {
      generated: offences.length,
      distinctOffenders: new Set(offences.map((offence) => offence.offender.id)).size,
      distinctCrimeNumbers: new Set(offences.map((offence) => offence.crimeNumber)).size,
      rows: offenceSheet.rows,
      faults: offenceSheet.faults,
      agesOutsideBand: offenceSheet.agesOutsideBand,
      countByOffenceWard: offenceSheet.countByOffenceWard,
    },
    schools: {
      count: schools.length,
      headerRow: SCHOOLS_HEADER_ROW,
      byKind: kindCounts,
      closedUrns: schools.filter((school) => school.status === 'Closed').map((school) => String(school.urn)),
      formulaInjectionUrn: String(formulaInjectionUrn),
      apostropheUrn: String(apostropheUrn),
      observedResidenceUrns: observed.map((index) => String(schools[index].urn)),
    },
    currentList: {
      urns: list.urns.map(String),
      nameOnly: { name: list.nameOnly.name, urn: String(list.nameOnly.urn), giasName: list.nameOnly.giasName },
    },
  };
  return {
    workbook,
    boundariesGeoJson: boundariesGeoJson(geography.wards, description),
    truth,
    synthetic: true,
    description,
  };
}
