/**
 * Attributes given to `new Post({ ... })`, remembered to catch class fields that reset them: with
 * `useDefineForClassFields` (target ES2022 and later, swc, esbuild's default for such targets) a
 * field such as `title!: string` is defined after Model's constructor has run, as undefined, and
 * the row would be written without the title.
 */
import { ValidationError } from '../errors';
import { readAttribute } from './attributes';

const given = new WeakMap<object, string[]>();

/** Records the attributes a constructor was given a value for. */
export function rememberGiven(instance: object, attributes: Record<string, unknown>): void {
  const names = Object.keys(attributes).filter((name) => attributes[name] !== undefined);
  if (names.length) given.set(instance, names);
}

/** Throws, before anything is written, for a given attribute that an own class field left undefined. */
export function assertNotReset(instance: object, owner: string): void {
  const names = given.get(instance);
  if (!names) return;
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(instance, name) || readAttribute(instance, name) !== undefined) continue;
    throw new ValidationError(
      `new ${owner}({ ${name}: … }) gave ${name} a value, but it is undefined now: a class field (\`${name}!: …\` or \`${name} = …\`, compiled with useDefineForClassFields) was set after the constructor ran. Declare attributes with \`declare ${name}: …\` (defaults go in static fields()), or set ${name} to null for an empty cell. Nothing was written.`,
    );
  }
}
