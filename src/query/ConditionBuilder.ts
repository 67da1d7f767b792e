import type { ValueList } from '../collection/Collection';
/** The where-family of a query: builds the condition list that `compile()` evaluates. */
import { Condition, Bool, Source, checkColumn, checkList, checkOperator, checkValue } from './conditions';
import { ValidationError } from '../errors';
import { isPlainObject, describeValue, normalizeKey } from '../support/values';
import type { OperatorInput } from '../collection/select';
import { ColumnCompareArgs, columnComparison } from './columnCompare';

/** A nested group callback: `where(q => q.where(...).orWhere(...))`. */
export type GroupCallback<B> = (query: B) => unknown;

/** Arguments of `where`: (column, value), (column, operator, value), ({ column: value }), or a group callback. */
export type WhereArgs<B> = [GroupCallback<B>] | [Record<string, unknown>] | [string, unknown] | [string, OperatorInput, unknown];

/** Where-clauses shared by model queries, relation queries and nested groups. */
export class ConditionBuilder {
  /** The conditions, in order. */
  conditions: Condition[] = [];
  /** Who builds this query, for error messages (`Post`, `Post.tags`). */
  protected owner: string;

  constructor(owner: string) {
    this.owner = owner;
  }

  /** A builder for a nested group; relation queries return their own kind so pivot clauses work inside. */
  protected newGroup(): ConditionBuilder {
    return new ConditionBuilder(this.owner);
  }

  /**
   * Runs `callback(query, value)` when `condition` is truthy, else `otherwise` if given (Eloquent's
   * when, Lucid's if): `query.when(e.parameter.status, (q, status) => q.where('status', status))`.
   * A function condition is called with the query first.
   */
  when<V>(condition: V | ((query: this) => V), callback: (query: this, value: V) => unknown, otherwise?: (query: this, value: V) => unknown): this {
    return this.branch('when', condition, callback, otherwise, false);
  }
  /** Lucid's spelling of `when`. */
  if<V>(condition: V | ((query: this) => V), callback: (query: this, value: V) => unknown, otherwise?: (query: this, value: V) => unknown): this {
    return this.branch('if', condition, callback, otherwise, false);
  }
  /** `when` with the condition negated: runs `callback` when `condition` is falsy. */
  unless<V>(condition: V | ((query: this) => V), callback: (query: this, value: V) => unknown, otherwise?: (query: this, value: V) => unknown): this {
    return this.branch('unless', condition, callback, otherwise, true);
  }

  private branch<V>(method: string, condition: unknown, callback: unknown, otherwise: unknown, negate: boolean): this {
    for (const [fn, which] of [[callback, 'callback'], [otherwise, 'otherwise']] as const) {
      if (typeof fn !== 'function' && (which === 'callback' || fn !== undefined)) {
        throw new ValidationError(`${this.owner}.${method}(condition, callback, otherwise?): the ${which} must be a function such as q => q.where(...), got ${describeValue(fn)}.`);
      }
    }
    const value = (typeof condition === 'function' ? condition(this) : condition) as V;
    const chosen = Boolean(value) !== negate ? callback : otherwise;
    if (chosen) (chosen as (query: this, value: V) => unknown)(this, value);
    return this;
  }

