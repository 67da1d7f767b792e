/**
 * A small formula evaluator: numbers, text, TRUE/FALSE, + - * / ^ &, comparisons, parentheses,
 * A1 references and ranges, and SUM, ROW, COLUMN, CONCAT, CONCATENATE, IF. Any other function
 * is "#NAME?" and anything unreadable "#ERROR!", as in Sheets.
 */
import { dateToSerial } from './dates';
import { FUNCTIONS, joinText } from './formula-functions';
import { parseRef, RefParts, Token, tokenize } from './formula-tokens';
import { EMPTY, FormulaError, FormulaHost, FValue, Matrix, Node } from './formula-values';
import { isDate, parseTyped, Scalar } from './parse';

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.comparison();
    if (this.at < this.tokens.length) throw new Error('trailing input');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private take(text?: string): Token {
    const token = this.tokens[this.at];
    if (!token || (text !== undefined && token.text !== text)) throw new Error('unexpected token');
    this.at++;
    return token;
  }

  private binary(ops: string[], next: () => Node): Node {
    let left = next();
    while (this.peek()?.type === 'op' && ops.includes(this.peek()!.text)) {
      const op = this.take().text;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  }

  private comparison = (): Node => this.binary(['=', '<>', '<', '>', '<=', '>='], this.concat);
  private concat = (): Node => this.binary(['&'], this.additive);
  private additive = (): Node => this.binary(['+', '-'], this.term);
  private term = (): Node => this.binary(['*', '/'], this.power);
  private power = (): Node => this.binary(['^'], this.unary);

  private unary = (): Node => {
    const token = this.peek();
    if (token?.type === 'op' && (token.text === '-' || token.text === '+')) {
      this.take();
      return { kind: 'unary', op: token.text, arg: this.unary() };
    }
    return this.primary();
  };

  private primary(): Node {
    const token = this.take();
    if (token.type === 'number') return { kind: 'value', value: Number(token.text) };
    if (token.type === 'string') return { kind: 'value', value: token.text.slice(1, -1).replace(/""/g, '"') };
    if (token.type === 'error') return { kind: 'value', value: new FormulaError(token.text) };
    if (token.type === 'ref') return { kind: 'ref', ref: parseRef(token.text) };
    if (token.type === 'op' && token.text === '(') {
      const inner = this.comparison();
      this.take(')');
      return inner;
    }
    if (token.type === 'name') return this.name(token.text);
    throw new Error('unexpected token');
  }

  private name(text: string): Node {
    if (this.peek()?.text !== '(') {
      if (/^(TRUE|FALSE)$/i.test(text)) return { kind: 'value', value: text.toUpperCase() === 'TRUE' };
      return { kind: 'value', value: new FormulaError('#NAME?') };
    }
    this.take('(');
    const args: Node[] = [];
    if (this.peek()?.text !== ')') {
      do args.push(this.argument());
      while (this.peek()?.text === ',' && this.take(','));
    }
    this.take(')');
    return { kind: 'call', name: text.toUpperCase(), args };
  }

  private argument(): Node {
    const next = this.peek()?.text;
    return next === ',' || next === ')' ? { kind: 'value', value: EMPTY } : this.comparison();
  }
}

/** Parses a formula ("=..."); null when Sheets would show "#ERROR!". */
export function parseFormula(formula: string): Node | null {
  const tokens = tokenize(formula.slice(1));
  if (!tokens) return null;
  try {
    return new Parser(tokens.filter((token) => token.type !== 'space')).parse();
  } catch {
    return null;
  }
}

/** Evaluates a formula to a value, EMPTY or a FormulaError (for use by other formulas). */
export function evaluateRaw(formula: string, host: FormulaHost): FValue {
  const node = parseFormula(formula);
  const value = node ? new Evaluator(host).scalar(node) : new FormulaError('#ERROR!');
  return typeof value === 'number' && !Number.isFinite(value) ? new FormulaError('#NUM!') : value;
}

