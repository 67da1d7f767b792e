/** The values, syntax tree and host interface shared by the formula evaluator and its functions. */
import type { RefParts } from './formula-tokens';
import type { Scalar } from './parse';

/** An error value such as "#REF!". */
export class FormulaError {
  constructor(readonly code: string) {}
}

/** A blank cell, which is 0 in arithmetic and "" in text. */
export const EMPTY: unique symbol = Symbol('empty');

/** A value during evaluation. */
export type FValue = Scalar | FormulaError | typeof EMPTY;

/** A range's values, row by row. */
export type Matrix = FValue[][];

/** What the evaluator needs from the grid. */
export interface FormulaHost {
  timeZone: string;
  row: number;
  col: number;
  /** The size of a sheet (undefined: the formula's own), or undefined if there is no such sheet. */
  size(sheet: string | undefined): { maxRows: number; maxCols: number } | undefined;
  /** The value of a cell, evaluating its formula. */
  read(sheet: string | undefined, row: number, col: number): FValue;
}

/** A parsed formula. */
export type Node =
  | { kind: 'value'; value: FValue }
  | { kind: 'ref'; ref: RefParts }
  | { kind: 'unary'; op: string; arg: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };
