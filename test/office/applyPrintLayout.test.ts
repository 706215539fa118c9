import { applyPrintLayout, PayloadBudget } from '../../src/workbook/office';

/** A worksheet whose page layout records what is set, or refuses the zoom as some Excel builds might. */
function worksheetWith(refuseZoom: boolean) {
  const set: Record<string, unknown> = {};
  const pageLayout = {
    set orientation(value: string) { set.orientation = value; },
    set zoom(value: unknown) {
      if (refuseZoom) throw Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' });
      set.zoom = value;
    },
    setPrintTitleRows(rows: string) { set.titleRows = rows; },
  };
  return { worksheet: { pageLayout } as unknown as Excel.Worksheet, set };
}

describe('applyPrintLayout', () => {
  it('sets landscape, one page wide with the height free, and the repeated header row, in a request of its own', async () => {
    const syncs: number[] = [];
    const budget = new PayloadBudget(async () => { syncs.push(syncs.length); }, 100_000);
    const { worksheet, set } = worksheetWith(false);
    const applied = await applyPrintLayout(worksheet, { orientation: 'landscape', fitToWidth: true, repeatRow: 4 }, budget);
    expect(applied).toBe(true);
    // Row index 4 is worksheet row 5.
    expect(set).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: '$5:$5' });
    // One sync for what was queued before, one for the layout alone.
    expect(syncs).toHaveLength(2);
  });

  it('leaves the default page setup, without failing the run, when the host refuses the layout', async () => {
    const budget = new PayloadBudget(async () => undefined, 100_000);
    const { worksheet, set } = worksheetWith(true);
    await expect(applyPrintLayout(worksheet, { orientation: 'portrait', fitToWidth: true }, budget)).resolves.toBe(false);
    expect(set.zoom).toBeUndefined();
  });

  it('keeps the cells queued before it: they are sent before the layout is tried', async () => {
    let sent = 0;
    const budget = new PayloadBudget(async () => { sent += 1; if (sent === 2) throw new Error('RequestPayloadSizeLimitExceeded'); }, 100_000);
    await budget.reserve(500, 'cells');
    const { worksheet } = worksheetWith(false);
    await expect(applyPrintLayout(worksheet, { orientation: 'landscape', fitToWidth: false }, budget)).resolves.toBe(false);
    // The first sync (the cells) went through; only the layout's own request failed.
    expect(sent).toBe(2);
  });
});
