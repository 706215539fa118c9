import { invalidArgument, itemNotFound, propertyNotLoaded } from './excelError';
import {
  ACTION_TYPE,
  PATH_TYPE,
  type ActionResult,
  type InMemoryRequestContext,
  type ObjectPath,
} from './requestContext';
import type { WorkbookState } from './workbookState';

/** How a proxy property reads from and writes to the object it stands for. */
export interface PropertySpec<T> {
  readonly read?: (target: T, state: WorkbookState) => unknown;
  readonly write?: (target: T, value: unknown, location: string, state: WorkbookState) => void;
}

export type PropertySpecs<T> = Readonly<Record<string, PropertySpec<T>>>;

/** A copy of a value as it crosses to Excel and back: JSON, as Office.js sends it (NaN -> null, Date -> text). */
export function jsonCopy<V>(value: V): V {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as V);
}

/**
 * A proxy object like Office.js's ClientObject: it stands for an object in the workbook found at
 * `sync` time by `locate`; its properties can be read only after `load` and `sync` (else
 * PropertyNotLoaded, thrown at once), writing one queues a SetProperty action and keeps the value
 * on the proxy, and its methods queue actions. Objects got through `…OrNullObject` learn at sync
 * whether they exist (`isNullObject`).
 */
export abstract class ClientObject<T> {
  readonly _values = new Map<string, unknown>();
  _isNull: boolean | undefined;

  constructor(
    readonly context: InMemoryRequestContext,
    readonly _path: ObjectPath,
    readonly _entity: string,
  ) {}

  /** The object now, or null when it does not exist. */
  protected abstract _locate(): T | null;

