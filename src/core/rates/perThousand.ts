/**
 * Rates are per 1,000 young residents everywhere: the engine's rates, the formulas the workbook
 * recalculates them with, and every header that names them.
 */
export const PER_THOUSAND = 1000;
