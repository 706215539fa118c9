export * from './buildReport';
export * from './sheetModel';
export * from './runContext';
