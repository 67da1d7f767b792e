import { Model, ColumnNotFoundError } from '../../src';
import { seedSheets } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  posts() {
    return this.hasMany(Post, 'user_id', 'uid');
  }
}
class Post extends Model {
  static _table = 'Posts';
  author() {
    return this.belongsTo(User, 'user_id');
  }
}

describe('relation clients name a missing parent column', () => {
  beforeEach(() => seedSheets({ Users: [['id', 'name'], [1, 'Ann']], Posts: [['id', 'author', 'title'], [1, 1, 'Hello']] }));

  it('belongsTo query() on a sheet without the foreign key', () => {
    const post = Post.find(1)!;
    expect(() => post.related('author').query().get()).toThrow(ColumnNotFoundError);
    expect(() => post.related('author').query()).toThrow(/Post\.author: sheet "Posts" has no column "user_id"/);
  });

  it('hasMany on a parent sheet without the local key', () => {
    const user = User.find(1)!;
    expect(() => user.related('posts').query()).toThrow(/User\.posts: sheet "Users" has no column "uid"/);
    expect(() => user.related('posts').create({ title: 'x' })).toThrow(ColumnNotFoundError);
  });
});

describe('relation clients of a parent whose key is blank', () => {
  beforeEach(() => seedSheets({ Users: [['id', 'uid'], [1, '']], Posts: [['id', 'user_id']] }));

  it('say the key cell is blank when the parent was saved, and to save it when it was not', () => {
    expect(() => User.findOrFail(1).related('posts').query()).toThrow(/User\.posts: the parent's uid is blank in its row; give it a value/);
    expect(() => new User().related('posts').query()).toThrow(/User\.posts: the parent has no uid; save it before using its relations/);
  });
});
