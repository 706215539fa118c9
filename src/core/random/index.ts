/** Seeded, reproducible random numbers for the rank simulation. */
export { seededRandom } from './seededRandom';
export { poissonSample, PTRS_THRESHOLD } from './poissonSample';
export { normalSample } from './normalSample';
export { gammaSample } from './gammaSample';
