/** Attributes given to `new Model({...})` that a class field resets are refused before anything is written. */
import { Model, ValidationError } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

/** What `title!: string` compiles to with useDefineForClassFields: a field defined, undefined, after Model's constructor. */
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string | null | undefined;
  constructor(attributes?: Record<string, unknown>) {
    super(attributes);
    Object.defineProperty(this, 'title', { value: undefined, writable: true, enumerable: true, configurable: true });
  }
}

beforeEach(() => seedSheets({ Posts: [['id', 'title'], [1, 'First']] }));

it('a save that would drop a given attribute is refused, naming the attribute and the fix, with nothing written', () => {
  const post = new Post({ title: 'Lost' });
  gas().calls.reset();
  expect(() => post.save()).toThrow(ValidationError);
  expect(() => post.save()).toThrow(
    'new Post({ title: … }) gave title a value, but it is undefined now: a class field (`title!: …` or `title = …`, compiled with useDefineForClassFields) was set after the constructor ran. Declare attributes with `declare title: …` (defaults go in static fields()), or set title to null for an empty cell. Nothing was written.',
  );
  expect(gas().calls.writes()).toBe(0);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'First']]);
});

it('saves once the attribute is set again, or set to null, or when it was never given', () => {
  const post = new Post({ title: 'Lost' });
  post.title = 'Found';
  post.save();
  const cleared = new Post({ title: 'x' });
  cleared.title = null;
  cleared.save();
  new Post().save();
  // create() fills the attributes after the constructor: fields cannot reset them.
  Post.create({ title: 'Made' });
  expect(sheetRows('Posts').slice(2)).toEqual([
    [2, 'Found'],
    [3, ''],
    [4, ''],
    [5, 'Made'],
  ]);
});