/** What getValues shows for a computed value: the value, "" or the error code. */
export function shown(value: FValue): Scalar | '' {
  if (value === EMPTY) return '';
  return value instanceof FormulaError ? value.code : value;
}

/** Evaluates parsed formulas against a host grid. */
export class Evaluator {
  constructor(private readonly host: FormulaHost) {}

  scalar(node: Node): FValue {
    const value = this.eval(node);
    if (!Array.isArray(value)) return value;
    return value.length === 1 && value[0].length === 1 ? value[0][0] : new FormulaError('#VALUE!');
  }

  eval(node: Node): FValue | Matrix {
    switch (node.kind) {
      case 'value':
        return node.value;
      case 'ref':
        return this.range(node.ref);
      case 'unary': {
        const arg = this.number(this.scalar(node.arg));
        return typeof arg === 'number' && node.op === '-' ? -arg : arg;
      }
      case 'binary':
        return this.binary(node.op, this.scalar(node.left), this.scalar(node.right));
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  private range(ref: RefParts): FValue | Matrix {
    const size = this.host.size(ref.sheet);
    if (ref.broken || !size) return new FormulaError('#REF!');
    const end = ref.end ?? ref.start;
    const row1 = ref.start.row ?? 1;
    const row2 = end.row ?? size.maxRows;
    const col1 = ref.start.col ?? 1;
    const col2 = end.col ?? size.maxCols;
    if (row2 > size.maxRows || col2 > size.maxCols) return new FormulaError('#REF!');
    const rows: Matrix = [];
    for (let r = row1; r <= row2; r++) {
      const line: FValue[] = [];
      for (let c = col1; c <= col2; c++) line.push(this.host.read(ref.sheet, r, c));
      rows.push(line);
    }
    return rows;
  }

  number(value: FValue): number | FormulaError {
    if (value instanceof FormulaError || typeof value === 'number') return value;
    if (value === EMPTY || value === '') return 0;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (isDate(value)) return dateToSerial(value, this.host.timeZone);
    const typed = parseTyped(value, this.host.timeZone).value;
    if (typeof typed === 'number') return typed;
    return isDate(typed) ? dateToSerial(typed, this.host.timeZone) : new FormulaError('#VALUE!');
  }

  text(value: FValue): string | FormulaError {
    if (value instanceof FormulaError || typeof value === 'string') return value;
    if (value === EMPTY) return '';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    const n = isDate(value) ? dateToSerial(value, this.host.timeZone) : value;
    return String(parseFloat(n.toPrecision(15)));
  }

  private binary(op: string, left: FValue, right: FValue): FValue {
    if (left instanceof FormulaError) return left;
    if (right instanceof FormulaError) return right;
    if (op === '&') return joinText([this.text(left), this.text(right)]);
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) return compareWith(op, this.compare(left, right));
    const a = this.number(left);
    const b = this.number(right);
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (op === '^') return Math.pow(a, b);
    return b === 0 ? new FormulaError('#DIV/0!') : a / b;
  }

  private compare(left: FValue, right: FValue): number {
    const rank = (v: FValue) => (typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 0);
    let a = left === EMPTY ? blankLike(right) : left;
    let b = right === EMPTY ? blankLike(left) : right;
    if (isDate(a)) a = dateToSerial(a, this.host.timeZone);
    if (isDate(b)) b = dateToSerial(b, this.host.timeZone);
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (typeof a === 'string' && typeof b === 'string') {
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return Number(a) - Number(b);
  }

  private call(name: string, args: Node[]): FValue {
    const fn = FUNCTIONS[name];
    return fn ? fn(this, args, this.host) : new FormulaError('#NAME?');
  }
}

function blankLike(other: FValue): FValue {
  return typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
}

function compareWith(op: string, diff: number): boolean {
  if (op === '=') return diff === 0;
  if (op === '<>') return diff !== 0;
  if (op === '<') return diff < 0;
  if (op === '>') return diff > 0;
  return op === '<=' ? diff <= 0 : diff >= 0;
}

