import { Model, ModelNotFoundError, ColumnNotFoundError, DuplicateKeyError, ValidationError } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare views: number;
  declare note: string | null;
}

const seed = () =>
  seedSheets({
    Posts: [
      ['id', 'title', 'views', 'score', 'note'],
      [1, 'First', 10, '=C2*2', 'keep'],
      [2, 'Second', 20, '=C3*2', 'keep'],
    ],
  });

describe('save()', () => {
  it('writes exactly one cell after one attribute changed', () => {
    seed();
    const post = Post.find(2)!;
    post.title = 'Changed';
    expect(post.$dirty).toEqual({ title: 'Changed' });
    gas().calls.reset();
    post.save();
    const writes = gas().calls.all().filter((c) => c.method === 'Range.setValues');
    expect(writes).toHaveLength(1);
    expect(writes[0].args[0]).toEqual([['Changed']]);
    expect(gas().calls.all().filter((c) => c.method === 'Sheet.getRange').pop()!.args).toEqual([3, 2, 1, 1]);
    expect(post.$isDirty).toBe(false);
  });

  it('never rewrites formulas or cells it did not change', () => {
    seed();
    const post = Post.find(1)!;
    post.views = 15;
    post.save();
    expect(gas().sheetFormulas('Posts').map((r) => r[3])).toEqual(['', '=C2*2', '=C3*2']);
    expect(sheetRows('Posts')[1]).toEqual([1, 'First', 15, 30, 'keep']);
  });

  it('writes adjacent changed cells as one range and skips the gap', () => {
    seed();
    const post = Post.find(1)!;
    post.merge({ title: 'T', views: 1, note: 'n' });
    gas().calls.reset();
    post.save();
    const ranges = gas().calls.all().filter((c) => c.method === 'Sheet.getRange').map((c) => c.args);
    expect(ranges).toEqual([[2, 2, 1, 2], [2, 5, 1, 1]]);
  });

  it('does nothing (no lock, no write) when nothing changed', () => {
    seed();
    const post = Post.find(1)!;
    gas().calls.reset();
    post.save();
    expect(gas().calls.count()).toBe(0);
  });

  it('treats an attribute without a column as an error, not a silent drop', () => {
    seed();
    const post = Post.find(1)!;
    (post as unknown as Record<string, unknown>).body = 'nowhere';
    expect(() => post.save()).toThrow(ColumnNotFoundError);
  });

  it('fails clearly when the row was deleted meanwhile', () => {
    seed();
    const post = Post.find(1)!;
    Post.query().where('id', 1).delete();
    post.title = 'x';
    expect(() => post.save()).toThrow(ModelNotFoundError);
    expect(sheetRows('Posts')).toHaveLength(2);
  });

  it('inserts a new instance built with new', () => {
    seed();
    const post = new Post();
    post.title = 'Third';
    post.views = 0;
    expect(post.$isPersisted).toBe(false);
    post.save();
    expect(post.id).toBe(3);
    expect(sheetRows('Posts')[3]).toEqual([3, 'Third', 0, '', '']);
  });

  it('can change the key when the new one is free', () => {
    seed();
    const post = Post.find(1)!;
    post.id = 2;
    expect(() => post.save()).toThrow(DuplicateKeyError);
    expect(() => post.save()).toThrow(/^Post\.save\(\): cannot change the key id to 2: sheet "Posts" .* already has a row with it\. Nothing was written\.$/);
    post.id = 9;
    post.save();
    expect(sheetRows('Posts').map((r) => r[0])).toEqual(['id', 9, 2]);
  });

  it('refuses a blank key before writing anything', () => {
    seed();
    const post = Post.find(1)!;
    (post as { id: number | null }).id = null;
    post.title = 'Kept?';
    gas().calls.reset();
    expect(() => post.save()).toThrow(ValidationError);
    expect(() => post.save()).toThrow(/^Post\.save\(\): cannot set the key id to null: a row's key cannot be blank/);
    expect(gas().calls.count('Range.setValues')).toBe(0);
    expect(sheetRows('Posts')[1].slice(0, 2)).toEqual([1, 'First']);
  });
});

describe('save() after a person added a column', () => {
  it('writes only the changed cell, and the model then holds the new column as its row does', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
    const post = Post.find(1)!;
    gas().active.getSheetByName('Posts')!.getRange(1, 3, 3, 1).setValues([['views'], [5], [6]]);
    post.title = 'x';
    post.save();
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'views'], [1, 'x', 5], [2, 'b', 6]]);
    expect(post.views).toBe(5);
    expect(post.$isDirty).toBe(false);
  });
});

