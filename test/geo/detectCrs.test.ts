import { crsFromName, detectGeoJsonCrs, detectPairCrs } from '../../src/core/geo';

describe('crsFromName', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::27700', 'EPSG:27700'],
    ['EPSG:27700', 'EPSG:27700'],
    ['epsg:27700', 'EPSG:27700'],
    ['http://www.opengis.net/def/crs/EPSG/0/27700', 'EPSG:27700'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['urn:ogc:def:crs:OGC::CRS84', 'EPSG:4326'],
    ['EPSG:4326', 'EPSG:4326'],
    ['urn:ogc:def:crs:EPSG::4326', 'EPSG:4326'],
    ['EPSG:4258', 'EPSG:4326'],
    ['EPSG:3857', null],
    ['urn:ogc:def:crs:EPSG::2770', null],
    ['somewhere', null],
  ] as const)('reads %s as %s', (name, expected) => {
    expect(crsFromName(name)).toBe(expected);
  });
});

describe('detectGeoJsonCrs', () => {
  const lonLatSquare = {
    type: 'Polygon',
    coordinates: [
      [
        [-1.9, 52.4],
        [-1.8, 52.4],
        [-1.8, 52.5],
        [-1.9, 52.4],
      ],
    ],
  };
  const gridSquare = {
    type: 'Polygon',
    coordinates: [
      [
        [407000, 286000],
        [408000, 286000],
        [408000, 287000],
        [407000, 286000],
      ],
    ],
  };

  it('believes a crs member that names British National Grid', () => {
    expect(
      detectGeoJsonCrs({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
        features: [],
      }),
    ).toBe('EPSG:27700');
  });

  it('believes a crs member that names OGC CRS84, whatever the coordinates', () => {
    const declared = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [{ type: 'Feature', properties: {}, geometry: gridSquare }],
    };
    expect(detectGeoJsonCrs(declared)).toBe('EPSG:4326');
  });

  it('reads longitude/latitude from the coordinate range when there is no crs member', () => {
    expect(
      detectGeoJsonCrs({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: lonLatSquare }],
      }),
    ).toBe('EPSG:4326');
  });

  it('reads easting/northing from the coordinate range when there is no crs member', () => {
    expect(
      detectGeoJsonCrs({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: gridSquare }],
      }),
    ).toBe('EPSG:27700');
  });

  it('falls back to the coordinate range when the crs member names an unsupported system', () => {
    expect(
      detectGeoJsonCrs({
        type: 'Feature',
        crs: { type: 'name', properties: { name: 'EPSG:3857' } },
        properties: {},
        geometry: gridSquare,
      }),
    ).toBe('EPSG:27700');
  });

  it('looks inside MultiPolygons and GeometryCollections', () => {
    const collection = {
      type: 'GeometryCollection',
      geometries: [{ type: 'MultiPolygon', coordinates: [gridSquare.coordinates] }],
    };
    expect(detectGeoJsonCrs(collection)).toBe('EPSG:27700');
  });

  it("defaults to WGS84, GeoJSON's own default, when there are no coordinates", () => {
    expect(detectGeoJsonCrs({ type: 'FeatureCollection', features: [] })).toBe('EPSG:4326');
    expect(detectGeoJsonCrs(null)).toBe('EPSG:4326');
  });
});

describe('detectPairCrs', () => {
  it('reads West Midlands longitude/latitude as WGS84', () => {
    expect(detectPairCrs([-1.89, -2.1, -1.5], [52.48, 52.6, 52.4])).toBe('EPSG:4326');
  });

  it('reads West Midlands eastings/northings as British National Grid', () => {
    expect(detectPairCrs([407400, 391000, 433000], [286900, 299000, 279000])).toBe('EPSG:27700');
  });

  it('is not flipped by one stray vertex', () => {
    expect(detectPairCrs([-1.89, -2.1, -1.5, 407400], [52.48, 52.6, 52.4, 286900])).toBe('EPSG:4326');
    expect(detectPairCrs([407400, 391000, 433000, 0], [286900, 299000, 279000, 0])).toBe('EPSG:27700');
  });

  it('ignores pairs that are not finite numbers', () => {
    expect(detectPairCrs([Number.NaN, Number.NaN, 407400], [52.4, 52.5, 286900])).toBe('EPSG:27700');
  });
});
