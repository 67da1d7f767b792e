/** `whereColumn`: a condition comparing two columns of the same row. */
import { isEmptyCell, operatorMatcher } from '../collection/compare';
import type { OperatorInput } from '../collection/select';
import { ValidationError } from '../errors';
import { Bool, checkColumn, checkOperator, Condition } from './conditions';

/** Arguments of `whereColumn`: (column, otherColumn) or (column, operator, otherColumn). */
export type ColumnCompareArgs = [string, string] | [string, OperatorInput, string];

/**
 * The condition of `whereColumn(column, operator?, other)`. As in SQL, a row with either cell empty
 * matches no comparison; text like `'2024-03-01'` in one cell matches a Date of that day in the other,
 * as `where` compares them.
 */
export function columnComparison(owner: string, method: string, bool: Bool, not: boolean, args: unknown[]): Condition {
  if (args.length !== 2 && args.length !== 3) {
    throw new ValidationError(`${owner}.${method}(): expected (column, otherColumn) or (column, operator, otherColumn), got ${args.length} arguments.`);
  }
  const column = checkColumn(args[0], owner, method);
  const other = checkColumn(args[args.length - 1], owner, method);
  const operator = checkOperator(args.length === 3 ? args[1] : '=', `${owner}.${method}('${column}', …)`);
  return {
    kind: 'deferred',
    bool,
    not,
    prepare: (resolve) => {
      const read = resolve(column, 'model');
      const readOther = resolve(other, 'model');
      return (row) => {
        const value = read(row);
        const compared = readOther(row);
        return !isEmptyCell(value) && !isEmptyCell(compared) && operatorMatcher(operator, compared)(value);
      };
    },
  };
}
