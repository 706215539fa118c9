/**
 * The sheet references of a formula (`Name!A1`, `'Two words'!A1`), outside string literals, and
 * the formula with references to sheets the workbook lacks turned into `#REF!`. Excel cannot
 * resolve a formula that names a missing sheet (the UI asks for a file to link to; the result is
 * an external reference or `#REF!`), so the in-memory Excel stores `#REF!` in its place: a writer
 * that adds formulas before the sheets they name is caught.
 */
const REFERENCE = /'((?:[^']|'')+)'!|([A-Za-z_\u00c0-\uffff][A-Za-z0-9_.\u00c0-\uffff]*)!/g;

export function withMissingSheetsAsRefErrors(formula: string, sheetExists: (name: string) => boolean): string {
  let result = '';
  let inString = false;
  let segmentStart = 0;
  const flush = (end: number) => {
    const segment = formula.slice(segmentStart, end);
    result += inString
      ? segment
      : segment.replace(REFERENCE, (whole, quoted: string | undefined, bare: string | undefined) => {
          const name = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare as string);
          return sheetExists(name) ? whole : '#REF!';
        });
    segmentStart = end;
  };
  for (let index = 0; index < formula.length; index++) {
    if (formula[index] === '"') {
      flush(index);
      inString = !inString;
    }
  }
  flush(formula.length);
  return result;
}

/** Whether a formula is well formed enough for Excel to accept: balanced quotes and parentheses, no `{{`. */
export function formulaLooksValid(formula: string): boolean {
  if (!formula.startsWith('=') || formula.length < 2 || formula.includes('{{')) return false;
  let depth = 0;
  let inString = false;
  let inQuotedName = false;
  for (const character of formula) {
    if (character === '"' && !inQuotedName) inString = !inString;
    else if (character === "'" && !inString) inQuotedName = !inQuotedName;
    else if (!inString && !inQuotedName) {
      if (character === '(') depth++;
      if (character === ')' && --depth < 0) return false;
    }
  }
  return depth === 0 && !inString && !inQuotedName;
}
