import {
  emptyDrawingXml,
  largestShapeId,
  nextRelationshipId,
  parseRelationships,
  parseWorkbookSheets,
  relationshipsPathFor,
  relationshipsXml,
  relativeTarget,
  resolveTarget,
  withAnchors,
  withContentTypeOverride,
  withPictureDescriptions,
  withWorksheetDrawing,
  worksheetDrawingId,
} from '../../src/workbook/xlsx';
import { parseXml } from './xlsxPackage';

describe('relationship parts', () => {
  const rels =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="t/drawing" Target="../drawings/drawing1.xml"/>' +
    "<Relationship Target='../tables/table1.xml' Type='t/table' Id='rId3'/>" +
    '</Relationships>';

  test('relationships are read whatever the attribute order and quotes, and written back well-formed', () => {
    const parsed = parseRelationships(rels);
    expect(parsed).toEqual([
      { id: 'rId1', type: 't/drawing', target: '../drawings/drawing1.xml' },
      { id: 'rId3', type: 't/table', target: '../tables/table1.xml' },
    ]);
    const written = relationshipsXml(parsed);
    expect(parseXml(written).Relationships.Relationship).toHaveLength(2);
    expect(parseRelationships(written)).toEqual(parsed);
  });

  test('a new relationship id is one past the largest', () => {
    expect(nextRelationshipId(parseRelationships(rels))).toBe('rId4');
    expect(nextRelationshipId([])).toBe('rId1');
  });

  test.each([
    ['xl/worksheets/sheet1.xml', '../drawings/drawing1.xml', 'xl/drawings/drawing1.xml'],
    ['xl/workbook.xml', 'worksheets/sheet2.xml', 'xl/worksheets/sheet2.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet2.xml', 'xl/worksheets/sheet2.xml'],
    ['xl/drawings/drawing1.xml', './../charts/chart3.xml', 'xl/charts/chart3.xml'],
  ])('from %s, target %s is the part %s', (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  test.each([
    ['xl/drawings/drawing1.xml', 'xl/charts/chart2.xml', '../charts/chart2.xml'],
    ['xl/worksheets/sheet1.xml', 'xl/drawings/drawing4.xml', '../drawings/drawing4.xml'],
    ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'worksheets/sheet1.xml'],
  ])('the relative target from %s to %s is %s, and resolves back', (from, to, relative) => {
    expect(relativeTarget(from, to)).toBe(relative);
    expect(resolveTarget(from, relative)).toBe(to);
  });

  test('the .rels part sits in a _rels folder beside its part', () => {
    expect(relationshipsPathFor('xl/drawings/drawing2.xml')).toBe('xl/drawings/_rels/drawing2.xml.rels');
  });
});

describe('content types and workbook sheets', () => {
  test('an override is added once', () => {
    const types =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
    const once = withContentTypeOverride(
      types,
      'xl/charts/chart1.xml',
      'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
    );
    const twice = withContentTypeOverride(
      once,
      'xl/charts/chart1.xml',
      'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
    );
    expect(twice).toBe(once);
    expect(parseXml(once).Types.Override['@_PartName']).toBe('/xl/charts/chart1.xml');
  });

  test('sheet names are decoded from the workbook part, in tab order', () => {
    const workbook =
      '<workbook xmlns:r="r"><sheets><sheet sheetId="2" name="It&apos;s (2)" r:id="rId5"/><sheet name="A &amp; B" sheetId="1" r:id="rId4"/></sheets></workbook>';
    expect(parseWorkbookSheets(workbook)).toEqual([
      { name: "It's (2)", relationshipId: 'rId5' },
      { name: 'A & B', relationshipId: 'rId4' },
    ]);
  });
});

describe('withWorksheetDrawing', () => {
  const head = '<?xml version="1.0"?><worksheet xmlns="main" xmlns:r="rels"><sheetData/>';

  test('the drawing goes before tableParts, as the worksheet schema orders them', () => {
    const xml = `${head}<pageMargins left="0.7"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
    const result = withWorksheetDrawing(xml, 'rId2');
    expect(result).toContain('<pageMargins left="0.7"/><drawing r:id="rId2"/><tableParts');
    expect(worksheetDrawingId(result)).toBe('rId2');
  });

  test('a nested extLst inside conditional formatting is not taken for the sheet extLst', () => {
    const xml =
      `${head}<conditionalFormatting sqref="A1"><cfRule type="dataBar" priority="1"><extLst><ext uri="x"/></extLst></cfRule></conditionalFormatting>` +
      '<pageMargins left="0.7"/><extLst><ext uri="y"/></extLst></worksheet>';
    const result = withWorksheetDrawing(xml, 'rId9');
    expect(result).toContain('<pageMargins left="0.7"/><drawing r:id="rId9"/><extLst><ext uri="y"/>');
    expect(result.match(/<drawing /g)).toHaveLength(1);
  });

  test('with nothing after it, the drawing is the last child, and the r namespace is declared when missing', () => {
    const xml = '<worksheet xmlns="main"><sheetData><row r="1"/></sheetData><pageMargins left="0.7"/></worksheet>';
    const result = withWorksheetDrawing(xml, 'rId1');
    expect(result).toMatch(/<pageMargins left="0.7"\/><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(parseXml(result).worksheet['@_xmlns:r']).toBe(
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    );
  });

  test('a sheet with no drawing reports none', () => {
    expect(worksheetDrawingId(`${head}</worksheet>`)).toBeUndefined();
  });
});

describe('drawing parts', () => {
  const exceljsDrawing =
    '<xdr:wsDr xmlns:xdr="x" xmlns:a="a"><xdr:oneCellAnchor><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Picture 1"><a:extLst/></xdr:cNvPr>' +
    '<xdr:cNvPicPr/></xdr:nvPicPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>' +
    '<xdr:oneCellAnchor><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="4" name="Picture 2"/></xdr:nvPicPr></xdr:pic></xdr:oneCellAnchor></xdr:wsDr>';

  test('pictures get their alternative text in order', () => {
    const result = withPictureDescriptions(exceljsDrawing, ['Ward map', 'Legend & key']);
    expect(result).toContain('<xdr:cNvPr id="1" name="Picture 1" descr="Ward map">');
    expect(result).toContain('<xdr:cNvPr id="4" name="Picture 2" descr="Legend &amp; key"/>');
  });

  test('the largest shape id is found so new shapes do not reuse one', () => {
    expect(largestShapeId(exceljsDrawing)).toBe(4);
    expect(largestShapeId(emptyDrawingXml())).toBe(0);
  });

  test('anchors are appended inside the drawing root', () => {
    expect(withAnchors(emptyDrawingXml(), '<xdr:twoCellAnchor/>')).toMatch(/<xdr:twoCellAnchor\/><\/xdr:wsDr>$/);
  });
});
