/** The functions the evaluator knows: SUM, ROW, COLUMN, CONCAT, CONCATENATE and IF. */
import type { Evaluator } from './formula';
import { FormulaError, FormulaHost, FValue, Node } from './formula-values';
import { isDate } from './parse';

/** Joins text parts, or returns the first error among them. */
export function joinText(parts: Array<string | FormulaError>): string | FormulaError {
  const error = parts.find((part) => part instanceof FormulaError);
  return error ?? parts.join('');
}

type Fn = (ev: Evaluator, args: Node[], host: FormulaHost) => FValue;

function flat(ev: Evaluator, args: Node[]): Array<{ value: FValue; fromRange: boolean }> {
  const out: Array<{ value: FValue; fromRange: boolean }> = [];
  for (const arg of args) {
    const value = ev.eval(arg);
    if (Array.isArray(value)) value.forEach((row) => row.forEach((cell) => out.push({ value: cell, fromRange: true })));
    else out.push({ value, fromRange: false });
  }
  return out;
}

function position(args: Node[], host: FormulaHost, axis: 'row' | 'col'): FValue {
  if (args.length === 0) return axis === 'row' ? host.row : host.col;
  const node = args[0];
  if (args.length > 1 || node.kind !== 'ref') return new FormulaError('#N/A');
  if (node.ref.broken) return new FormulaError('#REF!');
  return (axis === 'row' ? node.ref.start.row : node.ref.start.col) ?? 1;
}

/** Built-in functions by upper-case name. */
export const FUNCTIONS: Record<string, Fn> = {
  SUM(ev, args) {
    let total = 0;
    for (const { value, fromRange } of flat(ev, args)) {
      if (value instanceof FormulaError) return value;
      // Inside a range only numbers (and dates) count; typed arguments are coerced.
      if (fromRange && typeof value !== 'number' && !isDate(value)) continue;
      const n = ev.number(value);
      if (n instanceof FormulaError) return n;
      total += n;
    }
    return total;
  },
  ROW: (ev, args, host) => position(args, host, 'row'),
  COLUMN: (ev, args, host) => position(args, host, 'col'),
  CONCAT(ev, args) {
    if (args.length !== 2) return new FormulaError('#N/A');
    return joinText(args.map((arg) => ev.text(ev.scalar(arg))));
  },
  CONCATENATE(ev, args) {
    return joinText(flat(ev, args).map(({ value }) => ev.text(value)));
  },
  IF(ev, args) {
    if (args.length < 2 || args.length > 3) return new FormulaError('#N/A');
    const condition = ev.scalar(args[0]);
    if (condition instanceof FormulaError) return condition;
    const truth = typeof condition === 'string' ? /^true$/i.test(condition) : ev.number(condition) !== 0;
    if (typeof condition === 'string' && !/^(true|false)$/i.test(condition)) return new FormulaError('#VALUE!');
    if (truth) return ev.scalar(args[1]);
    return args.length === 3 ? ev.scalar(args[2]) : false;
  },
};
