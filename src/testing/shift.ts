/** Moves A1 references in formulas when rows or columns are inserted or deleted, as Sheets does. */
import { parseRef, RefEnd, RefParts, refText, tokenize } from './formula-tokens';

/** An insertion or deletion of `count` rows/columns starting at position `at`. */
export interface Shift {
  axis: 'row' | 'col';
  kind: 'insert' | 'delete';
  at: number;
  count: number;
}

/** The span [from, to] of one axis of a reference, moved by one change; null when it is deleted. */
function moveSpan(span: [number, number], shift: Shift): [number, number] | null {
  let [from, to] = span;
  if (shift.kind === 'insert') {
    if (from >= shift.at) from += shift.count;
    if (to >= shift.at) to += shift.count;
    return [from, to];
  }
  const lastGone = shift.at + shift.count - 1;
  if (from >= shift.at && to <= lastGone) return null;
  from = from < shift.at ? from : from <= lastGone ? shift.at : from - shift.count;
  to = to < shift.at ? to : to <= lastGone ? shift.at - 1 : to - shift.count;
  return [from, to];
}

/** A reference moved by changes made one after the other (broken once its cells are deleted). */
function moved(parts: RefParts, shifts: Shift[]): RefParts {
  const last = parts.end ?? parts.start;
  // Whole columns are untouched by row changes, and whole rows by column changes.
  let rows: [number, number] | null | undefined = parts.start.row !== undefined && last.row !== undefined ? [parts.start.row, last.row] : undefined;
  let cols: [number, number] | null | undefined = parts.start.col !== undefined && last.col !== undefined ? [parts.start.col, last.col] : undefined;
  for (const shift of shifts) {
    if (shift.axis === 'row' && rows) rows = moveSpan(rows, shift);
    else if (shift.axis === 'col' && cols) cols = moveSpan(cols, shift);
    if (rows === null || cols === null) return { ...parts, broken: true };
  }
  const at = (end: RefEnd, i: 0 | 1): RefEnd => ({ ...end, row: rows ? rows[i] : end.row, col: cols ? cols[i] : end.col });
  return { ...parts, start: at(parts.start, 0), end: parts.end ? at(parts.end, 1) : undefined };
}

/** A change of one sheet: `on` is that sheet, as `resolve` in shiftFormula names sheets. */
export interface SheetShift<S> {
  on: S;
  shift: Shift;
}

/**
 * Rewrites the references of `formula` for changes made one after the other; `resolve` gives the
 * sheet a reference points at (its own sheet when the reference names none). The formula is
 * read once whatever the number of changes.
 */
export function shiftFormula<S>(formula: string, resolve: (sheet: string | undefined) => S, changes: Array<SheetShift<S>>): string {
  const tokens = tokenize(formula.slice(1));
  if (!tokens) return formula;
  let body = '';
  for (const token of tokens) {
    if (token.type !== 'ref') {
      body += token.text;
      continue;
    }
    const parts = parseRef(token.text);
    const target = parts.broken ? undefined : resolve(parts.sheet);
    const shifts = parts.broken ? [] : changes.filter((change) => change.on === target).map((change) => change.shift);
    body += shifts.length ? refText(moved(parts, shifts)) : token.text;
  }
  return `=${body}`;
}

/** Moves the relative references of a formula copied `rows` down and `cols` right (absolute ones stay). */
export function offsetFormula(formula: string, rows: number, cols: number): string {
  const tokens = tokenize(formula.slice(1));
  if (!tokens || (rows === 0 && cols === 0)) return formula;
  const move = (end: RefEnd): RefEnd => ({
    ...end,
    row: end.row === undefined || end.absRow ? end.row : end.row + rows,
    col: end.col === undefined || end.absCol ? end.col : end.col + cols,
  });
  let body = '';
  for (const token of tokens) {
    if (token.type !== 'ref') {
      body += token.text;
      continue;
    }
    const parts = parseRef(token.text);
    if (parts.broken) {
      body += token.text;
      continue;
    }
    const next = { ...parts, start: move(parts.start), end: parts.end && move(parts.end) };
    const invalid = [next.start, next.end].some((end) => end && ((end.row ?? 1) < 1 || (end.col ?? 1) < 1));
    body += refText(invalid ? { ...next, broken: true } : next);
  }
  return `=${body}`;
}
