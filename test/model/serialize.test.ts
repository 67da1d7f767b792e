/** serialize(cherryPick) and serializeExtras, as Lucid has them; toJSON() is serialize() without a pick. */
import { Collection, Model, ValidationError } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare secret: string;
  tags() {
    return this.manyToMany(Tag, 'PostTag');
  }
}

/** Lucid's class field form: an option, never taken for a column. */
class FieldPost extends Post {
  serializeExtras = true;
}

/** A getter works as well. */
class CountedPost extends Post {
  get serializeExtras(): boolean {
    return true;
  }
}

class SummedPost extends Post {
  serializeExtras(): Record<string, unknown> {
    return { tagCount: this.$extras.tags_count };
  }
}

beforeEach(() =>
  seedSheets({
    Posts: [['id', 'title', 'secret'], [1, 'First', 'x'], [2, 'Second', 'y']],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['id', 'post_id', 'tag_id'], [1, 1, 1], [2, 1, 2]],
  }),
);

describe('serialize(cherryPick)', () => {
  it('keeps the fields a list or pick names, less those omit names', () => {
    const post = Post.findOrFail(1);
    expect(post.serialize({ fields: ['id', 'title'] })).toEqual({ id: 1, title: 'First' });
    expect(post.serialize({ fields: { omit: ['secret'] } })).toEqual({ id: 1, title: 'First' });
    expect(post.serialize({ fields: { pick: ['id', 'secret'], omit: ['secret'] } })).toEqual({ id: 1 });
    expect(post.serialize()).toEqual({ id: 1, title: 'First', secret: 'x' });
  });

  it('picks within relations by their name, and a Collection picks in each model', () => {
    const posts = Post.with('tags').orderBy('id').get();
    expect(posts[0].serialize({ fields: ['id'], relations: { tags: { fields: ['name'] } } })).toEqual({ id: 1, tags: [{ name: 'js' }, { name: 'ts' }] });
    expect(posts.serialize({ fields: ['title'], relations: { tags: { fields: { omit: ['name'] } } } })).toEqual([
      { title: 'First', tags: [{ id: 1, pivot: { post_id: 1, tag_id: 1 } }, { id: 2, pivot: { post_id: 1, tag_id: 2 } }] },
      { title: 'Second', tags: [] },
    ]);
    expect(new Collection([1, 'a']).serialize({ fields: ['id'] })).toEqual([1, 'a']);
  });

  it('refuses a cherry-pick it cannot read, instead of returning every field', () => {
    const post = Post.findOrFail(1);
    expect(() => post.serialize({ fields: 'id' } as never)).toThrow(ValidationError);
    expect(() => post.serialize({ fields: { pick: 'id' } } as never)).toThrow(/fields\.pick must be a list of names, got "id"/);
    expect(() => post.serialize(['id'] as never)).toThrow(/expected a cherry-pick object/);
  });
});

describe('an overridden serialize()', () => {
  class LabelTag extends Tag {
    serialize(cherryPick?: Parameters<Model['serialize']>[0]): Record<string, any> {
      return { ...super.serialize(cherryPick), label: `#${this.name}` };
    }
  }
  class LabelPost extends Model {
    static _table = 'Posts';
    labels() {
      return this.manyToMany(LabelTag, 'PostTag', 'post_id', 'tag_id');
    }
  }

  it("is what toJSON() and JSON.stringify give, the model's own and as a loaded relation, as Lucid's toJSON() calls serialize()", () => {
    expect(LabelTag.findOrFail(1).toJSON()).toEqual({ id: 1, name: 'js', label: '#js' });
    expect(JSON.parse(JSON.stringify(LabelTag.findOrFail(2)))).toEqual({ id: 2, name: 'ts', label: '#ts' });
    const post = LabelPost.with('labels').findOrFail(1);
    expect(post.toJSON().labels.map((tag: { label: string }) => tag.label)).toEqual(['#js', '#ts']);
    expect(post.labels.toJSON()[0].label).toBe('#js');
  });

  it('that calls toJSON() itself gets the plain form, not a loop', () => {
    class Shown extends Tag {
      serialize(): Record<string, any> {
        return { shown: this.toJSON() };
      }
    }
    expect(Shown.findOrFail(1).toJSON()).toEqual({ shown: { id: 1, name: 'js' } });
  });
});

describe('serializeExtras', () => {
  it('true adds $extras as meta; a method adds what it returns', () => {
    expect(CountedPost.withCount('tags').findOrFail(1).toJSON()).toEqual({ id: 1, title: 'First', secret: 'x', meta: { tags_count: 2 } });
    expect(SummedPost.withCount('tags').findOrFail(1).serialize({ fields: ['id'] })).toEqual({ id: 1, tagCount: 2 });
    expect(JSON.parse(JSON.stringify(Post.withCount('tags').findOrFail(1)))).toEqual({ id: 1, title: 'First', secret: 'x' });
  });

  it('is no enumerable member: `for...in` over a model lists its columns only', () => {
    const names: string[] = [];
    const post = Post.findOrFail(1);
    for (const name in post) names.push(name);
    expect(names).toEqual(['id', 'title', 'secret']);
    expect(CountedPost.findOrFail(1).toJSON()).toEqual({ id: 1, title: 'First', secret: 'x', meta: {} });
  });

  it('as a class field (Lucid writes `serializeExtras = true`) it is no attribute: saves and creates write no such column', () => {
    const post = FieldPost.withCount('tags').findOrFail(1);
    expect(post.$dirty).toEqual({});
    expect(post.toJSON()).toEqual({ id: 1, title: 'First', secret: 'x', meta: { tags_count: 2 } });
    post.title = 'Renamed';
    post.save();
    expect(FieldPost.create({ title: 'New', secret: 'z' }).toJSON()).toEqual({ id: 3, title: 'New', secret: 'z', meta: {} });
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'secret'], [1, 'Renamed', 'x'], [2, 'Second', 'y'], [3, 'New', 'z']]);
  });
});

describe('JSON fed back', () => {
  class Line extends Model {
    static _table = 'Lines';
  }
  class Order extends Model {
    static _table = 'Orders';
    orderLines() {
      return this.hasMany(Line, { foreignKey: 'order_id', serializeAs: 'lines' });
    }
  }

  it("relation data under a relation's serializeAs name is a ColumnNotFoundError that says to leave it out, before any write", () => {
    seedSheets({ Orders: [['id', 'total'], [1, 5]], Lines: [['id', 'order_id', 'qty'], [1, 1, 2]] });
    const json = Order.with('orderLines').findOrFail(1).toJSON() as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['id', 'total', 'lines']);
    const order = Order.findOrFail(1).merge({ ...json, total: 6 });
    expect(() => order.save()).toThrow(/no column "lines" \(columns: id, total\), and "lines" holds .*serializeAs.*leave it out/);
    expect(() => Order.create({ ...json, id: 2 })).toThrow(/"lines" holds/);
    expect(sheetRows('Orders')).toEqual([['id', 'total'], [1, 5]]);
    // A cell value under an unknown name keeps the plain message.
    expect(() => Order.create({ colour: 'red' })).toThrow(/has no column "colour" \(columns: id, total\)\.$/);
  });
});
