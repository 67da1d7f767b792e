/** Pinia-style attribute fields: `static fields () { return { id: this.attr(null), name: this.string('') } }`. */

/** An attribute declared in `fields()`, with the default a new model starts with. */
export class AttributeField {
  readonly kind: 'attr' | 'string' | 'number' | 'boolean' | 'uid';
  /** False after `notNullable()`: saving the model with this attribute empty is refused. */
  nullable = true;
  private readonly initial: unknown;

  constructor(kind: AttributeField['kind'], initial: unknown) {
    this.kind = kind;
    this.initial = initial;
  }

  /** The value a new model gets (a fresh UUID for `uid()`, a call for function defaults). */
  defaultValue(): unknown {
    if (this.kind === 'uid') return Utilities.getUuid();
    return typeof this.initial === 'function' ? (this.initial as () => unknown)() : this.initial;
  }

  /** Pinia's modifier: a model whose attribute is empty (null, '') is refused when saved, before anything is written. */
  notNullable(): this {
    this.nullable = false;
    return this;
  }

  /** Whether the default is computed for each model (a function), not one fixed value. */
  hasFunctionDefault(): boolean {
    return typeof this.initial === 'function';
  }
}

const declared = new WeakMap<object, Array<[string, AttributeField]>>();

/** The declared attribute fields of a `fields()` result (computed once per result). */
export function attributeFields(fields: Record<string, unknown>): Array<[string, AttributeField]> {
  let found = declared.get(fields);
  if (!found) {
    found = Object.keys(fields)
      .filter((name) => fields[name] instanceof AttributeField)
      .map((name): [string, AttributeField] => [name, fields[name] as AttributeField]);
    declared.set(fields, found);
  }
  return found;
}

/** The names of the attributes declared `notNullable()`. */
export function notNullableNames(fields: Record<string, unknown>): string[] {
  return attributeFields(fields)
    .filter(([, field]) => !field.nullable)
    .map(([name]) => name);
}