  /** The object, or ItemNotFound at sync. */
  _target(): T {
    const target = this._locate();
    if (target === null || target === undefined) throw itemNotFound(this._path.describe(), `${this._entity} not found`);
    return target;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._entity, 'isNullObject');
    return this._isNull;
  }

  /** Queues the check an `…OrNullObject` method makes, so `isNullObject` is known after sync. */
  _queueNullCheck(): void {
    this.context.enqueue({
      type: ACTION_TYPE.Instantiate,
      name: '',
      path: this._path,
      args: [],
      apply: () => {
        const exists = this._locate() !== null;
        return { data: { IsNull: !exists }, deliver: () => void (this._isNull = !exists) };
      },
    });
  }

  _get(name: string): unknown {
    if (this._values.has(name)) return this._values.get(name);
    if (this._isNull) return undefined;
    throw propertyNotLoaded(this._entity, name);
  }

  _set(name: string, value: unknown, spec: PropertySpec<T>): void {
    const sent = jsonCopy(value);
    this._values.set(name, value);
    this.context.enqueue({
      type: ACTION_TYPE.SetProperty,
      name,
      path: this._path,
      args: [sent],
      apply: () => spec.write!(this._target(), sent, `${this._entity}.${name}`, this.context.state),
    });
  }

  /** Queues a method call; proxies among `args` are sent as references to their object paths. */
  _method(name: string, args: readonly unknown[], apply: () => ActionResult | void): void {
    const referencedPaths: ObjectPath[] = [];
    const sent = args.map((arg) => {
      if (arg instanceof ClientObject) {
        referencedPaths.push(arg._path);
        return { ObjectPathId: arg._path.id };
      }
      return jsonCopy(arg);
    });
    this.context.enqueue({ type: ACTION_TYPE.Method, name, path: this._path, args: sent, referencedPaths, apply });
  }

  /** A navigation property's proxy, made once per proxy (Office.js caches them too). */
  _child<C>(name: string, make: (path: ObjectPath) => C): C {
    const key = `child:${name}`;
    if (!this._children.has(key)) this._children.set(key, make(this._childPath(name)));
    return this._children.get(key) as C;
  }

  private readonly _children = new Map<string, unknown>();

  /** A child proxy's object path (a navigation property such as `format`, or a method such as `getRange`). */
  _childPath(name: string, args?: readonly unknown[]): ObjectPath {
    return this.context.newPath(
      args ? PATH_TYPE.Method : PATH_TYPE.Property,
      name,
      this._path,
      args ? jsonCopy(args) : undefined,
    );
  }

  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    const names = propertyNames(spec);
    const specs = (this as unknown as { _properties: PropertySpecs<T> })._properties;
    const wanted = names.length > 0 ? names : Object.keys(specs).filter((name) => specs[name].read);
    this.context.enqueue({
      type: ACTION_TYPE.Query,
      name: '',
      path: this._path,
      args: [{ Select: wanted }],
      apply: () => {
        const target = this._target();
        const data: Record<string, unknown> = {};
        for (const name of wanted) {
          const read = specs[name]?.read;
          if (!read)
            throw invalidArgument(
              `${this._entity}.load`,
              `'${name}' is not a property of ${this._entity} that the in-memory Excel can load`,
            );
          data[name] = read(target, this.context.state);
        }
        return { data, deliver: () => Object.entries(data).forEach(([name, value]) => this._values.set(name, value)) };
      },
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

/** The property names of a `load` argument: 'a,b', ['a', 'b'] or { select: 'a,b' }. */
export function propertyNames(spec: string | string[] | { select?: string; expand?: string } | undefined): string[] {
  const list =
    spec === undefined
      ? []
      : typeof spec === 'string'
        ? spec.split(',')
        : Array.isArray(spec)
          ? spec
          : (spec.select ?? '').split(',');
  return list.map((name) => name.trim()).filter((name) => name !== '');
}

/** Defines each spec'd property on a proxy class: a getter that needs `load`, and a setter where writable. */
export function installProperties<T>(proxyClass: { prototype: object }, specs: PropertySpecs<T>): void {
  Object.defineProperty(proxyClass.prototype, '_properties', { value: specs });
  for (const [name, spec] of Object.entries(specs)) {
    Object.defineProperty(proxyClass.prototype, name, {
      configurable: true,
      get(this: ClientObject<T>) {
        return this._get(name);
      },
      ...(spec.write
        ? {
            set(this: ClientObject<T>, value: unknown) {
              this._set(name, value, spec);
            },
          }
        : {}),
    });
  }
}

/**
 * A collection proxy: `items` needs `load` (of 'items', 'items/name', or item properties such as
 * 'name') and a sync; each item is a proxy bound to the object it was loaded from.
 */
export abstract class CollectionObject<T, Item extends ClientObject<T>> extends ClientObject<readonly T[]> {
  protected abstract _itemProxy(target: T, index: number): Item;

  get items(): Item[] {
    return this._get('items') as Item[];
  }

  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    const names = propertyNames(spec)
      .map((name) => name.replace(/^items\/?/, ''))
      .filter((name) => name !== '');
    this.context.enqueue({
      type: ACTION_TYPE.Query,
      name: '',
      path: this._path,
      args: [{ Select: names, Expand: 'items' }],
      apply: () => {
        const targets = this._target();
        const proxies = targets.map((target, index) => this._itemProxy(target, index));
        const data = proxies.map((proxy) => {
          const specs = (proxy as unknown as { _properties: PropertySpecs<T> })._properties;
          const wanted = names.length > 0 ? names : Object.keys(specs).filter((name) => specs[name].read);
          return Object.fromEntries(
            wanted.map((name) => {
              const read = specs[name]?.read;
              if (!read)
                throw invalidArgument(
                  `${this._entity}.load`,
                  `'${name}' is not a property of ${proxy._entity} that the in-memory Excel can load`,
                );
              return [name, read(targets[proxies.indexOf(proxy)], this.context.state)];
            }),
          );
        });
        return {
          data,
          deliver: () => {
            proxies.forEach((proxy, index) =>
              Object.entries(data[index]).forEach(([name, value]) => proxy._values.set(name, value)),
            );
            this._values.set('items', proxies);
          },
        };
      },
    });
    return this;
  }
}
