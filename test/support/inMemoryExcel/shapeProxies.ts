import { ClientObject, CollectionObject, installProperties, type PropertySpecs } from './clientObject';
import { booleanValue, numberValue } from './valueChecks';
import { imageInfo } from './imageBytes';
import { PATH_TYPE, type InMemoryRequestContext, type ObjectPath } from './requestContext';
import type { ShapeState, SheetState } from './workbookState';

/** Points per pixel at 96 dpi. */
const POINTS_PER_PIXEL = 0.75;

export function shapeCollectionFor(
  context: InMemoryRequestContext,
  path: ObjectPath,
  sheet: () => SheetState,
): ShapeCollectionProxy {
  return new ShapeCollectionProxy(context, path, sheet);
}

export class ShapeCollectionProxy extends CollectionObject<ShapeState, ShapeProxy> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly sheet: () => SheetState,
  ) {
    super(context, path, 'ShapeCollection');
  }

  protected _locate(): readonly ShapeState[] {
    return this.sheet().shapes;
  }

  protected _itemProxy(shape: ShapeState): ShapeProxy {
    return new ShapeProxy(
      this.context,
      this.context.newPath(PATH_TYPE.ReferenceId, String(shape.id), this._path),
      () => shape,
    );
  }

  /**
   * A picture from base64 PNG or JPEG bytes at the sheet's top-left corner, at its pixel size in
   * points, aspect ratio locked (ShapeCollection.addImage). Other bytes are refused.
   */
  addImage(base64ImageString: string): ShapeProxy {
    let created: ShapeState | undefined;
    const proxy = new ShapeProxy(this.context, this._childPath('addImage', ['(image)']), () => created ?? null);
    this._method('addImage', [base64ImageString], () => {
      const image = imageInfo(base64ImageString, 'ShapeCollection.addImage');
      const sheet = this.sheet();
      const { state } = this.context;
      created = {
        id: state.nextId++,
        name: `Picture ${sheet.shapes.length + 1}`,
        imageFormat: image.format,
        byteLength: image.byteLength,
        pixelWidth: image.width,
        pixelHeight: image.height,
        left: 0,
        top: 0,
        width: image.width * POINTS_PER_PIXEL,
        height: image.height * POINTS_PER_PIXEL,
        lockAspectRatio: true,
        altTextDescription: '',
      };
      sheet.shapes.push(created);
    });
    return proxy;
  }
}

installProperties<readonly ShapeState[]>(ShapeCollectionProxy, {});

export class ShapeProxy extends ClientObject<ShapeState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly find: () => ShapeState | null,
  ) {
    super(context, path, 'Shape');
  }

  protected _locate(): ShapeState | null {
    return this.find();
  }
}

installProperties<ShapeState>(ShapeProxy, {
  id: { read: (shape) => String(shape.id) },
  type: { read: () => 'Image' },
  name: { read: (shape) => shape.name, write: (shape, value) => void (shape.name = String(value)) },
  altTextDescription: {
    read: (shape) => shape.altTextDescription,
    write: (shape, value) => void (shape.altTextDescription = String(value)),
  },
  left: {
    read: (shape) => shape.left,
    write: (shape, value, location) => void (shape.left = numberValue(value, location, 0, 169_056)),
  },
  top: {
    read: (shape) => shape.top,
    write: (shape, value, location) => void (shape.top = numberValue(value, location, 0, 169_056)),
  },
  lockAspectRatio: {
    read: (shape) => shape.lockAspectRatio,
    write: (shape, value, location) => void (shape.lockAspectRatio = booleanValue(value, location)),
  },
  // With the aspect ratio locked, changing one side scales the other (as Excel does).
  width: {
    read: (shape) => shape.width,
    write: (shape, value, location) => {
      const width = numberValue(value, location, 0, 169_056);
      if (shape.lockAspectRatio && shape.width > 0) shape.height *= width / shape.width;
      shape.width = width;
    },
  },
  height: {
    read: (shape) => shape.height,
    write: (shape, value, location) => {
      const height = numberValue(value, location, 0, 169_056);
      if (shape.lockAspectRatio && shape.height > 0) shape.width *= height / shape.height;
      shape.height = height;
    },
  },
} satisfies PropertySpecs<ShapeState>);
