/** The spreadsheet every scenario starts from, as sheet values and as oracle rows. */
import { Cell, col, Row, SCHEMA, SheetName } from './oracle';

/** Data rows; the Posts `double` formulas were typed by a person. */
const SEED: Record<SheetName, unknown[][]> = {
  Posts: [
    [1, 'First', 3, '=C2*2', 'seeded'],
    [2, 'Second', 7, '=C3*2', ''],
    [3, 'Third', '', '', ''],
    [4, 'Fourth', 1, '=C5*2', 'keep'],
    [5, 'Fifth', 9, '=C6*2', ''],
    [6, 'Sixth', 5, '', ''],
  ],
  Tags: [[1, 'js'], [2, 'ts'], [3, 'gas'], [4, 'orm']],
  PostTag: [[1, 1, ''], [1, 2, 'x'], [2, 1, ''], [3, 3, ''], [5, 2, 'seeded']],
};

const NAMES = Object.keys(SCHEMA) as SheetName[];

/** The sheets with their header rows, for `seedSheets`. */
export function seedValues(): Record<SheetName, unknown[][]> {
  return Object.fromEntries(NAMES.map((name) => [name, [SCHEMA[name].slice(), ...SEED[name]]])) as Record<SheetName, unknown[][]>;
}

/** The same sheets as oracle rows. */
export function seedRows(): Record<SheetName, Row[]> {
  return Object.fromEntries(NAMES.map((name) => [name, SEED[name].map((line) => toRow(name, line))])) as Record<SheetName, Row[]>;
}

function toRow(name: SheetName, line: unknown[]): Row {
  const double = col('Posts', 'double');
  const formula = name === 'Posts' && line[double] !== '';
  return { cells: line.map((cell, c) => (cell === '' || (name === 'Posts' && c === double) ? null : (cell as Cell))), formula };
}
