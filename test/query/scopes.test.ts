import { Collection, Model, scope, ValidationError } from '../../src';
import type { QueryBuilder, ScopesOf } from '../../src';
import { seedSheets, gas } from '../support/seed';

class Tag extends Model {
  static override _table = 'Tags';
  declare id: number;
  declare name: string;
  declare uses: number;
  static popular = scope((query: QueryBuilder<Tag>, atLeast = 10) => query.where('uses', '>=', atLeast));
}

class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare status: string;
  declare user_id: number;
  static published = scope((query: QueryBuilder<Post>) => query.where('status', 'published'));
  static by = scope((query: QueryBuilder<Post>, userId: number) => query.where('user_id', userId));
  static newestFirst = scope((query: QueryBuilder<Post>) => query.orderBy('id', 'desc'));
  static helper() {
    return 'not a scope';
  }
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}

class FeaturedPost extends Post {
  static featured = scope((query: QueryBuilder<FeaturedPost>) => query.where('id', '<', 3));
}

const seed = () =>
  seedSheets({
    Posts: [
      ['id', 'status', 'user_id'],
      [1, 'published', 7],
      [2, 'draft', 7],
      [3, 'published', 8],
      [4, 'published', 7],
    ],
    Tags: [['id', 'name', 'uses'], [1, 'js', 50], [2, 'ts', 5], [3, 'gas', 12]],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [3, 2], [3, 3], [4, 2]],
  });

const ids = (models: Collection<{ id: number }>) => models.map((model) => model.id);

describe('query scopes (Lucid scope / withScopes)', () => {
  it('applies declared scopes, with their arguments, chained, in one read', () => {
    seed();
    gas().calls.reset();
    const posts = Post.query()
      .withScopes((s: ScopesOf<typeof Post>) => s.published().by(7).newestFirst())
      .get();
    expect(ids(posts)).toEqual([4, 1]);
    expect(gas().calls.count('Range.getValues')).toBe(1);
  });

  it('is also spelled apply (Lucid 5) and works beside other clauses', () => {
    seed();
    expect(ids(Post.query().where('id', '>', 1).apply((s) => s.published()).get())).toEqual([3, 4]);
    expect(Post.query().withScopes((s) => s.by(8)).count()).toBe(1);
  });

  it('reaches scopes declared on the classes a model extends', () => {
    seed();
    expect(ids(FeaturedPost.query().withScopes((s: ScopesOf<typeof FeaturedPost>) => s.featured().published()).get())).toEqual([1]);
  });

  it('uses the related model\'s scopes in relation callbacks, relation queries and whereHas', () => {
    seed();
    const posts = Post.query()
      .preload('tags', (q) => q.withScopes((s: ScopesOf<typeof Tag>) => s.popular()))
      .orderBy('id')
      .get();
    expect(posts.map((post) => post.tags.map((tag) => tag.name))).toEqual([['js'], [], ['gas'], []]);
    const post = Post.findOrFail(1);
    expect(ids(post.related('tags').query().withScopes((s: ScopesOf<typeof Tag>) => s.popular(1)).orderBy('id').get())).toEqual([1, 2]);
    const withPopular = Post.query().whereHas('tags', (q) => q.withScopes((s: ScopesOf<typeof Tag>) => s.popular())).get();
    expect(ids(withPopular)).toEqual([1, 3]);
  });

  it('keeps a scope applied inside a where group within the group', () => {
    seed();
    const posts = Post.query()
      .where((group) => group.withScopes((s: ScopesOf<typeof Post>) => s.by(8)).orWhere('status', 'draft'))
      .orderBy('id')
      .get();
    expect(ids(posts)).toEqual([2, 3]);
  });

  it('refuses an unknown scope by name, listing the declared ones', () => {
    seed();
    const unknown = () => Post.query().withScopes((s) => s.archived());
    expect(unknown).toThrow(ValidationError);
    expect(unknown).toThrow('Post has no scope "archived" (its scopes: published, by, newestFirst)');
    // A static function that was not declared with scope() is not one.
    // @ts-expect-error ScopesOf names only the scopes, not other static functions
    expect(() => Post.query().withScopes((s: ScopesOf<typeof Post>) => s.helper())).toThrow('no scope "helper"');
    expect(() => Tag.query().withScopes((s) => s.published())).toThrow('Tag has no scope "published" (its scopes: popular)');
  });

  it('refuses a callback or a scope that is no function', () => {
    seed();
    expect(() => Post.query().withScopes('published' as never)).toThrow(ValidationError);
    expect(() => scope({} as never)).toThrow('scope(callback): expected a function');
  });
});
