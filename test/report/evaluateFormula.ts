import { chiSquareQuantile, twoSidedNormalCritical } from '../../src/core/rates';
import { excelFixed } from '../../src/report/excelFixed';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';

/**
 * A small evaluator of the Excel formulas the report writes, so a test can recompute a sheet from
 * its constants (counts, populations, φ, τ²) and compare with the results core cached: numbers,
 * text in double quotes, references (A1, $A$1, A1:B9, {{Sheet}}!A1), the operators + − × ÷ ^ & and
 * the comparisons, with Excel's precedence (unary minus above ^, so -2^2 = 4) and Excel's ordering
 * of types in comparisons (numbers < text < logical values, text without regard to case), and the
 * functions the report uses: IF, AND, OR, MIN, MAX, SUM, SQRT, ABS, NORMSINV, CHIINV, FIXED.
 * Text where a number is needed is #VALUE!, thrown. NORMSINV and CHIINV use the engine's inverse
 * gamma (Excel's are accurate to about 1e-9; the LibreOffice test recalculates with another engine).
 */
export type FormulaValue = number | string | boolean;

/** A cell's value by sheet (null: the formula's own sheet) and 0-based row and column; null for a blank. */
export type CellLookup = (sheet: string | null, row: number, col: number) => FormulaValue | null;

type Node =
  | { kind: 'value'; value: FormulaValue }
  | { kind: 'ref'; sheet: string | null; row: number; col: number }
  | { kind: 'range'; sheet: string | null; from: { row: number; col: number }; to: { row: number; col: number } }
  | { kind: 'unary'; operand: Node }
  | { kind: 'binary'; operator: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("(?:[^"]|"")*")|((?:\{\{[^}]+\}\}!|'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])|([A-Za-z][\w.]*)(?=\()|(TRUE|FALSE)|(<>|<=|>=|[-+*/^&=<>(),]))/y;

function tokenize(formula: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(formula);
    if (!match) {
      if (/^\s*$/.test(formula.slice(at))) break;
      throw new Error(`Cannot read the formula at '${formula.slice(at, at + 20)}' in ${formula}`);
    }
    tokens.push(match[0].trim());
  }
  return tokens;
}

function columnIndex(letters: string): number {
  return [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

function parseReference(token: string): Node {
  const bang = token.lastIndexOf('!');
  const rawSheet = bang < 0 ? null : token.slice(0, bang);
  const sheet =
    rawSheet === null
      ? null
      : rawSheet
          .replace(/^\{\{(.*)\}\}$/, '$1')
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
  const cell = (a1: string) => {
    const [, letters, digits] = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1)!;
    return { row: Number(digits) - 1, col: columnIndex(letters) };
  };
  const [first, second] = token.slice(bang + 1).split(':');
  if (second === undefined) return { kind: 'ref', sheet, ...cell(first) };
  return { kind: 'range', sheet, from: cell(first), to: cell(second) };
}

function parse(formula: string): Node {
  const tokens = tokenize(formula);
  let position = 0;
  const peek = () => tokens[position];
  const take = (expected?: string) => {
    const token = tokens[position++];
    if (expected !== undefined && token !== expected)
      throw new Error(`Expected '${expected}' but read '${token}' in ${formula}`);
    return token;
  };
  const levels: readonly (readonly string[])[] = [
    ['=', '<>', '<', '>', '<=', '>='],
    ['&'],
    ['+', '-'],
    ['*', '/'],
    ['^'],
  ];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let left = binary(level + 1);
    while (levels[level].includes(peek())) {
      const operator = take();
      left = { kind: 'binary', operator, left, right: binary(level + 1) };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      take();
      return { kind: 'unary', operand: unary() };
    }
    if (peek() === '+') take();
    return primary();
  };
  const primary = (): Node => {
    const token = take();
    if (token === undefined) throw new Error(`The formula ends too soon: ${formula}`);
    if (token === '(') {
      const inner = binary(0);
      take(')');
      return inner;
    }
    if (/^\d/.test(token)) return { kind: 'value', value: Number(token) };
    if (token.startsWith('"')) return { kind: 'value', value: token.slice(1, -1).replace(/""/g, '"') };
    if (token === 'TRUE' || token === 'FALSE') return { kind: 'value', value: token === 'TRUE' };
    if (peek() === '(') {
      take('(');
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(binary(0));
        while (peek() === ',') {
          take(',');
          args.push(binary(0));
        }
      }
      take(')');
      return { kind: 'call', name: token.toUpperCase(), args };
    }
    return parseReference(token);
  };
  const tree = binary(0);
  if (position !== tokens.length) throw new Error(`Unread '${tokens.slice(position).join(' ')}' in ${formula}`);
  return tree;
}

function asNumber(value: FormulaValue | null, formula: string): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  throw new Error(`#VALUE!: '${value}' is text where ${formula} needs a number`);
}

function asText(value: FormulaValue | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Excel's order for comparisons: numbers, then text (case-blind), then logical values. */
function compare(left: FormulaValue | null, right: FormulaValue | null): number {
  const rank = (value: FormulaValue | null) =>
    value === null || typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
  const [a, b] = [left ?? 0, right ?? 0];
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') return a.toLowerCase().localeCompare(String(b).toLowerCase());
  return Number(a) - Number(b);
}

function normsInv(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`#NUM!: NORMSINV(${p})`);
  if (p === 0.5) return 0;
  return p > 0.5 ? twoSidedNormalCritical(2 * p - 1) : -twoSidedNormalCritical(1 - 2 * p);
}

