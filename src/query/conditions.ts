/**
 * Where-conditions as data, and their compilation into one row predicate. AND binds tighter than
 * OR, as in SQL: `where(a).orWhere(b).where(c)` means `a OR (b AND c)`.
 */
import { normalizeOperator, operatorMatcher, membershipTest, isEmptyCell, Operator, ZoneSource } from '../collection/compare';
import { Collection } from '../collection/Collection';
import { ValidationError } from '../errors';
import { describeValue, isDate, Key } from '../support/values';

/** How a condition joins the ones before it. */
export type Bool = 'and' | 'or';

/** Which rows a column name refers to: the model's sheet, or the pivot sheet of a many-to-many query. */
export type Source = 'model' | 'pivot';

interface Base {
  bool: Bool;
  not: boolean;
}

/** One where-condition. */
export type Condition =
  | (Base & { kind: 'compare'; source: Source; column: string; operator: Operator; value: unknown })
  | (Base & { kind: 'in'; source: Source; column: string; values: unknown[] })
  | (Base & { kind: 'null'; source: Source; column: string })
  | (Base & { kind: 'between'; source: Source; column: string; low: unknown; high: unknown })
  | (Base & { kind: 'group'; conditions: Condition[] })
  /**
   * `late`: tested after the other conditions it is AND-ed with (it reads other sheets, on first use).
   * `keys`: it keeps the rows whose column holds one of these normalised keys (a relation's scope).
   */
  | (Base & { kind: 'deferred'; prepare: (resolve: ColumnResolver<any>, zone?: ZoneSource) => (row: any) => boolean; late?: boolean; keys?: KeyScope });

/** The rows a key scope keeps: those whose `column` holds one of `values` (normalised keys). */
export interface KeyScope {
  column: string;
  source: Source;
  values: ReadonlySet<Key>;
}

/** Turns a column name into a reader for the rows being filtered (`owner`: who a missing column is reported for). */
export type ColumnResolver<R> = (column: string, source: Source, owner?: string) => (row: R) => unknown;

/** Compiles conditions into one predicate, resolving every column once; `zone` reads date text (see operatorMatcher). */
export function compile<R>(conditions: readonly Condition[], resolve: ColumnResolver<R>, zone?: ZoneSource): (row: R) => boolean {
  if (!conditions.length) return () => true;
  // Split into OR-separated runs of AND-ed conditions.
  const runs: Array<Array<(row: R) => boolean>> = [[]];
  const lateTests: Array<Array<(row: R) => boolean>> = [[]];
  conditions.forEach((condition, i) => {
    if (i > 0 && condition.bool === 'or') {
      runs.push([]);
      lateTests.push([]);
    }
    const late = condition.kind === 'deferred' && condition.late === true;
    (late ? lateTests : runs)[runs.length - 1].push(compileOne(condition, resolve, zone));
  });
  // A row the cheap tests refuse never needs the costly ones: with no row left, their sheets go unread.
  runs.forEach((run, i) => run.push(...lateTests[i]));
  if (runs.length === 1 && runs[0].length === 1) return runs[0][0];
  return (row) => runs.some((run) => run.every((test) => test(row)));
}

function compileOne<R>(condition: Condition, resolve: ColumnResolver<R>, zone?: ZoneSource): (row: R) => boolean {
  const test = compilePositive(condition, resolve, zone);
  return condition.not ? (row) => !test(row) : test;
}

function compilePositive<R>(condition: Condition, resolve: ColumnResolver<R>, zone?: ZoneSource): (row: R) => boolean {
  switch (condition.kind) {
    case 'group':
      return compile(condition.conditions, resolve, zone);
    case 'deferred':
      return condition.prepare(resolve, zone);
    case 'compare': {
      const read = resolve(condition.column, condition.source);
      const matches = operatorMatcher(condition.operator, condition.value, zone);
      return (row) => matches(read(row));
    }
    case 'in': {
      const read = resolve(condition.column, condition.source);
      // null or '' in the list matches empty cells, as where(col, null) and where(col, '') do.
      const member = membershipTest(condition.values, zone);
      return (row) => member(read(row));
    }
    case 'null': {
      const read = resolve(condition.column, condition.source);
      return (row) => isEmptyCell(read(row));
    }
    case 'between': {
      const read = resolve(condition.column, condition.source);
      const atLeast = operatorMatcher('>=', condition.low, zone);
      const atMost = operatorMatcher('<=', condition.high, zone);
      return (row) => {
        const value = read(row);
        return atLeast(value) && atMost(value);
      };
    }
  }
}

