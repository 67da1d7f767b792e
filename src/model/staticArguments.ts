/** Checks and readings of the arguments of Model's static lookups and creates. */
import { ValidationError } from '../errors';
import type { QueryBuilder } from '../query/QueryBuilder';
import { describeValue, isDate, isPlainObject } from '../support/values';
import { modelName } from './meta';
import type { Model, ModelClass } from './Model';

/** Refuses anything but an object of attributes (create) or an array of them (createMany), naming `owner.method()` (`Post.createMany()`, `User.posts.create()`); models of `related` pass too. */
export function checkAttributeList(list: unknown, owner: string, method: 'create' | 'createMany', related?: ModelClass): void {
  const items = method === 'create' ? [list] : list;
  if (!Array.isArray(items)) throw new ValidationError(`${owner}.${method}(): expected an array of attribute objects, got ${describeValue(list)}.`);
  Array.from(items).forEach((attributes, i) => {
    // A model of the class is taken as it is; one of another class would be merged as attributes.
    if (isPlainObject(attributes) || (related && attributes instanceof related)) return;
    const which = method === 'create' ? 'expected an object of attributes' : `the item at index ${i} is not an object of attributes`;
    // A model of another class (rows copied to an archive) is no list of attributes until asked for them.
    const hint = isModel(attributes) ? `; pass its attributes: ${method === 'create' ? 'model.$attributes' : 'models.map((model) => model.$attributes)'}` : '';
    throw new ValidationError(`${owner}.${method}(): ${which}, got ${describeValue(attributes)}${hint}.`);
  });
}

/** Whether a value is a model (of any class): its class has $getRelation. */
function isModel(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const owner = (value as { constructor?: unknown }).constructor as { $getRelation?: unknown } | undefined;
  return typeof owner === 'function' && typeof (owner as { $getRelation?: unknown }).$getRelation === 'function';
}

/** firstOrCreate/updateOrCreate take two objects of attributes: anything else would be spread into columns named 0, 1, ... */
export function checkAttributeObjects(owner: string, method: string, search: unknown, attributes: unknown): void {
  [search, attributes].forEach((value, i) => {
    if (isPlainObject(value)) return;
    const which = i === 0 ? 'the search' : 'the attributes';
    throw new ValidationError(`${owner}.${method}(): ${which} must be an object of columns such as { email: 'a@b.c' }, got ${describeValue(value)}.`);
  });
  const clause = search as Record<string, unknown>;
  for (const column of Object.keys(clause)) refuseList(`${owner}.${method}({ ${column}: [...] })`, column, clause[column]);
}

/** A list where one value is looked for (a form's e.namedValues answer), named in the method the caller used. */
function refuseList(call: string, column: string, value: unknown): void {
  if (!Array.isArray(value)) return;
  if (value.some((item) => item !== null && typeof item === 'object' && !isDate(item))) {
    // A loaded relation in a toJSON() fed back as the search.
    throw new ValidationError(`${call}: a list of rows (${describeValue(value)}) is no value to look for: relation data, as toJSON() gives for a loaded relation, is left out of a search.`);
  }
  throw new ValidationError(
    `${call}: a list (${describeValue(value)}) is no single value to look for; pass one (e.namedValues.${column}[0] for a form's answer), or use whereIn('${column}', [...]) for any of several.`,
  );
}

/**
 * The query of findBy(column, value) or findBy({ column: value }). With an object, a second
 * argument is ignored, as Lucid's is: an override or wrapper passing (clause, undefined) on works.
 */
export function findByQuery<M extends Model>(model: ModelClass<M>, method: string, column: unknown, value: unknown, given: number): QueryBuilder<M> {
  if (isPlainObject(column)) {
    const clause = column as Record<string, unknown>;
    for (const name of Object.keys(clause)) {
      if (clause[name] === undefined) throw undefinedValue(model, method, name, `{ ${name}: undefined }`);
      refuseList(`${modelName(model)}.${method}({ ${name}: [...] })`, name, clause[name]);
    }
    return model.query().where(clause);
  }
  if (typeof column !== 'string') {
    throw new ValidationError(`${modelName(model)}.${method}(): pass a column and a value, or an object of column values, got ${describeValue(column)}.`);
  }
  if (given < 2) throw new ValidationError(`${modelName(model)}.${method}(): pass a column and a value, or an object of column values, got only the column "${column}".`);
  if (value === undefined) throw undefinedValue(model, method, column, `'${column}', undefined`);
  refuseList(`${modelName(model)}.${method}('${column}', [...])`, column, value);
  return model.query().where(column, value);
}

/** A search value left undefined (a misspelt property, a form field not sent), named in the method the caller used. */
function undefinedValue(model: ModelClass<Model>, method: string, column: string, shown: string): ValidationError {
  return new ValidationError(`${modelName(model)}.${method}(${shown}): the value of "${column}" is undefined; pass a value, or null to find an empty cell.`);
}