describe('fill, merge, refresh, delete', () => {
  it('merge sets given attributes; fill replaces those of a new model', () => {
    seed();
    const post = new Post({ title: 'a', views: 1 });
    post.fill({ title: 'b' });
    expect(post.$attributes).toEqual({ title: 'b' });
    post.merge({ views: 3 });
    expect(post.$attributes).toEqual({ title: 'b', views: 3 });
  });

  it('refresh re-reads the row', () => {
    seed();
    const post = Post.find(1)!;
    gas().active.getSheetByName('Posts')!.getRange(2, 2).setValue('Edited by a person');
    post.title = 'local';
    post.refresh();
    expect(post.title).toBe('Edited by a person');
    expect(post.$isDirty).toBe(false);
  });

  it('delete removes the row and marks the model', () => {
    seed();
    const post = Post.find(1)!;
    gas().calls.reset();
    post.delete();
    expect(gas().calls.count('Sheet.deleteRows')).toBe(1);
    expect(sheetRows('Posts').map((r) => r[0])).toEqual(['id', 2]);
    expect(post.$isPersisted).toBe(false);
    expect(post.$isDeleted).toBe(true);
    // Nothing changed since the read: clean, as in Lucid and Eloquent.
    expect([post.$isDirty, post.$dirty]).toEqual([false, {}]);
    post.title = 'Gone';
    expect(post.$dirty).toEqual({ title: 'Gone' });
  });

  it('save() after delete() writes the row again and the model is no longer deleted (Eloquent)', () => {
    seed();
    const post = Post.find(1)!;
    post.delete();
    post.title = 'Back';
    post.save();
    expect([post.$isPersisted, post.$isDeleted]).toEqual([true, false]);
    expect(sheetRows('Posts').map((r) => r[1])).toEqual(['title', 'Second', 'Back']);
    expect(post.refresh().title).toBe('Back');
  });

  it('refresh() after its own delete() says the model deleted the row, not someone else', () => {
    seed();
    const post = Post.find(1)!;
    post.delete();
    expect(() => post.refresh()).toThrow(/^Post with id 1 is no longer in sheet "Posts".*\(its delete\(\) removed it; save\(\) writes it back\); nothing was written\.$/);
  });

  it('merge skips undefined values and keys naming a relation (Lucid)', () => {
    seedSheets({ Users: [['id', 'name'], [1, 'Ada']], Posts: [['id', 'title', 'user_id'], [1, 'First', 1]] });
    class Author extends Model {
      static _table = 'Users';
      declare id: number;
      declare name: string;
      posts() {
        return this.hasMany(Article, 'user_id');
      }
    }
    class Article extends Model {
      static _table = 'Posts';
    }
    const ada = Author.with('posts').firstOrFail();
    const loaded = ada.posts;
    ada.merge({ name: 'Ada L.', posts: [], id: undefined });
    expect(ada.$dirty).toEqual({ name: 'Ada L.' });
    expect(ada.posts).toBe(loaded);
    ada.save();
    const copy = Author.create({ ...Author.with('posts').firstOrFail().toJSON(), id: undefined, name: 'Copy' });
    expect(sheetRows('Users')).toEqual([['id', 'name'], [1, 'Ada L.'], [2, 'Copy']]);
    expect(copy.id).toBe(2);
  });
});

