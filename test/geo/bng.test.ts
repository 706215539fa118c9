import { gridToWgs84, osgb36ToGrid, wgs84ToGrid } from '../../src/core/geo';

/**
 * Ordnance Survey's transformation test points: ETRS89 latitude/longitude from
 * OSTN15_OSGM15_TestInput_ETRStoOSGB.txt and the OSGB36 easting/northing OS computes for them in
 * OSTN15_OSGM15_TestOutput_ETRStoOSGB.txt (the OSTN15/OSGM15 developer pack, Ordnance Survey 2016,
 * https://www.ordnancesurvey.co.uk/geodesy-positioning/coordinate-transformations/resources; the
 * same values, with these place names, are quoted in open-source OSTN15 test suites such as
 * Toby Thurston's grid-banger). ETRS89 is within about a metre of WGS84 in Britain.
 * [id, place, latitude, longitude, easting, northing]
 */
const OS_TEST_POINTS: readonly (readonly [string, string, number, number, number, number])[] = [
  ['TP03', 'Plymouth', 50.4388582561, -4.10864563561, 250359.811, 62016.569],
  ['TP04', "St Catherine's Point lighthouse", 50.57563665, -1.2978227724, 449816.371, 75335.861],
  ['TP05', 'former OS head office', 50.9312793791, -1.450514337, 438710.92, 114792.25],
  ['TP06', 'Nash Point lighthouse', 51.4007822014, -3.5512834924, 292184.87, 168003.465],
  ['TP07', 'North Foreland lighthouse', 51.3744702555, 1.44454730409, 639821.835, 169565.858],
  ['TP08', 'Brislington', 51.4275474302, -2.54407618349, 362269.991, 169978.69],
  ['TP09', 'Lambeth', 51.4893656495, -0.1199255718, 530624.974, 178388.464],
  ['TP10', 'Carmarthen', 51.858908964, -4.3085247696, 241124.584, 220332.641],
  ['TP12', 'Droitwich', 52.25529382, -2.15458614, 389544.19, 261912.153],
  ['TP13', 'Northampton', 52.25160951, -0.91248957, 474335.969, 262047.755],
  ['TP15', 'Nottingham', 52.96219109, -1.19747656, 454002.834, 340834.943],
  ['TP16', 'STFC, Daresbury', 53.3448028, -2.64049321, 357455.843, 383290.436],
  ['TP20', 'Pudsey', 53.8002151963, -1.66379168242, 422242.186, 433818.701],
  ['TP25', 'Newcastle University', 54.97912274, -1.61657685, 424639.355, 565012.703],
];

/**
 * The engine uses the OS 7-parameter Helmert transformation, not OSTN15, so it is only good to a
 * few metres: across these points the gap is 0.2 m (Brislington) to 2.4 m (Plymouth), and OS's
 * worst test points (Scilly, St Kilda) stay under 5 m. Ward assignment needs tens of metres.
 */
const HELMERT_TOLERANCE_METRES = 5;

describe('wgs84ToGrid', () => {
  it.each(OS_TEST_POINTS)(
    'puts %s (%s) within a few metres of its OS published easting/northing',
    (_id, _place, latitude, longitude, easting, northing) => {
      const grid = wgs84ToGrid(longitude, latitude);
      expect(Math.hypot(grid.easting - easting, grid.northing - northing)).toBeLessThan(HELMERT_TOLERANCE_METRES);
    },
  );
});

describe('gridToWgs84', () => {
  it.each(OS_TEST_POINTS)(
    'puts %s (%s) back within a few metres of its latitude/longitude',
    (_id, _place, latitude, longitude, easting, northing) => {
      const back = gridToWgs84({ easting, northing });
      const northMetres = (back.latitude - latitude) * 111_320;
      const eastMetres = (back.longitude - longitude) * 111_320 * Math.cos((latitude * Math.PI) / 180);
      expect(Math.hypot(northMetres, eastMetres)).toBeLessThan(HELMERT_TOLERANCE_METRES);
    },
  );

  it('inverts wgs84ToGrid to within a centimetre', () => {
    for (const [, , latitude, longitude] of OS_TEST_POINTS) {
      const back = gridToWgs84(wgs84ToGrid(longitude, latitude));
      // 1e-7 degrees is about 1 cm on the ground: the residue of proj4's iterative datum inverse,
      // not a modelling error (the two directions use the same Helmert parameters).
      expect(Math.abs(back.latitude - latitude)).toBeLessThan(1e-7);
      expect(Math.abs(back.longitude - longitude)).toBeLessThan(1e-7);
    }
  });
});

describe('osgb36ToGrid (the projection alone)', () => {
  it('reproduces the OS guide worked example to the millimetre', () => {
    // "A guide to coordinate systems in Great Britain" (Ordnance Survey), Annex C worked example
    // (Caister Water Tower): OSGB36 52°39′27.2531″N 1°43′4.5177″E => E 651409.903, N 313177.270.
    const latitude = 52 + 39 / 60 + 27.2531 / 3600;
    const longitude = 1 + 43 / 60 + 4.5177 / 3600;
    const grid = osgb36ToGrid(longitude, latitude);
    expect(Math.abs(grid.easting - 651409.903)).toBeLessThan(0.001);
    expect(Math.abs(grid.northing - 313177.27)).toBeLessThan(0.001);
  });

  it('puts the true origin, 49°N 2°W, at E 400 km, N −100 km', () => {
    // By definition of the National Grid (OS guide, section 6.5 / Annex A): false origin offsets.
    const origin = osgb36ToGrid(-2, 49);
    expect(origin.easting).toBeCloseTo(400000, 3);
    expect(origin.northing).toBeCloseTo(-100000, 3);
  });
});