/** The value of `formula` (without its leading '='), reading cells through `lookup`. */
export function evaluateFormula(formula: string, lookup: CellLookup): FormulaValue {
  const rangeValues = (node: Node): (FormulaValue | null)[] => {
    if (node.kind !== 'range') return [evaluate(node)];
    const values: (FormulaValue | null)[] = [];
    for (let row = node.from.row; row <= node.to.row; row++)
      for (let col = node.from.col; col <= node.to.col; col++) values.push(lookup(node.sheet, row, col));
    return values;
  };
  const numbersOf = (args: Node[]) =>
    args.flatMap((arg) =>
      arg.kind === 'range'
        ? rangeValues(arg).filter((v): v is number => typeof v === 'number')
        : [asNumber(evaluate(arg), formula)],
    );
  const evaluate = (node: Node): FormulaValue | null => {
    switch (node.kind) {
      case 'value':
        return node.value;
      case 'ref':
        return lookup(node.sheet, node.row, node.col);
      case 'range':
        throw new Error(`A range where a value is needed in ${formula}`);
      case 'unary':
        return -asNumber(evaluate(node.operand), formula);
      case 'binary': {
        const [left, right] = [evaluate(node.left), evaluate(node.right)];
        switch (node.operator) {
          case '+':
            return asNumber(left, formula) + asNumber(right, formula);
          case '-':
            return asNumber(left, formula) - asNumber(right, formula);
          case '*':
            return asNumber(left, formula) * asNumber(right, formula);
          case '/': {
            const divisor = asNumber(right, formula);
            if (divisor === 0) throw new Error(`#DIV/0! in ${formula}`);
            return asNumber(left, formula) / divisor;
          }
          case '^':
            return asNumber(left, formula) ** asNumber(right, formula);
          case '&':
            return asText(left) + asText(right);
          case '=':
            return compare(left, right) === 0;
          case '<>':
            return compare(left, right) !== 0;
          case '<':
            return compare(left, right) < 0;
          case '>':
            return compare(left, right) > 0;
          case '<=':
            return compare(left, right) <= 0;
          case '>=':
            return compare(left, right) >= 0;
          default:
            throw new Error(`Unknown operator ${node.operator}`);
        }
      }
      case 'call': {
        const args = node.args;
        switch (node.name) {
          case 'IF':
            return asNumber(evaluate(args[0]), formula) !== 0
              ? evaluate(args[1])
              : args.length > 2
                ? evaluate(args[2])
                : false;
          case 'AND':
            return args.every((arg) => asNumber(evaluate(arg), formula) !== 0);
          case 'OR':
            return args.some((arg) => asNumber(evaluate(arg), formula) !== 0);
          case 'MIN':
            return Math.min(...numbersOf(args));
          case 'MAX':
            return Math.max(...numbersOf(args));
          case 'SUM':
            return numbersOf(args).reduce((sum, value) => sum + value, 0);
          case 'SQRT': {
            const value = asNumber(evaluate(args[0]), formula);
            if (value < 0) throw new Error(`#NUM!: SQRT(${value}) in ${formula}`);
            return Math.sqrt(value);
          }
          case 'ABS':
            return Math.abs(asNumber(evaluate(args[0]), formula));
          case 'NORMSINV':
            return normsInv(asNumber(evaluate(args[0]), formula));
          case 'CHIINV':
            return chiSquareQuantile(1 - asNumber(evaluate(args[0]), formula), asNumber(evaluate(args[1]), formula));
          case 'FIXED':
            return excelFixed(asNumber(evaluate(args[0]), formula), asNumber(evaluate(args[1]), formula));
          default:
            throw new Error(`The evaluator has no function ${node.name} (in ${formula})`);
        }
      }
    }
  };
  const value = evaluate(parse(formula));
  return value ?? 0;
}

/**
 * Every cell of a set of sheet models, recomputed: constants as written, formulas evaluated from
 * the cells they read (recursively, never from a cached result). `{{Name}}!` references read the
 * sheet of that base name.
 */
export function recalculate(
  models: readonly SheetModel[],
): (sheet: string, row: number, col: number) => FormulaValue | null {
  const cells = new Map<string, Map<string, ModelCell>>();
  for (const model of models) {
    const sheet = new Map<string, ModelCell>();
    for (const { row, col, cell } of model.cells) sheet.set(`${row}:${col}`, cell);
    for (const table of model.tables) {
      table.headers.forEach((header, offset) =>
        sheet.set(`${table.row}:${table.col + offset}`, { kind: 'text', value: header }),
      );
      table.rows.forEach((body, index) =>
        body.forEach((cell, offset) => sheet.set(`${table.row + 1 + index}:${table.col + offset}`, cell)),
      );
    }
    cells.set(model.name, sheet);
  }
  const memo = new Map<string, FormulaValue | null>();
  const valueAt = (sheet: string, row: number, col: number): FormulaValue | null => {
    const key = `${sheet}!${row}:${col}`;
    if (memo.has(key)) return memo.get(key)!;
    const cell = cells.get(sheet)?.get(`${row}:${col}`);
    let value: FormulaValue | null;
    if (!cell || cell.kind === 'empty') value = null;
    else if (cell.kind === 'formula')
      value = evaluateFormula(cell.formula, (other, r, c) => valueAt(other ?? sheet, r, c));
    else if (cell.kind === 'date') throw new Error('Dates are not evaluated');
    else value = cell.value === '' ? null : cell.value;
    memo.set(key, value);
    return value;
  };
  return valueAt;
}
