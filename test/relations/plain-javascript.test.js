/**
 * Relations written the way an Apps Script user writes them in plain JavaScript: no class fields,
 * statics assigned after the class, relation methods (and one added to the prototype afterwards).
 */
const { Model, RelationNotFoundError, ValidationError } = require('../../src');
const { seedSheets, gas } = require('../support/seed');

class Post extends Model {
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
  author() {
    return this.belongsTo(User, 'user_id');
  }
}
Post._table = 'Posts';

class Tag extends Model {
  posts() {
    return this.manyToMany(Post, 'PostTag', 'tag_id', 'post_id');
  }
}
Tag._table = 'Tags';

class User extends Model {}
User._table = 'Users';
User.prototype.posts = function () {
  return this.hasMany(Post);
};

/** Pinia-style fields in plain JavaScript, with a pivot model. */
class Role extends Model {
  static fields() {
    return { id: this.attr(null), name: this.string('') };
  }
}
Role.entity = 'roles';

class RoleUser extends Model {}
RoleUser.entity = 'role_user';
RoleUser.primaryKey = ['role_id', 'user_id'];

class Member extends Model {
  static fields() {
    return { id: this.attr(null), roles: this.belongsToMany(Role, RoleUser, 'user_id', 'role_id') };
  }
}
Member.entity = 'members';

function seedBlog() {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    Posts: [['id', 'user_id', 'title'], [1, 1, 'First Post'], [2, '2', 'Second'], [3, 1, 'Draft']],
    Tags: [['id', 'name'], [1, 'JavaScript'], ['2', 'Tutorial']],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], ['2', '2']],
    members: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    roles: [['id', 'name'], [1, 'admin'], [2, 'editor']],
    role_user: [['role_id', 'user_id', 'since'], [1, 1, 2020], [2, 1, 2021]],
  });
}

test('the docs example: tags and author in one go, three plus one reads', () => {
  seedBlog();
  const posts = Post.with('tags', 'author').get();
  expect(gas().calls.count('Range.getValues')).toBe(4);
  expect(posts.first().tags.pluck('name').join(', ')).toBe('JavaScript, Tutorial');
  expect(posts.map((post) => [post.title, post.author.name, post.tags.length]).all()).toEqual([
    ['First Post', 'Ann', 2],
    ['Second', 'Bob', 1],
    ['Draft', 'Ann', 0],
  ]);
  expect(posts.get(1).toJSON()).toEqual({
    id: 2,
    user_id: '2',
    title: 'Second',
    tags: [{ id: '2', name: 'Tutorial', pivot: { post_id: '2', tag_id: '2' } }],
    author: { id: 2, name: 'Bob' },
  });
});

test('a relation added to the prototype, nested loading and counts', () => {
  seedBlog();
  const users = User.with('posts.tags').withCount('posts').get();
  expect(users.map((user) => [user.name, user.$extras.posts_count, user.posts.pluck('title').all()]).all()).toEqual([
    ['Ann', 2, ['First Post', 'Draft']],
    ['Bob', 1, ['Second']],
  ]);
  expect(users.first().posts.first().tags.pluck('name').all()).toEqual(['JavaScript', 'Tutorial']);
  expect(Tag.with('posts').get().map((tag) => tag.posts.pluck('id').all()).all()).toEqual([[1], [1, 2]]);
});

test('Pinia-style fields and a pivot model without class fields', () => {
  seedBlog();
  const ann = Member.with('roles').first();
  expect(ann.roles.pluck('name').all()).toEqual(['admin', 'editor']);
  expect(ann.roles.first().pivot).toBeInstanceOf(RoleUser);
  expect(ann.roles.last().pivot.since).toBe(2021);
});

test('load(), related() and unknown names', () => {
  seedBlog();
  const post = Post.find(1);
  post.load('author');
  expect(post.author.name).toBe('Ann');
  expect(post.related('tags').query().where('name', 'Tutorial').get().length).toBe(1);
  expect(() => Post.with('comments')).toThrow(RelationNotFoundError);
  expect(() => Post.with('comments')).toThrow(/Post\.comments/);
});

test('a relation defined both in fields() and as a method is refused, naming both', () => {
  class Team extends Model {
    static fields() {
      return { id: this.attr(null), members: this.hasMany(Member, 'team_id') };
    }
    members() {
      return this.hasMany(User, 'team_id');
    }
  }
  Team.entity = 'teams';
  expect(() => Team.$getRelation('members')).toThrow(/Team\.members: "members" is defined twice, in fields\(\) and as a method members\(\)/);
  expect(() => Team.with('members')).toThrow(ValidationError);
});