  /** `where(col, value)`, `where(col, op, value)`, `where({ col: value })` or `where(q => …)`. */
  where(...args: WhereArgs<this>): this {
    return this.addWhere('and', false, args, 'where');
  }
  /** Alias of `where`. */
  andWhere(...args: WhereArgs<this>): this {
    return this.addWhere('and', false, args, 'andWhere');
  }
  /** OR-ed `where`. */
  orWhere(...args: WhereArgs<this>): this {
    return this.addWhere('or', false, args, 'orWhere');
  }
  /** Negated `where`. */
  whereNot(...args: WhereArgs<this>): this {
    return this.addWhere('and', true, args, 'whereNot');
  }
  /** Alias of `whereNot`. */
  andWhereNot(...args: WhereArgs<this>): this {
    return this.addWhere('and', true, args, 'andWhereNot');
  }
  /** OR-ed negated `where`. */
  orWhereNot(...args: WhereArgs<this>): this {
    return this.addWhere('or', true, args, 'orWhereNot');
  }
  /** Compares two columns of each row: `whereColumn('updated_at', '>', 'created_at')` (Lucid, Eloquent). */
  whereColumn(...args: ColumnCompareArgs): this {
    return this.addColumnCompare('and', false, args, 'whereColumn');
  }
  /** Alias of `whereColumn`. */
  andWhereColumn(...args: ColumnCompareArgs): this {
    return this.addColumnCompare('and', false, args, 'andWhereColumn');
  }
  /** OR-ed `whereColumn`. */
  orWhereColumn(...args: ColumnCompareArgs): this {
    return this.addColumnCompare('or', false, args, 'orWhereColumn');
  }
  /** Negated `whereColumn`. */
  whereNotColumn(...args: ColumnCompareArgs): this {
    return this.addColumnCompare('and', true, args, 'whereNotColumn');
  }
  /** Alias of `whereNotColumn`. */
  andWhereNotColumn(...args: ColumnCompareArgs): this {
    return this.addColumnCompare('and', true, args, 'andWhereNotColumn');
  }
  /** OR-ed negated `whereColumn`. */
  orWhereNotColumn(...args: ColumnCompareArgs): this {
    return this.addColumnCompare('or', true, args, 'orWhereNotColumn');
  }

  private addColumnCompare(bool: Bool, not: boolean, args: unknown[], method: string): this {
    this.conditions.push(columnComparison(this.owner, method, bool, not, args));
    return this;
  }
  /** Column value is one of `values`. */
  whereIn(column: string, values: ValueList): this {
    return this.addIn('and', false, column, values, 'whereIn');
  }
  /** Alias of `whereIn`. */
  andWhereIn(column: string, values: ValueList): this {
    return this.addIn('and', false, column, values, 'andWhereIn');
  }
  /** OR-ed `whereIn`. */
  orWhereIn(column: string, values: ValueList): this {
    return this.addIn('or', false, column, values, 'orWhereIn');
  }
  /** Column value is none of `values`. */
  whereNotIn(column: string, values: ValueList): this {
    return this.addIn('and', true, column, values, 'whereNotIn');
  }
  /** Alias of `whereNotIn`. */
  andWhereNotIn(column: string, values: ValueList): this {
    return this.addIn('and', true, column, values, 'andWhereNotIn');
  }
  /** OR-ed `whereNotIn`. */
  orWhereNotIn(column: string, values: ValueList): this {
    return this.addIn('or', true, column, values, 'orWhereNotIn');
  }
  /** Cell is empty. */
  whereNull(column: string): this {
    return this.addNull('and', false, column, 'whereNull');
  }
  /** Alias of `whereNull`. */
  andWhereNull(column: string): this {
    return this.addNull('and', false, column, 'andWhereNull');
  }
  /** OR-ed `whereNull`. */
  orWhereNull(column: string): this {
    return this.addNull('or', false, column, 'orWhereNull');
  }
  /** Cell is not empty. */
  whereNotNull(column: string): this {
    return this.addNull('and', true, column, 'whereNotNull');
  }
  /** Alias of `whereNotNull`. */
  andWhereNotNull(column: string): this {
    return this.addNull('and', true, column, 'andWhereNotNull');
  }
  /** OR-ed `whereNotNull`. */
  orWhereNotNull(column: string): this {
    return this.addNull('or', true, column, 'orWhereNotNull');
  }
  /** Value within `[low, high]`, inclusive. */
  whereBetween(column: string, range: readonly [unknown, unknown]): this {
    return this.addBetween('and', false, column, range, 'whereBetween');
  }
  /** OR-ed `whereBetween`. */
  orWhereBetween(column: string, range: readonly [unknown, unknown]): this {
    return this.addBetween('or', false, column, range, 'orWhereBetween');
  }
  /** Value outside `[low, high]`. */
  whereNotBetween(column: string, range: readonly [unknown, unknown]): this {
    return this.addBetween('and', true, column, range, 'whereNotBetween');
  }
  /** OR-ed `whereNotBetween`. */
  orWhereNotBetween(column: string, range: readonly [unknown, unknown]): this {
    return this.addBetween('or', true, column, range, 'orWhereNotBetween');
  }
  /** Alias of `whereBetween` (Lucid). */
  andWhereBetween(column: string, range: readonly [unknown, unknown]): this {
    return this.addBetween('and', false, column, range, 'andWhereBetween');
  }
  /** Alias of `whereNotBetween` (Lucid). */
  andWhereNotBetween(column: string, range: readonly [unknown, unknown]): this {
    return this.addBetween('and', true, column, range, 'andWhereNotBetween');
  }
  /** SQL LIKE (`%`, `_`), case-sensitive as Lucid's; Laravel's third argument `false` ignores case (`ilike`). */
  whereLike(column: string, pattern: string, caseSensitive = true): this {
    return this.where(column, this.likeOperator(caseSensitive, 'whereLike'), pattern);
  }
  /** Alias of `whereLike` (Lucid). */
  andWhereLike(column: string, pattern: string, caseSensitive = true): this {
    return this.where(column, this.likeOperator(caseSensitive, 'andWhereLike'), pattern);
  }
  /** OR-ed `whereLike`. */
  orWhereLike(column: string, pattern: string, caseSensitive = true): this {
    return this.orWhere(column, this.likeOperator(caseSensitive, 'orWhereLike'), pattern);
  }

