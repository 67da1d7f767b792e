/** Columns named like a relation or a model method: written, never silently dropped. */
import { ColumnNotFoundError, Model, ValidationError } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Category extends Model {
  static _table = 'Categories';
  declare id: number;
  posts() {
    return this.hasMany(Post, 'category');
  }
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  category() {
    return this.belongsTo(Category, 'category');
  }
}
class Truck extends Model {
  static _table = 'Trucks';
}

beforeEach(() =>
  seedSheets({
    Categories: [['id', 'name'], [1, 'News'], [2, 'Tips']],
    Posts: [['id', 'title', 'category'], [1, 'First', 1]],
    Trucks: [['id', 'load'], [1, 10]],
  }),
);

const categories = () => sheetRows('Posts').slice(1).map((row) => row[2]);

describe('a key column named like its belongsTo relation', () => {
  it('create(), createMany() and the hasMany client write it', () => {
    Post.create({ title: 'direct', category: 2 });
    Post.createMany([{ title: 'many', category: 1 }]);
    Category.findOrFail(2).related('posts').create({ title: 'via hasMany' });
    expect(categories()).toEqual([1, 2, 1, 2]);
    expect(Category.with('posts').findOrFail(2).posts.map((post) => post.title)).toEqual(['direct', 'via hasMany']);
  });

  it('merge() and plain assignment write it', () => {
    Post.findOrFail(1).merge({ category: 2 }).save();
    expect(categories()).toEqual([2]);
    const post = Post.findOrFail(1);
    (post as unknown as { category: number }).category = 1;
    expect(post.$dirty).toEqual({ category: 1 });
    post.save();
    expect(categories()).toEqual([1]);
  });

  it('while the relation is loaded, the key stays an attribute, and a number assigned there replaces the relation', () => {
    const post = Post.with('category').findOrFail(1);
    expect((post.category as unknown as Category).id).toBe(1);
    expect(post.getAttribute('category')).toBe(1);
    (post as unknown as { category: number }).category = 2;
    post.save();
    expect(categories()).toEqual([2]);
    expect(post.toJSON()).toEqual({ id: 1, title: 'First', category: 2 });
  });
});

describe('a column named like a model method', () => {
  it('assigning it on the instance writes the cell', () => {
    const truck = Truck.findOrFail(1);
    expect(truck.getAttribute('load')).toBe(10);
    (truck as unknown as { load: number }).load = 12;
    truck.save();
    expect(sheetRows('Trucks')[1]).toEqual([1, 12]);
    truck.setAttribute('load', 13);
    expect((truck as unknown as { load: unknown }).load).toBe(Truck.prototype.load);
    truck.save();
    expect(sheetRows('Trucks')[1]).toEqual([1, 13]);
  });
});

describe('a fields() relation named like its key column', () => {
  class Topic extends Model {
    static _table = 'Categories';
  }
  class Note extends Model {
    static _table = 'Posts';
    static fields() {
      return { id: this.attr(null), title: this.attr(''), category: this.belongsTo(Topic, 'category') };
    }
  }

  it('keeps the key when the relation is loaded, and create() writes it', () => {
    const note = Note.with('category').findOrFail(1);
    expect(note.getAttribute('category')).toBe(1);
    expect((note.related('category').query().first() as Topic).getAttribute('name')).toBe('News');
    note.load('category');
    expect(((note as unknown as { category: Topic }).category).getAttribute('name')).toBe('News');
    Note.create({ title: 'new', category: 2 });
    expect(categories()).toEqual([1, 2]);
  });
});

describe('assigning a relation property', () => {
  class User extends Model {
    static _table = 'Users';
    declare id: number;
    posts() {
      return this.hasMany(Article, 'user_id');
    }
  }
  class Article extends Model {
    static _table = 'Articles';
    declare id: number;
    author() {
      return this.belongsTo(User, 'user_id');
    }
  }

  beforeEach(() =>
    seedSheets({
      Users: [['id', 'name'], [1, 'Ada']],
      Articles: [['id', 'user_id'], [1, 1], [2, 1]],
    }),
  );

  it('replaces the loaded value in toJSON()', () => {
    const user = User.with('posts').findOrFail(1) as unknown as { posts: Article[]; toJSON(): { posts: unknown[] } };
    user.posts = user.posts.filter((post) => post.id > 1);
    expect(user.toJSON().posts).toEqual([{ id: 2, user_id: 1 }]);
    const article = Article.with('author').findOrFail(1) as unknown as { author: User | null; toJSON(): { author: unknown } };
    article.author = null;
    expect(article.toJSON().author).toBeNull();
  });

  it('without a load, a list or model assigned there is serialized as the relation, as after a load', () => {
    const user = User.findOrFail(1) as unknown as { posts: unknown; toJSON(): Record<string, unknown> };
    user.posts = Article.query().where('id', 2).get();
    expect(user.toJSON()).toEqual({ id: 1, name: 'Ada', posts: [{ id: 2, user_id: 1 }] });
    expect(JSON.parse(JSON.stringify(user))).toEqual(user.toJSON());
    const article = Article.findOrFail(1) as unknown as { author: unknown; toJSON(): Record<string, unknown> };
    article.author = User.findOrFail(1);
    expect(article.toJSON()).toEqual({ id: 1, user_id: 1, author: { id: 1, name: 'Ada' } });
  });

  it('is not an attribute to save, loaded or not', () => {
    const user = User.findOrFail(1) as unknown as { posts: unknown[]; save(): void };
    user.posts = [];
    gas().calls.reset();
    expect(() => user.save()).not.toThrow();
    expect(gas().calls.writes()).toBe(0);
  });

  it('a toJSON() with a null relation goes back into create() without a column for it', () => {
    const json = Article.with('author').findOrFail(1).toJSON();
    (json as { author: unknown }).author = null;
    delete (json as { id?: unknown }).id;
    expect(() => Article.create(json)).not.toThrow();
    expect(sheetRows('Articles')).toHaveLength(4);
  });

  it('a list of ids under a relation name is refused, not dropped: links are made through the relation', () => {
    gas().calls.reset();
    expect(() => Article.create({ user_id: 1, author: [1] } as never)).toThrow(ValidationError);
    expect(() => User.create({ name: 'Grace', posts: [1, 2] } as never)).toThrow(
      /^User: "posts" is a relation, and \[1, 2\] holds ids, not rows.*model\.related\('posts'\)\.attach\(ids\).*Nothing was written\.$/,
    );
    expect(() => User.findOrFail(1).merge({ posts: ['2'] } as never)).toThrow(ValidationError);
    expect(gas().calls.writes()).toBe(0);
    // Rows (a toJSON() fed back) are still left to the relation, as Lucid's merge leaves them.
    const json = User.with('posts').findOrFail(1).toJSON() as Record<string, unknown>;
    delete json.id;
    expect(User.create(json).toJSON()).toMatchObject({ id: 2, name: 'Ada' });
    expect(sheetRows('Articles')).toHaveLength(3);
  });

  it('withCount over a relation whose key column is missing is a ColumnNotFoundError', () => {
    class Writer extends Model {
      static _table = 'Users';
      posts() {
        return this.hasMany(Article, { foreignKey: 'user_id', localKey: 'code' });
      }
    }
    expect(() => Writer.withCount('posts').get()).toThrow(ColumnNotFoundError);
    expect(() => Writer.withCount('posts').get()).toThrow(/no column "code"/);
  });
});
