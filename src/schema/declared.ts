/**
 * What models declare about their sheets: columns (`static columns`, Pinia `fields()`, keys,
 * foreign keys of their relations) and the pivot sheets of their many-to-many relations.
 */
import { Model, ModelClass } from '../model/Model';
import { modelName, pinnedSpreadsheetId, primaryKeys, sheetName } from '../model/meta';
import { ValidationError } from '../errors';
import { describeValue } from '../support/values';
import { MAX_CELL_CHARS, needsTextGuard } from '../support/cells';
import { attributeFields } from '../model/fields';
import { fieldsOf } from '../relations/registry';
import { Relation } from '../relations/Relation';

/** A sheet and the columns it must have. */
export interface SheetSchema {
  sheetName: string;
  spreadsheetId: string | null;
  columns: string[];
  /** Who needs the sheet (`Post`, `Post.tags`), for messages. */
  owner: string;
}

const RELATION_CALL = /\bthis\s*\.\s*(hasOne|hasMany|belongsTo|manyToMany|belongsToMany)\s*\(/;

/** The relations a model defines: in `fields()`, and methods whose body builds a relation. */
export function declaredRelations(model: ModelClass): Array<Relation<any, any, any>> {
  const names = new Set<string>();
  const fields = fieldsOf(model);
  for (const name of Object.keys(fields)) if (fields[name] instanceof Relation) names.add(name);
  for (let proto = model.prototype; proto && proto !== Model.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      // Only methods that visibly build a relation are called: others may have side effects.
      if (name !== 'constructor' && descriptor && typeof descriptor.value === 'function' && RELATION_CALL.test(String(descriptor.value))) names.add(name);
    }
  }
  return Array.from(names).map((name) => model.$getRelation(name));
}

/** The sheets (and their columns) a list of models needs. */
export function declaredSchemas(models: readonly ModelClass[]): SheetSchema[] {
  const schemas = new Map<string, SheetSchema>();
  const want = (owner: string, sheet: string, spreadsheetId: string | null | undefined, columns: readonly string[]) => {
    const key = `${spreadsheetId || ''}\u0000${sheet}`;
    const schema = schemas.get(key) || { sheetName: sheet, spreadsheetId: spreadsheetId || null, columns: [], owner };
    for (const column of columns) {
      const name = checkedColumn(column, owner, sheet);
      if (schema.columns.indexOf(name) < 0) schema.columns.push(name);
    }
    schemas.set(key, schema);
  };
  for (const model of models) want(modelName(model), sheetName(model), pinnedSpreadsheetId(model), modelColumns(model));
  for (const model of models) {
    for (const relation of declaredRelations(model)) addRelationColumns(relation, models, want);
  }
  return Array.from(schemas.values());
}

/** The columns a model declares: its keys, `static columns` and the attributes of `fields()`. */
function modelColumns(model: ModelClass): string[] {
  if (model.columns !== undefined && !Array.isArray(model.columns)) {
    throw new ValidationError(`SheetORM.ensureSchema(): ${modelName(model)}.columns must be a list of column names, such as ['id', 'title'], not ${describeValue(model.columns)}.`);
  }
  const fields = attributeFields(fieldsOf(model)).map(([name]) => name);
  return primaryKeys(model).concat(model.columns || [], fields);
}

/** A column name fit for a header cell: text (trimmed), not blank, that a cell can hold. */
function checkedColumn(column: unknown, owner: string, sheet: string): string {
  const name = typeof column === 'string' ? column.trim() : '';
  // A name Sheets would parse is written after an apostrophe, which counts towards the limit.
  const guarded = needsTextGuard(name);
  if (!name || name.length + (guarded ? 1 : 0) > MAX_CELL_CHARS) {
    const apostrophe = guarded && name.length === MAX_CELL_CHARS ? ` (${MAX_CELL_CHARS - 1} for this one: Sheets could parse it, so it is written after an apostrophe)` : '';
    throw new ValidationError(
      `SheetORM.ensureSchema(): ${owner} declares a column ${describeValue(column)} for sheet "${sheet}"; a column name is non-empty text of at most ${MAX_CELL_CHARS} characters${apostrophe}. Nothing was changed.`,
    );
  }
  return name;
}

type Want = (owner: string, sheet: string, spreadsheetId: string | null | undefined, columns: readonly string[]) => void;

function addRelationColumns(relation: Relation<Model, Model, unknown> & Record<string, any>, models: readonly ModelClass[], want: Want): void {
  relation.boot();
  const related = relation.relatedModel();
  const owner = relation.label();
  if (relation.type === 'manyToMany') {
    const ref = relation.pivotRef();
    const columns = [relation.pivotForeignKey, relation.pivotRelatedForeignKey].concat(relation.pivotColumns);
    // A pivot model's own declarations hold for its sheet too, as if it were listed itself.
    if (relation.pivotModel) want(owner, ref.sheetName, ref.spreadsheetId, modelColumns(relation.pivotModel).concat(columns));
    else want(owner, ref.sheetName, ref.spreadsheetId, columns);
  } else if (relation.type === 'belongsTo') {
    want(owner, sheetName(relation.model), pinnedSpreadsheetId(relation.model), [relation.foreignKey]);
  } else if (models.indexOf(related) >= 0) {
    want(owner, sheetName(related), pinnedSpreadsheetId(related), [relation.foreignKey]);
  }
}