/** Checks an operator, as a ValidationError naming who asked (`Post.where('views', …)`). */
export function checkOperator(operator: unknown, owner: string): Operator {
  try {
    return normalizeOperator(operator);
  } catch (error) {
    throw new ValidationError(`${owner}: ${(error as Error).message}.`);
  }
}

/** Checks a value compared in a where-clause (scalars, Dates and null only). */
export function checkValue(value: unknown, owner: string, method: string, column: string): void {
  if (value === undefined) {
    const nullMethod = /Pivot$/.test(method) ? 'whereNullPivot' : 'whereNull';
    throw new ValidationError(`${owner}.${method}('${column}', undefined): the value is undefined; pass a value, or use ${nullMethod}('${column}').`);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if ((typeof value === 'number' && !Number.isNaN(value)) || (isDate(value) && !Number.isNaN(value.getTime()))) return;
  const hint = isDate(value)
    ? ' the Date is invalid (new Date(text) could not read the text); check how it was built.'
    : Array.isArray(value) ? ` use ${/Pivot$/.test(method) ? 'whereInPivot' : 'whereIn'}('${column}', [...]) for a list.` : ' compare with a string, number, boolean, Date or null.';
  throw new ValidationError(`${owner}.${method}('${column}', …): cannot compare with ${describeValue(value)};${hint}`);
}

/**
 * Refuses Eloquent's column list (`get(['id', 'name'])`, `find(1, [...])`): rows are read whole, and
 * a list silently ignored would hand out the columns it was meant to leave out.
 */
export function refuseColumnList(columns: unknown, owner: string, method: string): void {
  // Only a list or a name: `ids.map(Post.find, Post)` passes an index there.
  if (!Array.isArray(columns) && typeof columns !== 'string') return;
  throw columnListError(owner, method);
}

/** The error for a column selection (`select('id')`, `get(['id'])`). */
export function columnListError(owner: string, method: string): ValidationError {
  return new ValidationError(
    `${owner}.${method}(): sheetorm reads whole rows and takes no list of columns; pick them from the results instead: serialize({ fields: ['id', 'name'] }), or pluck('name') for one column.`,
  );
}

/** Checks a column argument. */
export function checkColumn(column: unknown, owner: string, method: string): string {
  if (typeof column !== 'string' || !column.trim()) {
    throw new ValidationError(`${owner}.${method}(): the column must be a non-empty string, not ${describeValue(column)}.`);
  }
  return column;
}

/** Checks a list argument (whereIn and friends). */
export function checkList(values: unknown, owner: string, method: string, column: string): unknown[] {
  // A Map would give [key, value] pairs: which of the two is meant is for the caller to say.
  if (Object.prototype.toString.call(values) === '[object Map]') {
    throw new ValidationError(`${owner}.${method}('${column}', …): expected a list of values, got a Map; pass its keys or its values: [...map.keys()] or [...map.values()].`);
  }
  if (values instanceof Collection) values = values.all();
  // A Set (of this realm or a script's, in library mode) is a list too, as Collection.whereIn takes it.
  else if (values !== null && typeof values === 'object' && !Array.isArray(values) && typeof (values as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function') values = Array.from(values as Iterable<unknown>);
  if (!Array.isArray(values)) {
    throw new ValidationError(`${owner}.${method}('${column}', …): expected an array of values, got ${describeValue(values)}.`);
  }
  // Indexed: forEach would skip the holes of [1, , 2].
  for (let i = 0; i < values.length; i++) {
    if (values[i] === undefined) {
      throw new ValidationError(`${owner}.${method}('${column}', [...]): the item at index ${i} is undefined; leave missing values out, or use null for blank cells.`);
    }
    if (Array.isArray(values[i])) {
      throw new ValidationError(
        `${owner}.${method}('${column}', [...]): the item at index ${i} is a list (${describeValue(values[i])}); a range's values (getValues(), a custom function's argument) are rows of cells: flatten them first, values.flat().`,
      );
    }
    checkValue(values[i], owner, method, column);
  }
  return values.slice();
}
