export * from './generate';
export * from './expectedFigures';
export * from './writeExtract';
export * from './scanOutput';
export * from './readMethod';
