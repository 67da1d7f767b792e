import { deletionRuns, groupCells } from '../../src/storage/WritePlan';

describe('groupCells', () => {
  it('puts adjacent changed cells of one row into one block', () => {
    const blocks = groupCells([
      { row: 2, column: 3, value: 'c' },
      { row: 2, column: 2, value: 'b' },
      { row: 2, column: 5, value: 'e' },
    ]);
    expect(blocks).toEqual([
      { row: 2, column: 2, values: [['b', 'c']] },
      { row: 2, column: 5, values: [['e']] },
    ]);
  });

  it('stacks runs with the same columns on consecutive rows into one rectangle', () => {
    const cells = [5, 6, 7, 9].map((row) => ({ row, column: 4, value: `r${row}` }));
    expect(groupCells(cells)).toEqual([
      { row: 5, column: 4, values: [['r5'], ['r6'], ['r7']] },
      { row: 9, column: 4, values: [['r9']] },
    ]);
  });

  it('never includes an unchanged cell between changed ones', () => {
    const blocks = groupCells([
      { row: 2, column: 1, value: 1 },
      { row: 2, column: 3, value: 3 },
      { row: 3, column: 1, value: 1 },
      { row: 3, column: 2, value: 2 },
      { row: 3, column: 3, value: 3 },
    ]);
    const written = blocks.reduce((n, b) => n + b.values.length * b.values[0].length, 0);
    expect(written).toBe(5);
    expect(blocks).toContainEqual({ row: 3, column: 1, values: [[1, 2, 3]] });
  });

  it('returns nothing for no cells', () => {
    expect(groupCells([])).toEqual([]);
  });
});

describe('deletionRuns', () => {
  it('groups contiguous rows and orders runs bottom-up', () => {
    expect(deletionRuns([3, 4, 5, 9, 10, 2, 20])).toEqual([
      { start: 20, count: 1 },
      { start: 9, count: 2 },
      { start: 2, count: 4 },
    ]);
  });

  it('ignores duplicates', () => {
    expect(deletionRuns([7, 7, 8])).toEqual([{ start: 7, count: 2 }]);
  });
});
