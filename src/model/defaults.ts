/** Defaults of Pinia `fields()` for new models, skipped while rows are being read into models. */
import { fieldsOf } from '../relations/registry';
import { readAttribute, writeAttribute } from './attributes';
import { attributeFields } from './fields';

let hydrating = 0;

/** Whether a constructor runs to hold a row being read (no defaults then). */
export function isHydrating(): boolean {
  return hydrating > 0;
}

/** Constructs a model to hold a row (its constructor applies no defaults). */
export function constructForRow<M>(model: new () => M): M {
  hydrating++;
  try {
    return new model();
  } finally {
    hydrating--;
  }
}

/** Gives a new model the defaults its `fields()` declare for attributes it does not have. */
export function applyDefaults(model: object): void {
  const fields = fieldsOf(model.constructor as Parameters<typeof fieldsOf>[0]);
  const declared = attributeFields(fields);
  for (let i = 0; i < declared.length; i++) {
    const [name, field] = declared[i];
    if (readAttribute(model, name) === undefined) writeAttribute(model, name, field.defaultValue());
  }
}
