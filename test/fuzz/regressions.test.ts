/**
 * Bugs the fuzz suite found, each pinned by the smallest input that showed it.
 */
import { boundariesFromGeoJson, closedRing } from '../../src/core/geo';

describe('found by fuzzing', () => {
  it('a GeoJSON position of ±1e308 scaled past the largest double (written by JSON as null) is named as written, never as NaN', () => {
    // JSON.stringify(4e308) is 'null': the file holds [null, null].
    const geojson = JSON.parse(
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
        features: [
          {
            type: 'Feature',
            properties: { WD22CD: 'E05000001' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [400000 * 1e303, -280000 * 1e303],
                  [400010, 280000],
                  [400000, 280010],
                  [400000 * 1e303, -280000 * 1e303],
                ],
              ],
            },
          },
        ],
      }),
    );
    const { problems } = boundariesFromGeoJson(geojson);
    expect(problems[0]).toBe(
      'Feature 1 (ward E05000001): ring 1 has a position that is not a pair of numbers ([null,null]); the ring was left out.',
    );
    expect(problems.join(' ')).not.toMatch(/NaN/);
  });

  it('a ring whose projection gives no number says so in words', () => {
    const result = closedRing([
      [0, 0],
      [NaN, 1],
      [Infinity, 2],
    ]);
    expect(result).toEqual({ reason: 'it has a coordinate that is not a finite number (not a number, 1)' });
  });
});
