/** `Model.$getRelation(name)`: every member SPEC §4 lists, for each relation kind. */
import { BelongsTo, Collection, HasMany, HasOne, ManyToMany, ManyToManyQueryBuilder, Model, QueryBuilder, RelationNotFoundError, SheetORMError, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

/** Fresh classes per test, so nothing is booted or cached from an earlier test. */
function defineModels() {
  const onQuery = (query: any) => query.whereNotNull('name');
  class User extends Model {
    static override _table = 'Users';
    declare id: number;
    declare name: string;
    posts() {
      return this.hasMany(() => Post, { serializeAs: 'articles' });
    }
    profile() {
      return this.hasOne(() => Profile);
    }
  }
  class Profile extends Model {
    static override _table = 'Profiles';
  }
  class Post extends Model {
    static override _table = 'Posts';
    declare id: number;
    declare title: string;
    author() {
      return this.belongsTo(User, 'user_id');
    }
    tags() {
      return this.manyToMany(() => Tag, { pivotTable: 'PostTag', pivotColumns: ['added'], onQuery });
    }
    hiddenTags() {
      return this.manyToMany(() => Tag, { pivotTable: 'PostTag', serializeAs: null });
    }
  }
  class Tag extends Model {
    static override _table = 'Tags';
    declare id: number;
    declare name: string;
  }
  return { User, Profile, Post, Tag, onQuery };
}

function seedBlog() {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    Profiles: [['id', 'user_id'], [1, 2]],
    Posts: [['id', 'user_id', 'title'], [1, 1, 'Hello'], [2, '2', 'Again'], [3, 1, 'Third']],
    Tags: [['id', 'name'], [1, 'JavaScript'], [2, 'Tutorial'], [3, '']],
    PostTag: [['post_id', 'tag_id', 'added'], [1, 1, 2020], ['1', 2, 2021], [2, 2, 2022], [2, 3, 2023]],
  });
}

/** A loaded relation with its type (once loaded, the property replaces the relation method). */
function loaded<T>(model: Model, name: string): T {
  return (model as unknown as Record<string, T>)[name];
}

