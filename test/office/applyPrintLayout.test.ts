import { applyPrintLayout, PayloadBudget } from '../../src/workbook/office';

/** A worksheet whose page layout records what is set, or refuses the zoom as some Excel builds might. */
function worksheetWith(refuseZoom: boolean) {
  const set: Record<string, unknown> = {};
  const pageLayout = {
    set orientation(value: string) {
      set.orientation = value;
    },
    set zoom(value: unknown) {
      if (refuseZoom)
        throw Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), {
          code: 'InvalidArgument',
        });
      set.zoom = value;
    },
    setPrintTitleRows(rows: string) {
      set.titleRows = rows;
    },
  };
  return { worksheet: { pageLayout } as unknown as Excel.Worksheet, set };
}

describe('applyPrintLayout', () => {
  it('sets landscape, one page wide with the height free, and the repeated header row, in a request of its own', async () => {
    const syncs: number[] = [];
    const budget = new PayloadBudget(async () => {
      syncs.push(syncs.length);
    }, 100_000);
    const { worksheet, set } = worksheetWith(false);
    const applied = await applyPrintLayout(
      worksheet,
      { orientation: 'landscape', fitToWidth: true, repeatRow: 4 },
      budget,
    );
    expect(applied).toBe(true);
    // Row index 4 is worksheet row 5.
    expect(set).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: '$5:$5',
    });
    // One sync for what was queued before, one for the layout alone, one for the paper extras (A4, margins, breaks).
    expect(syncs).toHaveLength(3);
  });

  it('sets A4, the narrow margins, the repeated name columns and a break before each printed block; a host refusing them keeps the layout', async () => {
    const budget = new PayloadBudget(async () => undefined, 100_000);
    const { worksheet, set } = worksheetWith(false);
    const breaks: string[] = [];
    const layout = worksheet.pageLayout as unknown as Record<string, unknown>;
    layout.setPrintTitleColumns = (columns: string) => {
      set.titleColumns = columns;
    };
    Object.assign(worksheet, {
      verticalPageBreaks: { add: (cell: string) => breaks.push(cell) },
      horizontalPageBreaks: { add: (cell: string) => breaks.push(cell) },
    });
    const print = {
      orientation: 'landscape',
      fitToWidth: false,
      repeatColumns: { first: 0, last: 1 },
      blockStarts: [9],
      pageStarts: [40],
    } as const;
    await expect(applyPrintLayout(worksheet, print, budget)).resolves.toBe(true);
    // 0.4 inch is 28.8 points; column 9 is J, row 40 is worksheet row 41.
    expect([layout.paperSize, layout.leftMargin, set.titleColumns, breaks]).toEqual([
      'A4',
      28.8,
      '$A:$B',
      ['J1', 'A41'],
    ]);

    const refusing = worksheetWith(false);
    await expect(applyPrintLayout(refusing.worksheet, print, budget)).resolves.toBe(true); // no setPrintTitleColumns: refused, layout kept
    expect(refusing.set.orientation).toBe('Landscape');
  });

  it('leaves the default page setup, without failing the run, when the host refuses the layout', async () => {
    const budget = new PayloadBudget(async () => undefined, 100_000);
    const { worksheet, set } = worksheetWith(true);
    await expect(applyPrintLayout(worksheet, { orientation: 'portrait', fitToWidth: true }, budget)).resolves.toBe(
      false,
    );
    expect(set.zoom).toBeUndefined();
  });

  it('keeps the cells queued before it: they are sent before the layout is tried', async () => {
    let sent = 0;
    const budget = new PayloadBudget(async () => {
      sent += 1;
      if (sent === 2) throw new Error('RequestPayloadSizeLimitExceeded');
    }, 100_000);
    await budget.reserve(500, 'cells');
    const { worksheet } = worksheetWith(false);
    await expect(applyPrintLayout(worksheet, { orientation: 'landscape', fitToWidth: false }, budget)).resolves.toBe(
      false,
    );
    // The first sync (the cells) went through; only the layout's own request failed.
    expect(sent).toBe(2);
  });
});
