import JSZip from 'jszip';
import type { ChartModel } from '../../report/sheetModel';
import { withoutOneCellEditAs, withPageBreaks } from './pageBreaksXml';
import { chartAnchorXml, emptyDrawingXml, largestShapeId, withAnchors, withPictureDescriptions } from './drawingXml';
import {
  CONTENT_TYPES,
  RELATIONSHIP_TYPES,
  nextRelationshipId,
  parseRelationships,
  parseWorkbookSheets,
  relationshipsPathFor,
  relationshipsXml,
  relativeTarget,
  resolveTarget,
  withContentTypeOverride,
  withWorksheetDrawing,
  worksheetDrawingId,
  type Relationship,
} from './opcParts';

/** What to add to one sheet's drawing: chart parts (already built) and pictures' alternative text. */
export interface SheetDrawingAdditions {
  /** Final sheet name, as in the workbook. */
  readonly sheetName: string;
  readonly charts: readonly {
    /** The chart part's XML ({@link buildChartXml}). */
    readonly xml: string;
    readonly anchor: ChartModel['anchor'];
    readonly title: string;
  }[];
  /** Alternative text for the sheet's pictures, in the order they were added. */
  readonly pictureDescriptions?: readonly string[];
  /** 0-based rows and columns a new printed page starts at (manual page breaks). */
  readonly pageBreaks?: { readonly rowStarts: readonly number[]; readonly columnStarts: readonly number[] };
}

/**
 * Adds native charts to an .xlsx package written by exceljs (which cannot write charts): for each
 * chart a part `xl/charts/chartN.xml`, a graphic frame in the sheet's drawing (the one exceljs made
 * for the sheet's pictures when there is one, a new `xl/drawings/drawingN.xml` otherwise), the
 * drawing -> chart and sheet -> drawing relationships, the sheet's `<drawing r:id>` and the
 * `[Content_Types].xml` overrides. Returns the new package; the input is not changed.
 */
export async function injectCharts(xlsx: Uint8Array, additions: readonly SheetDrawingAdditions[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const readPart = async (path: string): Promise<string | undefined> => zip.file(path)?.async('string');
  const requirePart = async (path: string): Promise<string> => {
    const text = await readPart(path);
    if (text === undefined) throw new Error(`The .xlsx package has no part '${path}'.`);
    return text;
  };

  let contentTypes = await requirePart('[Content_Types].xml');
  const workbookPath = 'xl/workbook.xml';
  const workbookRelationships = parseRelationships(await requirePart(relationshipsPathFor(workbookPath)));
  const sheetPaths = new Map<string, string>();
  for (const sheet of parseWorkbookSheets(await requirePart(workbookPath))) {
    const relationship = workbookRelationships.find((rel) => rel.id === sheet.relationshipId);
    if (relationship) sheetPaths.set(sheet.name, resolveTarget(workbookPath, relationship.target));
  }

  let nextChartNumber = nextPartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let nextDrawingNumber = nextPartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);

  for (const addition of additions) {
    if (addition.pageBreaks) {
      const breaksPath = sheetPaths.get(addition.sheetName);
      if (!breaksPath)
        throw new Error(`Cannot add page breaks: the workbook has no sheet named '${addition.sheetName}'.`);
      zip.file(breaksPath, withPageBreaks(await requirePart(breaksPath), addition.pageBreaks));
    }
    if (addition.charts.length === 0 && !addition.pictureDescriptions?.length) continue;
    const sheetPath = sheetPaths.get(addition.sheetName);
    if (!sheetPath) throw new Error(`Cannot add charts: the workbook has no sheet named '${addition.sheetName}'.`);
    let sheetXml = await requirePart(sheetPath);
    const sheetRelsPath = relationshipsPathFor(sheetPath);
    let sheetRelationships: Relationship[] = parseRelationships((await readPart(sheetRelsPath)) ?? '');

    // The sheet's drawing: exceljs's (made for pictures) or a new one.
    let drawingPath: string;
    let drawingXml: string;
    const drawingId = worksheetDrawingId(sheetXml);
    const existing = drawingId === undefined ? undefined : sheetRelationships.find((rel) => rel.id === drawingId);
    if (existing) {
      drawingPath = resolveTarget(sheetPath, existing.target);
      drawingXml = await requirePart(drawingPath);
    } else {
      if (addition.charts.length === 0) continue;
      drawingPath = `xl/drawings/drawing${nextDrawingNumber++}.xml`;
      drawingXml = emptyDrawingXml();
      const relationshipId = nextRelationshipId(sheetRelationships);
      sheetRelationships = [
        ...sheetRelationships,
        { id: relationshipId, type: RELATIONSHIP_TYPES.drawing, target: relativeTarget(sheetPath, drawingPath) },
      ];
      sheetXml = withWorksheetDrawing(sheetXml, relationshipId);
      contentTypes = withContentTypeOverride(contentTypes, drawingPath, CONTENT_TYPES.drawing);
      zip.file(sheetPath, sheetXml);
      zip.file(sheetRelsPath, relationshipsXml(sheetRelationships));
    }

    const drawingRelsPath = relationshipsPathFor(drawingPath);
    let drawingRelationships: Relationship[] = parseRelationships((await readPart(drawingRelsPath)) ?? '');
    let shapeId = largestShapeId(drawingXml);
    let anchors = '';
    for (const chart of addition.charts) {
      const chartPath = `xl/charts/chart${nextChartNumber++}.xml`;
      zip.file(chartPath, chart.xml);
      contentTypes = withContentTypeOverride(contentTypes, chartPath, CONTENT_TYPES.chart);
      const relationshipId = nextRelationshipId(drawingRelationships);
      drawingRelationships = [
        ...drawingRelationships,
        { id: relationshipId, type: RELATIONSHIP_TYPES.chart, target: relativeTarget(drawingPath, chartPath) },
      ];
      shapeId++;
      anchors += chartAnchorXml({
        anchor: chart.anchor,
        relationshipId,
        shapeId,
        name: `Chart ${shapeId}`,
        description: chart.title,
      });
    }
    if (addition.pictureDescriptions?.length)
      drawingXml = withPictureDescriptions(drawingXml, addition.pictureDescriptions);
    zip.file(drawingPath, withAnchors(drawingXml, anchors));
    if (drawingRelationships.length > 0) zip.file(drawingRelsPath, relationshipsXml(drawingRelationships));
  }

  for (const path of Object.keys(zip.files).filter((name) => /^xl\/drawings\/drawing\d+\.xml$/.test(name))) {
    zip.file(path, withoutOneCellEditAs(await requirePart(path)));
  }
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** One more than the largest N among the package's parts matching `pattern` (N in its group 1). */
function nextPartNumber(zip: JSZip, pattern: RegExp): number {
  let largest = 0;
  for (const path of Object.keys(zip.files)) {
    const match = pattern.exec(path);
    if (match) largest = Math.max(largest, Number(match[1]));
  }
  return largest + 1;
}