describe('definition members', () => {
  test('type, relationName, model and relatedModel() for each kind', () => {
    const { User, Profile, Post, Tag } = defineModels();
    const cases: Array<[any, string, string, unknown, unknown, unknown]> = [
      [User, 'posts', 'hasMany', HasMany, User, Post],
      [User, 'profile', 'hasOne', HasOne, User, Profile],
      [Post, 'author', 'belongsTo', BelongsTo, Post, User],
      [Post, 'tags', 'manyToMany', ManyToMany, Post, Tag],
    ];
    for (const [model, name, type, kind, parent, related] of cases) {
      const relation = model.$getRelation(name);
      expect(relation).toBeInstanceOf(kind);
      expect([relation.type, relation.relationName]).toEqual([type, name]);
      expect(relation.model).toBe(parent);
      expect(relation.relatedModel()).toBe(related);
    }
  });

  test('the same relation object is returned on every call', () => {
    const { Post } = defineModels();
    expect(Post.$getRelation('tags')).toBe(Post.$getRelation('tags'));
  });

  test('serializeAs: the name by default, the option when given, null to hide', () => {
    const { User, Post } = defineModels();
    expect(User.$getRelation('posts').serializeAs).toBe('articles');
    expect(User.$getRelation('profile').serializeAs).toBe('profile');
    expect(Post.$getRelation('tags').serializeAs).toBe('tags');
    expect(Post.$getRelation('hiddenTags').serializeAs).toBeNull();
  });

  test('booted is false until boot(), which resolves the keys once', () => {
    const { Post } = defineModels();
    const relation = Post.$getRelation('tags') as ManyToMany<any, any>;
    expect(relation.booted).toBe(false);
    expect([relation.localKey, relation.pivotForeignKey, relation.pivotRelatedForeignKey]).toEqual(['', '', '']);
    relation.boot();
    expect(relation.booted).toBe(true);
    expect([relation.localKey, relation.pivotForeignKey, relation.pivotRelatedForeignKey]).toEqual(['id', 'post_id', 'tag_id']);
    relation.boot();
    expect(relation.booted).toBe(true);
  });

  test('booting is lazy: a thunk may name a class defined after the relation is looked up', () => {
    let Later: any;
    class Early extends Model {
      static override _table = 'Early';
      items() {
        return this.hasMany(() => Later);
      }
    }
    const relation = Early.$getRelation('items');
    expect(relation.booted).toBe(false);
    expect(() => relation.relatedModel()).toThrow(SheetORMError);
    expect(() => relation.relatedModel()).toThrow(/Early\.items: the related model thunk returned undefined/);
    Later = class Item extends Model {
      static override _table = 'Items';
    };
    relation.boot();
    expect([relation.booted, (relation as HasMany<any, any>).foreignKey, relation.relatedModel().name]).toEqual([true, 'early_id', 'Item']);
  });

  test('keys: localKey and relatedKey for each kind; pivot members for manyToMany', () => {
    const { User, Post, onQuery } = defineModels();
    const posts = User.$getRelation('posts') as HasMany<any, any>;
    const author = Post.$getRelation('author') as BelongsTo<any, any>;
    const tags = Post.$getRelation('tags') as ManyToMany<any, any>;
    [posts, author, tags].forEach((relation) => relation.boot());
    expect([posts.localKey, posts.relatedKey, posts.foreignKey]).toEqual(['id', 'id', 'user_id']);
    expect([author.localKey, author.relatedKey, author.foreignKey]).toEqual(['id', 'id', 'user_id']);
    expect(tags).toMatchObject({
      localKey: 'id',
      relatedKey: 'id',
      pivotForeignKey: 'post_id',
      pivotRelatedForeignKey: 'tag_id',
      pivotTable: 'PostTag',
      pivotColumns: ['added'],
    });
    expect(tags.onQuery).toBe(onQuery);
    expect(posts.onQuery).toBeUndefined();
  });

  test('an unknown name is a RelationNotFoundError naming Model.name', () => {
    const { Post } = defineModels();
    expect(() => Post.$getRelation('nope')).toThrow(RelationNotFoundError);
    expect(() => Post.$getRelation('nope')).toThrow(/^Post\.nope: /);
    expect(Post.$hasRelation('tags')).toBe(true);
    expect(Post.$hasRelation('nope')).toBe(false);
    expect(() => Post.$getRelation('nope')).toThrow(/define nope\(\) \{ return this\.hasMany/);
  });

  test('the error points a model whose relations live in fields() to its fields()', () => {
    class Writer extends Model {
      static override _table = 'Users';
      static fields() {
        return { id: this.attr(null), posts: this.hasMany(Writer, 'user_id') };
      }
    }
    expect(() => Writer.$getRelation('nope')).toThrow(/^Writer\.nope: Writer has no relation "nope": add nope: this\.hasMany\(\.\.\.\) .* to Writer's static fields\(\)\. Relations and methods defined: posts/);
  });

  test('a method that does not return a relation is not one', () => {
    class Odd extends Model {
      static override _table = 'Odd';
      label() {
        return 'odd';
      }
    }
    expect(() => Odd.$getRelation('label')).toThrow(/^Odd\.label: .*did not return a relation/);
  });
});

describe('setting related models', () => {
  test('setRelated sets the property and what toJSON() shows', () => {
    const { User, Post } = defineModels();
    const user = new User({ id: 1, name: 'Ann' });
    const post = new Post({ id: 7, title: 'Hi' });
    User.$getRelation('posts').setRelated(user, new Collection([post]));
    expect(loaded<Collection<Model>>(user, 'posts').first()).toBe(post);
    expect(user.toJSON()).toEqual({ id: 1, name: 'Ann', articles: [{ id: 7, title: 'Hi' }] });
    Post.$getRelation('author').setRelated(post, null);
    expect(post.toJSON()).toEqual({ id: 7, title: 'Hi', author: null });
  });

  test('setRelated takes an array for hasMany and manyToMany (as Lucid does), and keeps a Collection', () => {
    const { User, Post, Tag } = defineModels();
    const user = new User({ id: 1, name: 'Ann' });
    User.$getRelation('posts').setRelated(user, [new Post({ id: 7, title: 'Hi' })]);
    expect(loaded<unknown>(user, 'posts')).toBeInstanceOf(Collection);
    expect(user.toJSON()).toEqual({ id: 1, name: 'Ann', articles: [{ id: 7, title: 'Hi' }] });
    const post = new Post({ id: 7 });
    Post.$getRelation('tags').setRelated(post, []);
    expect(loaded<Collection<Model>>(post, 'tags').isEmpty()).toBe(true);
    expect(post.toJSON()).toEqual({ id: 7, tags: [] });
    expect(() => Post.$getRelation('author').setRelated(post, [new User({ id: 1 })] as never)).toThrow(
      /Post\.author\.setRelated\(\): a belongsTo relation holds one model or null/,
    );
    void Tag;
  });

  test('pushRelated appends to a collection, and replaces a single model', () => {
    const { User, Post, Tag } = defineModels();
    const user = new User({ id: 1 });
    const posts = User.$getRelation('posts');
    posts.pushRelated(user, new Post({ id: 1 }));
    posts.pushRelated(user, [new Post({ id: 2 }), new Post({ id: 3 })]);
    posts.pushRelated(user, new Collection([new Post({ id: 4 })]));
    expect(loaded<Collection<Model>>(user, 'posts').pluck('id').all()).toEqual([1, 2, 3, 4]);

    const post = new Post({ id: 1 });
    const tags = Post.$getRelation('tags');
    tags.pushRelated(post, new Tag({ id: 5 }));
    tags.pushRelated(post, new Tag({ id: 6 }));
    expect(loaded<Collection<Model>>(post, 'tags').pluck('id').all()).toEqual([5, 6]);

    const author = Post.$getRelation('author');
    author.pushRelated(post, new User({ id: 1 }));
    author.pushRelated(post, new User({ id: 2 }));
    expect(loaded<Model>(post, 'author').toJSON()).toEqual({ id: 2 });
  });

  test('undefined leaves a hasOne as it is and sets a belongsTo to null (Lucid)', () => {
    const { User, Post, Profile } = defineModels();
    const user = new User({ id: 1 });
    const profile = User.$getRelation('profile');
    profile.setRelated(user, new Profile({ id: 3 }));
    profile.setRelated(user, undefined as never);
    profile.pushRelated(user, undefined as never);
    expect(loaded<Model>(user, 'profile').toJSON()).toEqual({ id: 3 });
    const post = new Post({ id: 1 });
    const author = Post.$getRelation('author');
    author.setRelated(post, user);
    author.setRelated(post, undefined as never);
    expect(loaded<Model | null>(post, 'author')).toBeNull();
    author.setRelated(post, user);
    author.pushRelated(post, undefined as never);
    expect(loaded<Model | null>(post, 'author')).toBeNull();
  });

  test('setRelated and pushRelated refuse what the relation cannot hold (Lucid)', () => {
    const { User, Post, Tag } = defineModels();
    const post = new Post({ id: 1 });
    expect(() => Post.$getRelation('tags').setRelated(post, new Tag({ id: 1 }) as never)).toThrow(
      'Post.tags.setRelated(): a manyToMany relation holds an array or Collection of models (empty for none), got a Tag',
    );
    expect(() => User.$getRelation('posts').setRelated(new User({ id: 1 }), null as never)).toThrow(/a hasMany relation holds an array/);
    expect(() => Post.$getRelation('author').setRelated(post, 'Ann' as never)).toThrow(/a belongsTo relation holds one model or null, got "Ann"/);
    expect(() => User.$getRelation('profile').pushRelated(new User({ id: 1 }), [new Post({ id: 1 }), new Post({ id: 2 })] as never)).toThrow(
      'User.profile.pushRelated(): a hasOne relation holds one model, got 2.',
    );
    expect(Object.prototype.hasOwnProperty.call(post, 'tags')).toBe(false);
  });

  test('getPivotPair and getPivotRelatedPair refuse a model without its key', () => {
    const { Post, Tag } = defineModels();
    const tags = Post.$getRelation('tags');
    expect(tags.getPivotPair(new Post({ id: 3 }))).toEqual(['post_id', 3]);
    expect(() => tags.getPivotPair(new Post({ title: 'n' }))).toThrow('Post.tags: Post.id is undefined; save the model before pairing it through "PostTag".');
    expect(() => tags.getPivotRelatedPair(new Tag({ id: '' }))).toThrow(/Tag\.id is ""/);
  });

  test('what is not a model is refused by name, not read as one', () => {
    const { User, Post } = defineModels();
    const tags = Post.$getRelation('tags');
    const refusals: Array<[() => unknown, string]> = [
      [() => tags.getPivotPair(42 as never), 'Post.tags.getPivotPair(): expected a Post model, got 42.'],
      [() => tags.getPivotRelatedPair(undefined as never), 'Post.tags.getPivotRelatedPair(): expected a Tag model, got undefined.'],
      [() => tags.pushRelated(null as never, []), 'Post.tags.pushRelated(): expected a Post model, got null.'],
      [() => User.$getRelation('posts').pushRelated(null as never, []), 'User.posts.pushRelated(): expected a User model, got null.'],
      [() => Post.$getRelation('author').setRelated(null as never, null), 'Post.author.setRelated(): expected a Post model, got null.'],
      [() => tags.setRelatedForMany([null] as never, []), 'Post.tags.setRelatedForMany(): expected models in the list, got null at index 0.'],
      [() => User.$getRelation('posts').setRelatedForMany([new User({ id: 1 })], [2] as never), 'User.posts.setRelatedForMany(): expected models in the list, got 2 at index 0.'],
      [() => User.$getRelation('posts').setRelated(new User({ id: 1 }), [new Post({ id: 1 }), 2] as never), 'User.posts.setRelated(): expected models in the list, got 2 at index 1.'],
    ];
    for (const [call, message] of refusals) expect(call).toThrow(new ValidationError(message));
  });

  test('setRelatedForMany matches hasMany, hasOne and belongsTo on normalised keys', () => {
    const { User, Profile, Post } = defineModels();
    const users = [new User({ id: 1 }), new User({ id: '2' }), new User({ id: 3 })];
    const posts = [new Post({ id: 10, user_id: '1' }), new Post({ id: 11, user_id: 2 }), new Post({ id: 12, user_id: 1 })];
    User.$getRelation('posts').setRelatedForMany(users, posts);
    expect(users.map((user) => loaded<Collection<Model>>(user, 'posts').pluck('id').all())).toEqual([[10, 12], [11], []]);

    User.$getRelation('profile').setRelatedForMany(users, [new Profile({ id: 5, user_id: 3 })]);
    expect(users.map((user) => loaded<Model | null>(user, 'profile')?.toJSON() ?? null)).toEqual([null, null, { id: 5, user_id: 3 }]);

    Post.$getRelation('author').setRelatedForMany(posts, [users[1], users[0]]);
    expect(posts.map((post) => loaded<Model | null>(post, 'author')?.getAttribute('id') ?? null)).toEqual([1, '2', 1]);
  });

  test('manyToMany setRelatedForMany matches on $extras.pivot_<pivotForeignKey>', () => {
    const { Post, Tag } = defineModels();
    const posts = [new Post({ id: 1 }), new Post({ id: 2 }), new Post({ id: 3 })];
    const tag = (id: number, postId: unknown) => {
      const model = new Tag({ id });
      model.$extras.pivot_post_id = postId;
      return model;
    };
    Post.$getRelation('tags').setRelatedForMany(posts, [tag(1, '1'), tag(2, 1), tag(2, 2), tag(9, 99)]);
    expect(posts.map((post) => loaded<Collection<Model>>(post, 'tags').pluck('id').all())).toEqual([[1, 2], [2], []]);
  });
});

describe('pivot pairs', () => {
  test('getPivotPair and getPivotRelatedPair give [pivot column, key value]', () => {
    const { Post, Tag } = defineModels();
    const tags = Post.$getRelation('tags') as ManyToMany<any, any>;
    expect(tags.getPivotPair(new Post({ id: 4 }))).toEqual(['post_id', 4]);
    expect(tags.getPivotRelatedPair(new Tag({ id: '9' }))).toEqual(['tag_id', '9']);
  });

  test('they use the local keys when those are custom', () => {
    class Member extends Model {
      static override _table = 'Members';
      groups() {
        return this.belongsToMany(Group, 'GroupMember', 'member_code', 'group_code', 'code', 'code');
      }
    }
    class Group extends Model {
      static override _table = 'Groups';
    }
    const groups = Member.$getRelation('groups') as ManyToMany<any, any>;
    expect(groups.getPivotPair(new Member({ id: 1, code: 'M1' }))).toEqual(['member_code', 'M1']);
    expect(groups.getPivotRelatedPair(new Group({ id: 2, code: 'G2' }))).toEqual(['group_code', 'G2']);
  });
});

describe('queries and clients', () => {
  test('eagerQuery(parents, callback) queries the related rows of those parents only', () => {
    const { User, Post } = defineModels();
    seedBlog();
    const [ann] = User.all().all();
    const query = User.$getRelation('posts').eagerQuery([ann], (q: any) => q.orderBy('id', 'desc'));
    expect(query).toBeInstanceOf(QueryBuilder);
    expect(query.get().pluck('id').all()).toEqual([3, 1]);

    const posts = Post.all().all();
    const author = Post.$getRelation('author').eagerQuery([posts[1]]);
    expect(author.get().pluck('name').all()).toEqual(['Bob']);
  });

  test("an orWhere in eagerQuery's callback or in a client query stays within the parents' rows", () => {
    const { User, Post } = defineModels();
    seedBlog();
    const [ann] = User.all().all();
    const wide = (q: any) => q.where('title', 'Third').orWhere('title', 'Again');
    expect(User.$getRelation('posts').eagerQuery([ann], wide).get().pluck('id').all()).toEqual([3]);
    const [, again] = Post.all().all();
    expect(Post.$getRelation('author').eagerQuery([again], (q: any) => q.where('name', 'Ann').orWhere('id', 2)).get().pluck('id').all()).toEqual([2]);
    // Post 2 is Bob's: Ann's client query must not find it whatever the clauses.
    const annPosts = ann.related('posts').query() as QueryBuilder<any>;
    expect(wide(annPosts).find(2)).toBeNull();
    expect(wide(annPosts).find(3).id).toBe(3);
  });

  test('eagerQuery and setRelatedForMany also take one model or a Collection; anything else is a ValidationError', () => {
    const { User, Post } = defineModels();
    seedBlog();
    const ann = User.findOrFail(1);
    expect(User.$getRelation('posts').eagerQuery(ann).get().pluck('id').all()).toEqual([1, 3]);
    expect(User.$getRelation('posts').eagerQuery(User.all()).get().pluck('id').all()).toEqual([1, 2, 3]);
    expect(Post.$getRelation('tags').eagerQuery(Post.findOrFail(2)).get().pluck('id').all()).toEqual([2]); // onQuery drops the blank tag 3
    expect(Post.$getRelation('author').eagerQuery(Post.all()).get().pluck('name').all()).toEqual(['Ann', 'Bob']);
    const users = User.all();
    User.$getRelation('posts').setRelatedForMany(users, Post.all());
    expect(users.map((user) => loaded<Collection<Model>>(user, 'posts').pluck('id').all()).all()).toEqual([[1, 3], [2]]);
    expect(() => User.$getRelation('posts').eagerQuery(5 as never)).toThrow(
      /User\.posts\.eagerQuery\(\): expected a model, an array of models or a Collection, got number/,
    );
    expect(() => User.$getRelation('posts').eagerQuery(null as never)).toThrow(SheetORMError);
  });

  test("Lucid's client argument (eagerQuery(parents, client), subQuery(client)) is ignored, sheets having no client", () => {
    const { User, Post } = defineModels();
    seedBlog();
    const client = { transaction: () => null };
    expect(User.$getRelation('posts').eagerQuery(User.findOrFail(1), client as never).get().pluck('id').all()).toEqual([1, 3]);
    expect(Post.$getRelation('author').eagerQuery(Post.all(), client as never).get().pluck('id').all()).toEqual([1, 2]);
    expect(Post.$getRelation('tags').eagerQuery(Post.findOrFail(1), client as never).get().pluck('id').all()).toEqual([1, 2]);
    expect(Post.$getRelation('tags').subQuery(client as never).count()).toBe(3);
    expect(User.$getRelation('posts').subQuery(client as never).count()).toBe(3);
  });

  test('manyToMany eagerQuery joins the pivot, with onQuery and pivotColumns applied', () => {
    const { Post } = defineModels();
    seedBlog();
    const posts = Post.all().all();
    gas().calls.reset();
    const query = Post.$getRelation('tags').eagerQuery(posts.slice(0, 2));
    expect(query).toBeInstanceOf(ManyToManyQueryBuilder);
    expect(query.isRelatedSubQuery).toBe(false);
    expect(gas().calls.reads()).toBe(0);
    const tags = query.get();
    expect(tags.map((tag: any) => [tag.name, tag.$extras.pivot_post_id, tag.pivot.added]).all()).toEqual([
      ['JavaScript', 1, 2020],
      ['Tutorial', '1', 2021],
      ['Tutorial', 2, 2022],
    ]);
    expect(gas().calls.count('Range.getValues')).toBe(2);
  });

  test('getByParent() belongs to queries made for parents: on a subQuery it is a ValidationError', () => {
    const { Post } = defineModels();
    seedBlog();
    const tags = Post.$getRelation('tags');
    expect(() => tags.subQuery().getByParent()).toThrow(/Post\.tags: getByParent\(\) is for a query made by eagerQuery\(parents\)/);
    const { groups } = tags.eagerQuery(Post.all()).getByParent();
    expect(groups.map((group: Model[]) => group.map((tag) => tag.getAttribute('id')))).toEqual([[1, 2], [2], []]);
  });

  test("Lucid's flags: isRelatedQuery, isRelatedSubQuery, isRelatedPreloadQuery, on where-groups too", () => {
    const { User, Post } = defineModels();
    seedBlog();
    const seen: Record<string, boolean[]> = {};
    const note = (where: string) => (q: any) => {
      const flags = (b: any) => [b.isRelatedQuery, b.isRelatedSubQuery, b.isRelatedPreloadQuery];
      seen[where] = flags(q);
      q.where((group: any) => {
        seen[`${where} group`] = flags(group);
        group.whereNotNull('id');
      });
    };
    note('model')(Post.query());
    Post.query().with('author', note('belongsTo preload')).get();
    User.query().with('posts', note('hasMany preload')).get();
    Post.query().with('tags', note('manyToMany preload')).get();
    Post.query().whereHas('tags', note('manyToMany whereHas')).get();
    User.query().withCount('posts', note('hasMany withCount')).get();
    note('client')(Post.findOrFail(1).related('tags').query());
    expect(seen).toEqual({
      model: [false, false, false],
      'model group': [false, false, false],
      'belongsTo preload': [true, false, true],
      'belongsTo preload group': [true, false, true],
      'hasMany preload': [true, false, true],
      'hasMany preload group': [true, false, true],
      'manyToMany preload': [true, false, true],
      'manyToMany preload group': [true, false, true],
      'manyToMany whereHas': [true, true, false],
      'manyToMany whereHas group': [true, true, false],
      'hasMany withCount': [true, true, false],
      'hasMany withCount group': [true, true, false],
      client: [true, false, false],
      'client group': [true, false, false],
    });
  });

  test('subQuery(callback) spans all parents and has isRelatedSubQuery set', () => {
    const { User, Post } = defineModels();
    seedBlog();
    const tags = Post.$getRelation('tags').subQuery((q: any) => q.wherePivot('added', '>=', 2021));
    expect(tags.isRelatedSubQuery).toBe(true);
    expect(tags.count()).toBe(2);
    const posts = User.$getRelation('posts').subQuery();
    expect(posts.isRelatedSubQuery).toBe(true);
    expect(posts.count()).toBe(3);
  });

  test('client(parent) is what related(name) returns, and queries that parent', () => {
    const { User, Post } = defineModels();
    seedBlog();
    const post = Post.find(2)!;
    const client = Post.$getRelation('tags').client(post) as any;
    expect(client.constructor).toBe(post.related('tags').constructor);
    expect(client.query().get().pluck('name').all()).toEqual(['Tutorial']);
    for (const method of ['attach', 'detach', 'sync', 'toggle', 'updateExistingPivot', 'create', 'save']) expect(typeof client[method]).toBe('function');
    const author = Post.$getRelation('author').client(post) as any;
    expect(author.query().first().name).toBe('Bob');
    expect([typeof author.associate, typeof author.dissociate]).toEqual(['function', 'function']);
    const posts = User.$getRelation('posts').client(User.find(1)!) as any;
    expect(posts.query().pluck('title').all()).toEqual(['Hello', 'Third']);
  });
});