  private likeOperator(caseSensitive: unknown, method: string): 'like' | 'ilike' {
    if (typeof caseSensitive !== 'boolean') {
      throw new ValidationError(`${this.owner}.${method}(column, pattern, caseSensitive): caseSensitive is true or false, got ${describeValue(caseSensitive)}.`);
    }
    return caseSensitive ? 'like' : 'ilike';
  }
  /** SQL LIKE, case-insensitive. */
  whereILike(column: string, pattern: string): this {
    return this.where(column, 'ilike', pattern);
  }
  /** Alias of `whereILike` (Lucid). */
  andWhereILike(column: string, pattern: string): this {
    return this.where(column, 'ilike', pattern);
  }
  /** OR-ed `whereILike`. */
  orWhereILike(column: string, pattern: string): this {
    return this.orWhere(column, 'ilike', pattern);
  }

  /** Column holds one of `keys`, compared as keys (`1`, `'1'` and `' 1 '` match). */
  protected keyInCondition(column: string, keys: Iterable<unknown>, source: Source, method: string): Condition {
    const name = checkColumn(column, this.owner, method);
    const wanted = new Set(Array.from(keys, normalizeKey));
    wanted.delete('');
    return {
      kind: 'deferred',
      bool: 'and',
      not: false,
      keys: { column: name, source, values: wanted },
      prepare: (resolve) => {
        const read = resolve(name, source);
        return (row) => wanted.has(normalizeKey(read(row)));
      },
    };
  }

