/** `whereColumn`: a condition comparing two columns of the same row. */
import { isDate, isDateText, isEmptyCell, operatorMatcher } from '../collection/compare';
import type { Operator } from '../collection/compare';
import type { OperatorInput } from '../collection/select';
import { ValidationError } from '../errors';
import { Bool, checkColumn, checkOperator, Condition } from './conditions';

/** Arguments of `whereColumn`: (column, otherColumn) or (column, operator, otherColumn). */
export type ColumnCompareArgs = [string, string] | [string, OperatorInput, string];

/**
 * The condition of `whereColumn(column, operator?, other)`. As in SQL, a row with either cell empty
 * matches no comparison, negated (`whereNotColumn`) or not; ISO date text in either cell matches a
 * Date of that day in the other (in the spreadsheet's time zone), as `where` compares them.
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
    not: false,
    prepare: (resolve, zone) => {
      const read = resolve(column, 'model');
      const readOther = resolve(other, 'model');
      return (row) => {
        const value = read(row);
        const compared = readOther(row);
        if (isEmptyCell(value) || isEmptyCell(compared)) return false;
        // Date text on the left, a Date on the right: compared the other way round, so either side may hold the text.
        const swap = isDateText(value) && isDate(compared) && operator !== 'like' && operator !== 'ilike';
        const matches = swap ? operatorMatcher(SWAPPED[operator] || operator, value, zone)(compared) : operatorMatcher(operator, compared, zone)(value);
        return matches !== not;
      };
    },
  };
}

/** The operator that compares the other way round (`a < b` is `b > a`). */
const SWAPPED: Partial<Record<Operator, Operator>> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };
