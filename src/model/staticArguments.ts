/** Checks and readings of the arguments of Model's static lookups and creates. */
import { ValidationError } from '../errors';
import type { QueryBuilder } from '../query/QueryBuilder';
import { describeValue, isPlainObject } from '../support/values';
import { modelName } from './meta';
import type { Model, ModelClass } from './Model';

/** firstOrCreate/updateOrCreate take two objects of attributes: anything else would be spread into columns named 0, 1, ... */
export function checkAttributeObjects(model: ModelClass, method: string, search: unknown, attributes: unknown): void {
  [search, attributes].forEach((value, i) => {
    if (isPlainObject(value)) return;
    const which = i === 0 ? 'the search' : 'the attributes';
    throw new ValidationError(`${modelName(model)}.${method}(): ${which} must be an object of columns such as { email: 'a@b.c' }, got ${describeValue(value)}.`);
  });
}

/**
 * The query of findBy(column, value) or findBy({ column: value }). With an object, a second
 * argument is ignored, as Lucid's is: an override or wrapper passing (clause, undefined) on works.
 */
export function findByQuery<M extends Model>(model: ModelClass<M>, method: string, column: unknown, value: unknown, given: number): QueryBuilder<M> {
  if (isPlainObject(column)) return model.query().where(column as Record<string, unknown>);
  if (typeof column !== 'string') {
    throw new ValidationError(`${modelName(model)}.${method}(): pass a column and a value, or an object of column values, got ${describeValue(column)}.`);
  }
  if (given < 2) throw new ValidationError(`${modelName(model)}.${method}(): pass a column and a value, or an object of column values, got only the column "${column}".`);
  return model.query().where(column, value);
}
