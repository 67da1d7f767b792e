import { Model, ValidationError, transaction } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
  declare color: string;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  tags() {
    return this.manyToMany(Tag, { pivotTable: 'PostTag', pivotColumns: ['weight'] });
  }
}

const seed = () =>
  seedSheets({
    Posts: [['id', 'title'], [1, 'First'], [2, 'Second']],
    Tags: [['id', 'name', 'color'], [1, 'js', 'red'], [2, 'ts', 'blue']],
    PostTag: [['post_id', 'tag_id', 'weight'], [1, 1, 5]],
  });

describe('many-to-many firstOrCreate', () => {
  it("finds the parent's own related model without writing", () => {
    seed();
    const post = Post.findOrFail(1);
    gas().calls.reset();
    const tag = post.related('tags').firstOrCreate({ name: 'js' }, { color: 'green' });
    expect([tag.id, tag.color]).toEqual([1, 'red']);
    expect(gas().calls.writes()).toBe(0);
  });

  it('attaches a matching row of the related sheet the parent does not have, with pivot attributes', () => {
    seed();
    const tag = Post.findOrFail(1).related('tags').firstOrCreate({ name: 'ts' }, { color: 'green' }, { weight: 2 });
    expect([tag.id, tag.color]).toEqual([2, 'blue']);
    expect(sheetRows('Tags')).toHaveLength(3);
    expect(sheetRows('PostTag').slice(1)).toEqual([[1, 1, 5], [1, 2, 2]]);
  });

  it('creates and attaches a new related row when none matches, under one lock', () => {
    seed();
    const post = Post.findOrFail(2);
    gas().calls.reset();
    const tag = post.related('tags').firstOrCreate({ name: 'gs' }, { color: 'green' });
    expect([tag.id, tag.name, tag.color, tag.$isPersisted]).toEqual([3, 'gs', 'green', true]);
    expect(sheetRows('Tags').slice(1)).toEqual([[1, 'js', 'red'], [2, 'ts', 'blue'], [3, 'gs', 'green']]);
    expect(sheetRows('PostTag').slice(1)).toEqual([[1, 1, 5], [2, 3, '']]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
  });
});

describe('many-to-many updateOrCreate', () => {
  it('updates the related model found (its own or attached now), writing only the changed cell', () => {
    seed();
    const tag = Post.findOrFail(2).related('tags').updateOrCreate({ name: 'js' }, { color: 'black' });
    expect([tag.id, tag.color, tag.$isDirty]).toEqual([1, 'black', false]);
    expect(sheetRows('Tags')[1]).toEqual([1, 'js', 'black']);
    expect(sheetRows('PostTag').slice(1)).toEqual([[1, 1, 5], [2, 1, '']]);
  });

  it("updates the parent's own related row without a second pivot row, under one lock", () => {
    seed();
    const post = Post.findOrFail(1);
    gas().calls.reset();
    const tag = post.related('tags').updateOrCreate({ name: 'js' }, { color: 'white' });
    expect([tag.id, tag.color]).toEqual([1, 'white']);
    expect(sheetRows('PostTag').slice(1)).toEqual([[1, 1, 5]]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
  });

  it('attaches the first of several matching related rows, in sheet order', () => {
    seed();
    gas().active.getSheetByName('Tags')!.appendRow([3, 'ts', 'teal']);
    const tag = Post.findOrFail(2).related('tags').firstOrCreate({ name: 'ts' });
    expect(tag.id).toBe(2);
    expect(sheetRows('PostTag').slice(1)).toEqual([[1, 1, 5], [2, 2, '']]);
  });

  it('writes nothing when the search or pivot attributes are not objects', () => {
    seed();
    const tags = Post.findOrFail(1).related('tags');
    gas().calls.reset();
    expect(() => tags.updateOrCreate({ name: 'x' }, 'red' as never)).toThrow(ValidationError);
    expect(() => tags.firstOrCreate({ name: 'x' }, {}, 5 as never)).toThrow(/pivot attributes must be an object/);
    expect(gas().calls.reads('Tags')).toBe(0);
    expect(gas().calls.writes()).toBe(0);
  });

  it('writes neither the tag nor its pivot row when the transaction around it fails', () => {
    seed();
    const post = Post.findOrFail(1);
    expect(() =>
      transaction(() => {
        post.related('tags').firstOrCreate({ name: 'new' }, { color: 'x' }, { weight: 1 });
        throw new Error('later failure');
      }),
    ).toThrow('later failure');
    expect(sheetRows('Tags')).toHaveLength(3);
    expect(sheetRows('PostTag')).toHaveLength(2);
  });
});
