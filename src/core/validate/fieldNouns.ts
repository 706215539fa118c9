import type { FieldName } from '../schema/types';

/**
 * What a field's cell should hold, as a noun with its article, for messages that say what a cell
 * is not ("'#N/A' is an Excel error, not an offence reference"). Field names shared by several
 * roles (urn, wardCode, pupils, …) mean the same thing in each, so one noun serves all.
 */
export const FIELD_NOUNS: Readonly<Record<FieldName, string>> = {
  offenceRef: 'an offence reference',
  offenderRef: 'an offender reference',
  offenceDate: 'an offence date',
  offenceType: 'an offence type',
  age: 'an age',
  offenceLatitude: 'a latitude',
  offenceLongitude: 'a longitude',
  offenceEasting: 'an easting',
  offenceNorthing: 'a northing',
  offenceWard: 'a ward code',
  offencePostcode: 'a postcode',
  homeLatitude: 'a latitude',
  homeLongitude: 'a longitude',
  homeEasting: 'an easting',
  homeNorthing: 'a northing',
  homeWard: 'a ward code',
  homePostcode: 'a postcode',
  schoolUrn: 'a school URN',
  weapon: 'a weapon flag',
  urn: 'a school URN',
  name: 'a school name',
  phase: 'a phase of education',
  type: 'a type of establishment',
  status: 'a school status',
  pupils: 'a number of pupils',
  easting: 'an easting',
  northing: 'a northing',
  latitude: 'a latitude',
  longitude: 'a longitude',
  postcode: 'a postcode',
  wardCode: 'a ward code',
  wardName: 'a ward name',
  districtCode: 'a district code',
  districtName: 'a district name',
  youngPopulation: 'a population count',
  part: 'a polygon part number',
  ring: 'a ring number',
  order: 'a vertex order number',
  x: 'an x coordinate',
  y: 'a y coordinate',
};
