/**
 * Changed-cell blocks that write one value everywhere (a query's `update({ status: 'done' })` over
 * scattered rows) go out together: one `getRangeList(a1s).setValue(value)` instead of a
 * `getRange().setValues()` per block, two calls in all where each block would take two.
 */
import { isDate } from '../support/values';
import { columnLetter } from './Header';
import type { CellBlock } from './WritePlan';

type Cell = string | number | boolean | Date;

/** Ranges per RangeList: bounds one call's request however many rows a query changes. */
export const RANGES_PER_LIST = 1000;

/** A block's A1 notation within its sheet (`C4`, `C4:D9`). */
export function blockA1(block: CellBlock): string {
  const rows = block.values.length;
  const columns = block.values[0].length;
  const start = `${columnLetter(block.column)}${block.row}`;
  return rows === 1 && columns === 1 ? start : `${start}:${columnLetter(block.column + columns - 1)}${block.row + rows - 1}`;
}

/**
 * The blocks whose cells all hold one value, grouped by that value where two or more share it (at
 * most RANGES_PER_LIST a group), and the rest, each written on its own (every block without `grouping`).
 */
export function sameValueGroups(blocks: readonly CellBlock[], grouping = true): { groups: Array<{ value: Cell; blocks: CellBlock[] }>; rest: CellBlock[] } {
  const byValue = new Map<string, { value: Cell; blocks: CellBlock[] }>();
  const rest: CellBlock[] = grouping ? [] : blocks.slice();
  for (const block of grouping ? blocks : []) {
    const value = block.values[0][0];
    const key = valueKey(value);
    if (!block.values.every((row) => row.every((cell) => valueKey(cell) === key))) {
      rest.push(block);
      continue;
    }
    const group = byValue.get(key);
    if (group) group.blocks.push(block);
    else byValue.set(key, { value, blocks: [block] });
  }
  const groups: Array<{ value: Cell; blocks: CellBlock[] }> = [];
  byValue.forEach((group) => {
    if (group.blocks.length < 2) rest.push(...group.blocks);
    else for (let i = 0; i < group.blocks.length; i += RANGES_PER_LIST) groups.push({ value: group.value, blocks: group.blocks.slice(i, i + RANGES_PER_LIST) });
  });
  rest.sort((a, b) => a.row - b.row || a.column - b.column);
  return { groups, rest };
}

/** Cells equal for setValue: same type and value (a Date by its time). */
function valueKey(value: Cell): string {
  return isDate(value) ? `date:${value.getTime()}` : `${typeof value}:${String(value)}`;
}
