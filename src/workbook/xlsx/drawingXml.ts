import type { ChartModel } from '../../report/sheetModel';
import { escapeXml } from './xmlText';

/**
 * SpreadsheetML drawing parts (`xl/drawings/drawingN.xml`, ECMA-376 Part 1, 20.5): the anchors
 * that place charts and pictures on a sheet. Pure string building.
 */

const NS_SPREADSHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A drawing part with no anchors yet. */
export function emptyDrawingXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_SPREADSHEET_DRAWING}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_RELATIONSHIPS}"></xdr:wsDr>`
  );
}

/**
 * A `xdr:twoCellAnchor` holding a `xdr:graphicFrame` that shows the chart part related by
 * `relationshipId`, spanning `anchor.widthCols` columns and `anchor.heightRows` rows from
 * (`anchor.row`, `anchor.col`), 0-based. `shapeId` must be unique within the drawing.
 */
export function chartAnchorXml(options: {
  readonly anchor: ChartModel['anchor'];
  readonly relationshipId: string;
  readonly shapeId: number;
  readonly name: string;
  readonly description?: string;
}): string {
  const { anchor, relationshipId, shapeId, name, description } = options;
  const marker = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from>${marker(anchor.col, anchor.row)}</xdr:from>` +
    `<xdr:to>${marker(anchor.col + Math.max(1, anchor.widthCols), anchor.row + Math.max(1, anchor.heightRows))}</xdr:to>` +
    '<xdr:graphicFrame macro="">' +
    '<xdr:nvGraphicFramePr>' +
    `<xdr:cNvPr id="${shapeId}" name="${escapeXml(name)}"${description ? ` descr="${escapeXml(description)}"` : ''}/>` +
    '<xdr:cNvGraphicFramePr/>' +
    '</xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_CHART}">` +
    `<c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_RELATIONSHIPS}" r:id="${escapeXml(relationshipId)}"/>` +
    '</a:graphicData></a:graphic>' +
    '</xdr:graphicFrame>' +
    '<xdr:clientData/>' +
    '</xdr:twoCellAnchor>'
  );
}

/** The drawing with `anchorsXml` appended as its last anchors. */
export function withAnchors(drawingXml: string, anchorsXml: string): string {
  const end = drawingXml.lastIndexOf('</xdr:wsDr>');
  if (end < 0) throw new Error('Drawing part has no </xdr:wsDr>: not a SpreadsheetML drawing.');
  return drawingXml.slice(0, end) + anchorsXml + drawingXml.slice(end);
}

/** The largest `cNvPr` shape id in the drawing (0 when it has none). */
export function largestShapeId(drawingXml: string): number {
  let largest = 0;
  for (const match of drawingXml.matchAll(/<xdr:cNvPr\b[^>]*?\bid="(\d+)"/g))
    largest = Math.max(largest, Number(match[1]));
  return largest;
}

/**
 * The drawing with alternative text (`descr`) set on its pictures, in document order: the n-th
 * `xdr:pic` gets `descriptions[n]`. Screen readers announce it.
 */
export function withPictureDescriptions(drawingXml: string, descriptions: readonly string[]): string {
  let pictureIndex = 0;
  return drawingXml.replace(
    /<xdr:pic>\s*<xdr:nvPicPr>\s*<xdr:cNvPr\b([^>]*?)(\/?)>/g,
    (whole, attributes: string, selfClosing: string) => {
      const description = descriptions[pictureIndex++];
      if (description === undefined || /\bdescr=/.test(attributes)) return whole;
      return whole.replace(
        `<xdr:cNvPr${attributes}${selfClosing}>`,
        `<xdr:cNvPr${attributes} descr="${escapeXml(description)}"${selfClosing}>`,
      );
    },
  );
}
