import { withoutOneCellEditAs, withPageBreaks } from '../../../src/workbook/xlsx/pageBreaksXml';

describe('manual page breaks in a worksheet part', () => {
  const sheet =
    '<worksheet><sheetData/><pageMargins left="0.4"/><pageSetup orientation="landscape"/><headerFooter/><drawing r:id="rId1"/><tableParts count="1"/></worksheet>';

  test('a column break before each block start, after the page setup and before the drawing, as CT_Worksheet orders them', () => {
    // Column index 14 (O) starts a printed block: the break's id is 14, the last column of the page before it N (1-based 14).
    expect(withPageBreaks(sheet, { rowStarts: [], columnStarts: [14] })).toBe(
      '<worksheet><sheetData/><pageMargins left="0.4"/><pageSetup orientation="landscape"/><headerFooter/>' +
        '<colBreaks count="1" manualBreakCount="1"><brk id="14" max="1048575" man="1"/></colBreaks><drawing r:id="rId1"/><tableParts count="1"/></worksheet>',
    );
  });

  test('row breaks come before column breaks; duplicates and a break before the first row or column are dropped; old breaks are replaced', () => {
    const withOld = sheet.replace('<headerFooter/>', '<headerFooter/><rowBreaks count="1"><brk id="3"/></rowBreaks>');
    expect(withPageBreaks(withOld, { rowStarts: [40, 0, 40, 20], columnStarts: [0] })).toContain(
      '<headerFooter/><rowBreaks count="2" manualBreakCount="2"><brk id="20" max="16383" man="1"/><brk id="40" max="16383" man="1"/></rowBreaks><drawing',
    );
    expect(withPageBreaks(withOld, { rowStarts: [5], columnStarts: [] })).not.toContain('<brk id="3"/>');
  });

  test('no breaks leave the sheet as it was', () => {
    expect(withPageBreaks(sheet, { rowStarts: [], columnStarts: [] })).toBe(sheet);
  });
});

describe('one-cell anchors without editAs', () => {
  test('editAs is removed from one-cell anchors only: the schema allows it on two-cell anchors', () => {
    const drawing =
      '<xdr:wsDr><xdr:oneCellAnchor editAs="oneCell"><xdr:from/></xdr:oneCellAnchor><xdr:twoCellAnchor editAs="oneCell"><xdr:from/></xdr:twoCellAnchor></xdr:wsDr>';
    expect(withoutOneCellEditAs(drawing)).toBe(
      '<xdr:wsDr><xdr:oneCellAnchor><xdr:from/></xdr:oneCellAnchor><xdr:twoCellAnchor editAs="oneCell"><xdr:from/></xdr:twoCellAnchor></xdr:wsDr>',
    );
  });
});
