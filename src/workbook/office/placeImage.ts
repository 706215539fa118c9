import type { ImageModel } from '../../report/sheetModel';
import { bytesToBase64 } from './base64';
import { actionBytes, type PayloadBudget } from './payloadBudget';

/** Points per pixel at 96 dpi, the resolution Excel takes a picture's pixels at. */
const POINTS_PER_PIXEL = 0.75;

/**
 * Adds a PNG picture to `worksheet` with its top-left corner on the anchor cell and its size in
 * points (pixels × 3/4), with the model's description as alternative text. The anchor cell's
 * position is read from Excel (Range.left/top) after the sheet's column widths are set, so it
 * needs a sync of its own. The base64 picture is one action: it must fit the payload budget.
 */
export async function placeImage(worksheet: Excel.Worksheet, image: ImageModel, budget: PayloadBudget): Promise<void> {
  const anchor = worksheet.getCell(image.anchor.row, image.anchor.col);
  anchor.load('left,top');
  await budget.flush();
  const base64 = bytesToBase64(image.png);
  // addImage, then seven settings: lockAspectRatio, left, top, width, height, name, altTextDescription.
  await budget.reserve(
    actionBytes([base64, false, 0, 0, 0, 0, image.description, image.description]),
    `The picture '${image.description}'`,
  );
  const shape = worksheet.shapes.addImage(base64);
  shape.lockAspectRatio = false;
  shape.left = anchor.left;
  shape.top = anchor.top;
  shape.width = image.widthPx * POINTS_PER_PIXEL;
  shape.height = image.heightPx * POINTS_PER_PIXEL;
  shape.name = image.description;
  shape.altTextDescription = image.description;
}
