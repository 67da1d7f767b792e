import type { Collection } from './Collection';

/** What a Collection has of Array in its type: index access, `length`, and Array's helpers our own do not replace. */
export interface ArrayView<T> extends Iterable<T> {
  [index: number]: T;
  readonly length: number;
  forEach(fn: (item: T, index: number, array: T[]) => void, thisArg?: unknown): void;
  indexOf(item: T, fromIndex?: number): number;
  includes(item: T, fromIndex?: number): boolean;
  findIndex(fn: (item: T, index: number, array: T[]) => unknown, thisArg?: unknown): number;
  lastIndexOf(item: T, fromIndex?: number): number;
  /** One level flattened: loaded relations' Collections are arrays too (`posts.map((p) => p.tags).flat()`). */
  flat(depth?: 1): Array<T extends Collection<infer U> ? U : T extends ReadonlyArray<infer U> ? U : T>;
  reduceRight<U>(fn: (result: U, item: T, index: number, array: T[]) => U, initial: U): U;
  // Array's in-place changes, for lists a script builds or reorders itself.
  push(...items: T[]): number;
  pop(): T | undefined;
  shift(): T | undefined;
  unshift(...items: T[]): number;
  splice(start: number, deleteCount?: number, ...items: T[]): T[];
  sort(compare?: (a: T, b: T) => number): this;
  reverse(): this;
  values(): IterableIterator<T>;
  keys(): IterableIterator<number>;
  entries(): IterableIterator<[number, T]>;
  [Symbol.iterator](): IterableIterator<T>;
}
