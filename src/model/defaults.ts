/** Defaults of Pinia `fields()` for new models, skipped while rows are being read into models. */
import { fieldsOf } from '../relations/registry';
import { readAttribute, writeAttribute } from './attributes';
import { cloneValue } from '../support/values';
import { attributeFields, AttributeField } from './fields';
import { classOf, primaryKeys } from './meta';

/** Set while a model is constructed to hold a row, until its Model constructor takes it. */
let rowPending = false;

/**
 * Whether this Model constructor runs to hold a row being read (no state or defaults then). The
 * first constructor to ask takes the answer, so a model a subclass constructor makes with `new`
 * after `super()` is an ordinary new model.
 */
export function takeRowConstruction(): boolean {
  const forRow = rowPending;
  rowPending = false;
  return forRow;
}

/** Constructs a model to hold a row (its constructor applies no defaults). */
export function constructForRow<M>(model: new () => M): M {
  rowPending = true;
  try {
    return new model();
  } finally {
    rowPending = false;
  }
}

/**
 * Gives a new model the defaults its `fields()` declare for attributes it does not have. A fixed
 * default on a single primary key (Pinia's `id: this.number(0)`) is left out: every new row would
 * get the same key, so the key is `max + 1` on insert, as when none is given. Each model gets its
 * own copy of a Date default.
 */
export function applyDefaults(model: object): void {
  forEachDefault(classOf<ModelType>(model), (name, value) => {
    if (readAttribute(model, name) === undefined) writeAttribute(model, name, value);
  });
}

type ModelType = Parameters<typeof fieldsOf>[0] & Parameters<typeof primaryKeys>[0];

/** Each default a new row of `type` gets (see applyDefaults): computed now, Dates copied. */
export function forEachDefault(type: ModelType, fn: (name: string, value: unknown) => void): void {
  const declared = attributeFields(fieldsOf(type));
  if (!declared.length) return;
  const keys = primaryKeys(type);
  const key = keys.length === 1 ? keys[0] : null;
  for (let i = 0; i < declared.length; i++) {
    const [name, field] = declared[i];
    if (name === key && isFixedKey(field)) continue;
    fn(name, cloneValue(field.defaultValue()));
  }
}

/** A default that would give every new row the same key (a blank one, such as `attr(null)`, does not). */
function isFixedKey(field: AttributeField): boolean {
  if (field.kind === 'uid' || field.hasFunctionDefault()) return false;
  const value = field.defaultValue();
  return value !== null && value !== undefined && value !== '';
}