describe('null under a relation name', () => {
  it("a belongsTo's null fed back from toJSON(), or assigned, is not dirty once the model has a row", () => {
    seedSheets({ Customers: [['id', 'name'], [1, 'Ada']], Orders: [['id', 'customer_id', 'total'], [1, '', 5]] });
    class Customer extends Model {
      static _table = 'Customers';
    }
    class Order extends Model {
      static _table = 'Orders';
      declare total: number;
      customer() {
        return this.belongsTo(Customer, 'customer_id');
      }
    }
    const body = JSON.parse(JSON.stringify(Order.with('customer').findOrFail(1))) as Record<string, unknown>;
    expect(body.customer).toBeNull();
    const order = Order.findOrFail(1).merge({ ...body, total: 6 });
    expect(order.$dirty).toEqual({ total: 6 });
    order.save();
    expect(order.$isDirty).toBe(false);
    const other = Order.findOrFail(1);
    (other as unknown as Record<string, unknown>).customer = null;
    expect(other.$isDirty).toBe(false);
    gas().calls.reset();
    other.save();
    expect(gas().calls.writes()).toBe(0);
    // A new model has no row yet: the null stays among its changes until create() skips it.
    const fresh = Order.create({ total: 1, customer: null } as never);
    expect(fresh.$isDirty).toBe(false);
    expect(sheetRows('Orders')).toEqual([['id', 'customer_id', 'total'], [1, '', 6], [2, '', 1]]);
  });
});

describe('a row the key cannot single out is never guessed', () => {
  const seedDuplicates = () =>
    seedSheets({
      Posts: [
        ['id', 'title', 'views'],
        [1, 'First', 10],
        [2, 'Second', 20],
        ['1', 'Typed twice', 30],
        ['', 'No key', 40],
      ],
    });

  it('save, delete and refresh of a model whose key two rows hold throw DuplicateKeyError naming the rows, writing nothing', () => {
    seedDuplicates();
    const twin = Post.all().find((post) => post.title === 'Typed twice')!;
    twin.title = 'Changed';
    gas().calls.reset();
    expect(() => twin.save()).toThrow(DuplicateKeyError);
    expect(() => twin.save()).toThrow(/several rows with id "1" \(rows 2, 4\)/);
    expect(() => twin.delete()).toThrow(DuplicateKeyError);
    expect(() => twin.refresh()).toThrow(DuplicateKeyError);
    expect(gas().calls.writes()).toBe(0);
    expect(twin.$isPersisted).toBe(true);
  });

  it('a model read from a row with a blank key cannot be saved or deleted', () => {
    seedDuplicates();
    const orphan = Post.all().find((post) => post.title === 'No key')!;
    orphan.title = 'Changed';
    gas().calls.reset();
    expect(() => orphan.save()).toThrow(/Post\.save\(\): this Post has no id \(its row in .* has a blank key cell\)/);
    expect(() => orphan.delete()).toThrow(ValidationError);
    expect(orphan.$isPersisted).toBe(true);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('Posts')).toHaveLength(5);
  });

  it('a model never saved has no row: delete() and refresh() leave it as it is (Lucid, Eloquent)', () => {
    seedDuplicates();
    gas().calls.reset();
    expect(() => new Post().delete()).not.toThrow();
    const draft = new Post({ title: 'n' });
    expect(draft.refresh()).toBe(draft);
    expect(draft.title).toBe('n');
    expect(draft.$isPersisted).toBe(false);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.reads()).toBe(0);
  });

  it('rows with unique keys are still saved and deleted as before', () => {
    seedDuplicates();
    const second = Post.find(2)!;
    second.title = 'Two';
    second.save();
    Post.find(2)!.delete();
    expect(sheetRows('Posts').map((row) => row[1])).toEqual(['title', 'First', 'Typed twice', 'No key']);
  });
});

describe("Eloquent's update(attributes) on a model", () => {
  it('sets the attributes and writes the changed cells; a model without a row is told to save', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'a', 1], [2, 'b', 2]] });
    const post = Post.findOrFail(2);
    expect(post.update({ title: 'B' })).toBe(post);
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'views'], [1, 'a', 1], [2, 'B', 2]]);
    expect(post.$isDirty).toBe(false);
    expect(() => new Post({ title: 'n' }).update({ views: 3 })).toThrow("Post.update(): this Post has no row yet; save() it (or Post.create(...)) to insert it.");
    expect(sheetRows('Posts')).toHaveLength(3);
  });
});

describe("Eloquent's orderByDesc, take and skip on queries", () => {
  it('are orderBy(column, desc), limit and offset', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'a', 5], [2, 'b', 9], [3, 'c', 7]] });
    expect(Post.query().orderByDesc('views').take(2).pluck('id').all()).toEqual([2, 3]);
    expect(Post.query().orderByDesc('views').skip(1).take('1').pluck('id').all()).toEqual([3]);
    expect(() => Post.query().take(-1)).toThrow(/take/);
  });
});
