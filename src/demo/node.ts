/** Node-only parts of the demo: reading the real inputs and writing the demo files. */
export { loadRealInputs, parseCsv, parseCsvLine, REAL_WARDS_FILE, REAL_POPULATION_FILE } from './loadRealInputs';
export { writeDemoFiles, DEMO_WORKBOOK_FILE, DEMO_BOUNDARIES_FILE } from './writeDemoFiles';
