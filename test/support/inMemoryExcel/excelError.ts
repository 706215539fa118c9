/**
 * Errors as Office.js reports them: `name` 'RichApi.Error', a `code` from Excel.ErrorCodes or
 * OfficeExtension.ErrorCodes, a `message`, and `debugInfo` with the code, message and the object
 * and member that failed (`errorLocation`). Messages follow Office.js's resource strings
 * (office_strings.js) where Office.js builds them on the client, Excel's error table otherwise.
 */
export class InMemoryExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** Thrown synchronously when a proxy property is read before `load` and `sync` (Office.js Utility.throwIfNotLoaded). */
export function propertyNotLoaded(entity: string, property: string): InMemoryExcelError {
  return new InMemoryExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

export function itemNotFound(location: string, what: string): InMemoryExcelError {
  return new InMemoryExcelError('ItemNotFound', `The requested resource doesn't exist. (${what})`, location);
}

export function itemAlreadyExists(location: string, what: string): InMemoryExcelError {
  return new InMemoryExcelError(
    'ItemAlreadyExists',
    `A resource with the same name or identifier already exists. (${what})`,
    location,
  );
}

export function invalidArgument(location: string, what: string): InMemoryExcelError {
  return new InMemoryExcelError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. (${what})`,
    location,
  );
}

export function invalidOperation(location: string, what: string): InMemoryExcelError {
  return new InMemoryExcelError('InvalidOperation', `The operation is invalid for the object. (${what})`, location);
}

export function notImplemented(location: string, what: string): InMemoryExcelError {
  return new InMemoryExcelError(
    'NotImplemented',
    `The requested feature isn't implemented by the in-memory Excel. (${what})`,
    location,
  );
}

export function requestPayloadTooLarge(bytes: number, limit: number): InMemoryExcelError {
  return new InMemoryExcelError(
    'RequestPayloadSizeLimitExceeded',
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".' +
      ` (${bytes} bytes; limit ${limit})`,
  );
}

export function responsePayloadTooLarge(bytes: number, limit: number): InMemoryExcelError {
  return new InMemoryExcelError(
    'ResponsePayloadSizeLimitExceeded',
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".' +
      ` (${bytes} bytes; limit ${limit})`,
  );
}

/** An object of a finished `Excel.run` batch used again (Office.js marks its object paths invalid at the end of the run). */
export function invalidObjectPath(path: string): InMemoryExcelError {
  return new InMemoryExcelError(
    'InvalidObjectPath',
    `The object path '${path}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
  );
}

export function runMustReturnPromise(): InMemoryExcelError {
  return new InMemoryExcelError(
    'RunMustReturnPromise',
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  );
}
