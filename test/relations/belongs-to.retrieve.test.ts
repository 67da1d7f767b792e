/** Reading belongsTo relations: Posts/Users (author) and Products/Categories, with their hasMany inverse. */
import { Collection, ColumnNotFoundError, Model } from '../../src';
import { seedSheets, gas } from '../support/seed';

class User extends Model {
  static override _table = 'Users';
  declare id: number;
  declare email: string;
  declare name: string;
}

class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare title: string;
  author() {
    return this.belongsTo(User, 'user_id');
  }
  /** Custom owner key: Posts.author_email holds Users.email. */
  writer() {
    return this.belongsTo(User, 'author_email', 'email');
  }
}

class Category extends Model {
  static override _table = 'Categories';
  declare id: number;
  declare name: string;
  products() {
    return this.hasMany(() => Product);
  }
}

class Product extends Model {
  static override _table = 'Products';
  declare id: number;
  declare name: string;
  category() {
    return this.belongsTo(() => Category);
  }
}

/** A loaded relation with its type (once loaded, the property replaces the relation method). */
function loaded<T>(model: Model, name: string): T {
  return (model as unknown as Record<string, T>)[name];
}
const authorOf = (post: Model) => loaded<User | null>(post, 'author');
const writerOf = (post: Model) => loaded<User | null>(post, 'writer');
const categoryOf = (product: Model) => loaded<Category | null>(product, 'category');
const productsOf = (category: Model) => loaded<Collection<Product>>(category, 'products');

function seedBlog() {
  seedSheets({
    Users: [['id', 'email', 'name'], [1, 'ann@x.org', 'Ann'], ['2', 'bob@x.org', 'Bob']],
    Posts: [
      ['id', 'user_id', 'author_email', 'title'],
      [1, 1, 'bob@x.org', 'Hello'],
      [2, 2, 'ann@x.org', 'Again'],
      [3, '1', '', 'Third'],
      [4, '', 'nobody@x.org', 'Anonymous'],
      [5, 99, '', 'Dangling'],
    ],
  });
}

describe('Posts/Users', () => {
  test('each post gets its author, or null when the key is blank or points nowhere', () => {
    seedBlog();
    const posts = Post.with('author').get();
    expect(posts.map((post) => [post.title, authorOf(post)?.name ?? null]).all()).toEqual([
      ['Hello', 'Ann'],
      ['Again', 'Bob'],
      ['Third', 'Ann'],
      ['Anonymous', null],
      ['Dangling', null],
    ]);
    expect(authorOf(posts.get(1)!)).toBeInstanceOf(User);
  });

  test('keys match across number and text ("2" in Users, 2 in Posts; 1 in Users, "1" in Posts)', () => {
    seedBlog();
    const posts = Post.with('author').get();
    expect(authorOf(posts.get(1)!)!.id).toBe('2');
    expect(authorOf(posts.get(2)!)!.id).toBe(1);
  });

  test('a custom owner key', () => {
    seedBlog();
    const posts = Post.with('writer').get();
    expect(posts.map((post) => writerOf(post)?.name ?? null).all()).toEqual(['Bob', 'Ann', null, null, null]);
  });

  test('toJSON() includes the author, or null', () => {
    seedBlog();
    const posts = Post.with('author').whereIn('id', [2, 4]).get();
    expect(posts.toJSON()).toEqual([
      { id: 2, user_id: 2, author_email: 'ann@x.org', title: 'Again', author: { id: '2', email: 'bob@x.org', name: 'Bob' } },
      { id: 4, user_id: null, author_email: 'nobody@x.org', title: 'Anonymous', author: null },
    ]);
  });

  test('a constraint on the owner leaves non-matching posts with null', () => {
    seedBlog();
    const posts = Post.with('author', (q) => q.where('name', 'Bob')).get();
    expect(posts.map((post) => authorOf(post)?.name ?? null).all()).toEqual([null, 'Bob', null, null, null]);
  });

  test('has and withCount on a belongsTo', () => {
    seedBlog();
    expect(Post.has('author').pluck('id').all()).toEqual([1, 2, 3]);
    expect(Post.withCount('author').get().map((post) => post.$extras.author_count).all()).toEqual([1, 1, 1, 0, 0]);
    expect(Post.whereHas('author', (q) => q.where('email', 'bob@x.org')).pluck('id').all()).toEqual([2]);
  });

  test('post.related("author").query() finds the owner', () => {
    seedBlog();
    const post = Post.find(2)!;
    expect(post.related('author').query().first()!.name).toBe('Bob');
  });

  test('a parent sheet without the foreign key column is a ColumnNotFoundError naming Post.author', () => {
    seedSheets({
      Users: [['id', 'name'], [1, 'Ann']],
      Posts: [['id', 'author', 'title'], [1, 1, 'Hello']],
    });
    expect(() => Post.with('author').get()).toThrow(ColumnNotFoundError);
    expect(() => Post.with('author').get()).toThrow(/^Post\.author: sheet "Posts" in spreadsheet "Test Spreadsheet" has no column "user_id" \(columns: id, author, title\)/);
  });

  test('an owner sheet without the owner key column is a ColumnNotFoundError naming Post.writer', () => {
    seedSheets({
      Users: [['id', 'name'], [1, 'Ann']],
      Posts: [['id', 'user_id', 'author_email', 'title'], [1, 1, 'ann@x.org', 'Hello']],
    });
    expect(() => Post.with('writer').get()).toThrow(/^Post\.writer: sheet "Users".*no column "email"/);
  });
});

describe('Products/Categories with default keys and thunks', () => {
  function seedShop() {
    seedSheets({
      Categories: [['id', 'name'], [1, 'Books'], [2, 'Games'], [3, 'Empty']],
      Products: [['id', 'category_id', 'name'], [1, 1, 'Dune'], [2, 2, 'Chess'], [3, '1', 'Emma'], [4, '', 'Mystery box']],
    });
  }

  test('product.category uses category_id', () => {
    seedShop();
    const relation = Product.$getRelation('category') as any;
    relation.boot();
    expect([relation.foreignKey, relation.ownerKey]).toEqual(['category_id', 'id']);
    const products = Product.with('category').get();
    expect(products.map((product) => [product.name, categoryOf(product)?.name ?? null]).all()).toEqual([
      ['Dune', 'Books'],
      ['Chess', 'Games'],
      ['Emma', 'Books'],
      ['Mystery box', null],
    ]);
  });

  test('category.products is the inverse, on the same column', () => {
    seedShop();
    const categories = Category.with('products').withCount('products').get();
    expect(categories.map((c) => [c.name, productsOf(c).pluck('name').all(), c.$extras.products_count]).all()).toEqual([
      ['Books', ['Dune', 'Emma'], 2],
      ['Games', ['Chess'], 1],
      ['Empty', [], 0],
    ]);
  });

  test('both directions nested: products.category reads each sheet once', () => {
    seedShop();
    const categories = Category.with('products.category').get();
    const dune = productsOf(categories.first()!).first()!;
    expect(categoryOf(dune)!.name).toBe('Books');
    expect([gas().calls.reads('Categories'), gas().calls.reads('Products')]).toEqual([1, 1]);
  });
});
