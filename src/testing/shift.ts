/** Moves A1 references in formulas when rows or columns are inserted or deleted, as Sheets does. */
import { parseRef, RefEnd, RefParts, refText, tokenize } from './formula-tokens';

/** An insertion or deletion of `count` rows/columns starting at position `at`. */
export interface Shift {
  axis: 'row' | 'col';
  kind: 'insert' | 'delete';
  at: number;
  count: number;
}

function coord(end: RefEnd, axis: Shift['axis']): number | undefined {
  return axis === 'row' ? end.row : end.col;
}

function withCoord(end: RefEnd, axis: Shift['axis'], value: number): RefEnd {
  return axis === 'row' ? { ...end, row: value } : { ...end, col: value };
}

function moved(parts: RefParts, shift: Shift): RefParts {
  const first = coord(parts.start, shift.axis);
  const endPart = parts.end ?? parts.start;
  const last = coord(endPart, shift.axis);
  // Whole columns are untouched by row changes, and whole rows by column changes.
  if (first === undefined || last === undefined) return parts;
  let [from, to] = [first, last];
  if (shift.kind === 'insert') {
    if (from >= shift.at) from += shift.count;
    if (to >= shift.at) to += shift.count;
  } else {
    const lastGone = shift.at + shift.count - 1;
    if (from >= shift.at && to <= lastGone) return { ...parts, broken: true };
    from = from < shift.at ? from : from <= lastGone ? shift.at : from - shift.count;
    to = to < shift.at ? to : to <= lastGone ? shift.at - 1 : to - shift.count;
  }
  const start = withCoord(parts.start, shift.axis, from);
  return { ...parts, start, end: parts.end ? withCoord(parts.end, shift.axis, to) : undefined };
}

/** Rewrites the references of `formula` that point at the changed sheet. */
export function shiftFormula(formula: string, pointsAtChanged: (sheet: string | undefined) => boolean, shift: Shift): string {
  const tokens = tokenize(formula.slice(1));
  if (!tokens) return formula;
  let body = '';
  for (const token of tokens) {
    if (token.type !== 'ref') {
      body += token.text;
      continue;
    }
    const parts = parseRef(token.text);
    body += parts.broken || !pointsAtChanged(parts.sheet) ? token.text : refText(moved(parts, shift));
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
