import { ColumnNotFoundError, Model, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare user_id: number;
  declare views: number | null;
  declare title: string;
  declare created_at: Date;
  tags() {
    return this.manyToMany(Tag, 'PostTag');
  }
}

class User extends Model {
  static _table = 'Users';
  declare id: number;
  posts() {
    return this.hasMany(Post);
  }
}

const day = (d: number) => new Date(Date.UTC(2025, 0, d));

const seed = () =>
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    Posts: [
      ['id', 'user_id', 'views', 'title', 'created_at'],
      [1, 1, 10, 'beta', day(3)],
      [2, 1, '', 'alpha', day(1)],
      [3, 2, 5, 'gamma', day(9)],
      [4, 1, '7', 'delta', day(5)],
    ],
    Tags: [['id', 'name', 'weight'], [1, 'js', 2], [2, 'ts', 3], [3, 'gs', 4]],
    PostTag: [['post_id', 'tag_id', 'rank'], [1, 1, 1], [1, 2, 9], [3, 3, 4]],
  });

describe('query aggregates', () => {
  it('sum/avg/min/max read the sheet once and skip blanks; numeric text counts, as in Collection', () => {
    seed();
    gas().calls.reset();
    expect(Post.query().sum('views')).toBe(22);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(Post.query().avg('views')).toBeCloseTo(22 / 3);
    expect(Post.query().min('created_at')).toEqual(day(1));
    expect(Post.query().max('title')).toBe('gamma');
    expect(Post.query().min('views')).toBe(5);
  });

  it('apply the where-clauses but not limit, offset or order (as count() does)', () => {
    seed();
    expect(Post.where('user_id', 1).sum('views')).toBe(17);
    expect(Post.query().orderBy('id').limit(1).offset(1).sum('views')).toBe(22);
    expect(Post.where('user_id', 1).max('created_at')).toEqual(day(5));
  });

  it('give 0 (sum) and null (avg, min, max) when no row matches', () => {
    seed();
    const none = () => Post.where('id', 99);
    expect(none().sum('views')).toBe(0);
    expect(none().avg('views')).toBeNull();
    expect(none().min('views')).toBeNull();
    expect(none().max('views')).toBeNull();
  });

  it('start from the model too', () => {
    seed();
    expect(Post.sum('views')).toBe(22);
    expect(Post.avg('views')).toBeCloseTo(22 / 3);
    expect(Post.min('title')).toBe('alpha');
    expect(Post.max('id')).toBe(4);
  });

  it("aggregate a hasMany relation's rows of one parent", () => {
    seed();
    const ann = User.findOrFail(1);
    expect(ann.related('posts').query().sum('views')).toBe(17);
    expect(ann.related('posts').query().max('title')).toBe('delta');
  });

  it('aggregate a many-to-many relation over related or pivot columns, reading each sheet once', () => {
    seed();
    const post = Post.findOrFail(1);
    gas().calls.reset();
    expect(post.related('tags').query().sum('weight')).toBe(5);
    expect(gas().calls.reads('Tags')).toBe(1);
    expect(gas().calls.reads('PostTag')).toBe(1);
    expect(post.related('tags').query().max('PostTag.rank')).toBe(9);
    expect(post.related('tags').query().wherePivot('rank', '>', 1).avg('weight')).toBe(3);
  });

  it('refuse a column the sheet lacks, and a column that is no name', () => {
    seed();
    expect(() => Post.query().sum('likes')).toThrow(ColumnNotFoundError);
    expect(() => Post.query().max(42 as unknown as string)).toThrow(ValidationError);
    expect(() => Post.findOrFail(1).related('tags').query().sum('nope')).toThrow(ColumnNotFoundError);
    expect(() => Post.query().orderBy('typo').sum('views')).toThrow(/no column "typo"/);
  });
});