  /** Adds a where-clause against `source` (the model's sheet or the pivot sheet). */
  protected addWhere(bool: Bool, not: boolean, args: unknown[], method: string, source: Source = 'model'): this {
    const [first] = args;
    if (typeof first === 'function' && args.length === 1) return this.addGroup(bool, not, first as GroupCallback<this>, method);
    if (isPlainObject(first) && args.length === 1) {
      const group = this.newGroup();
      for (const column of Object.keys(first)) group.addWhere('and', false, [column, first[column]], method, source);
      return this.pushGroup(bool, not, group.conditions);
    }
    if (args.length !== 2 && args.length !== 3) {
      const forms = '(column, value), (column, operator, value), ({ column: value }) or (query => …)';
      throw new ValidationError(`${this.owner}.${method}(): expected ${forms}, got ${args.length} arguments.`);
    }
    const column = checkColumn(first, this.owner, method);
    const operator = checkOperator(args.length === 3 ? args[1] : '=', `${this.owner}.${method}('${column}', …)`);
    const value = args.length === 3 ? args[2] : args[1];
    checkValue(value, this.owner, method, column);
    // null and '' both mean an empty cell.
    const blank = value === null || value === '';
    if (blank && (operator === '=' || operator === '==')) return this.addNull(bool, not, column, method, source);
    if (blank && (operator === '!=' || operator === '<>')) return this.addNull(bool, !not, column, method, source);
    this.conditions.push({ kind: 'compare', bool, not, source, column, operator, value });
    return this;
  }

  protected addGroup(bool: Bool, not: boolean, callback: GroupCallback<this>, method: string): this {
    const group = this.newGroup();
    const unknown = readsOfUnknownNames(group, callback as GroupCallback<ConditionBuilder>);
    // Pinia's where(row => row.age > 40) would be an empty group here, so a delete() or update() would take every row.
    if (!group.conditions.length && unknown.length) {
      throw new ValidationError(
        `${this.owner}.${method}(callback): the callback is given a query builder to group conditions in (as in Lucid), not a row; it read "${unknown[0]}", which a query builder does not have. ` +
          `Write ${method}('${unknown[0]}', '>', 40)-style conditions inside it, or filter the models after get(): .get().filter(row => …).`,
      );
    }
    this.adoptGroup(group);
    return this.pushGroup(bool, not, group.conditions);
  }

  /** Takes over what a group built in a callback knows besides its conditions (the sheets its has/whereHas read). */
  protected adoptGroup(_group: ConditionBuilder): void {}

  private pushGroup(bool: Bool, not: boolean, conditions: Condition[]): this {
    // An empty group adds nothing (as in Eloquent and knex): `q => { if (search) q.where(…) }` must
    // not turn `orWhere` into "every row" or `whereNot` into "no row".
    if (conditions.length) this.conditions.push({ kind: 'group', bool, not, conditions });
    return this;
  }

  protected addIn(bool: Bool, not: boolean, column: unknown, values: unknown, method: string, source: Source = 'model'): this {
    const name = checkColumn(column, this.owner, method);
    this.conditions.push({ kind: 'in', bool, not, source, column: name, values: checkList(values, this.owner, method, name) });
    return this;
  }

  protected addNull(bool: Bool, not: boolean, column: unknown, method: string, source: Source = 'model'): this {
    this.conditions.push({ kind: 'null', bool, not, source, column: checkColumn(column, this.owner, method) });
    return this;
  }

  protected addBetween(bool: Bool, not: boolean, column: unknown, range: unknown, method: string, source: Source = 'model'): this {
    const name = checkColumn(column, this.owner, method);
    if (!Array.isArray(range) || range.length !== 2) {
      throw new ValidationError(`${this.owner}.${method}('${name}', …): expected [low, high], got ${describeValue(range)}.`);
    }
    range.forEach((value) => checkValue(value, this.owner, method, name));
    this.conditions.push({ kind: 'between', bool, not, source, column: name, low: range[0], high: range[1] });
    return this;
  }
}

/** Runs a group callback on `group`; returns the names it read that the builder does not have (`row.age`). */
function readsOfUnknownNames(group: ConditionBuilder, callback: GroupCallback<ConditionBuilder>): string[] {
  const unknown: string[] = [];
  const watched = new Proxy(group, {
    get(target, name) {
      if (typeof name === 'string' && !(name in target)) unknown.push(name);
      const value = Reflect.get(target, name, target) as unknown;
      // Methods run on the builder itself, so only the callback's own reads are watched.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  callback(watched);
  return unknown;
}
