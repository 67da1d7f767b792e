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
