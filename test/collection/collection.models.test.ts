/** Collections of models: as in Eloquent, two reads of one row are the same item for contains and unique. */
import { Collection, Model } from '../../src';
import { seedSheets } from '../support/seed';

class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare title: string;
  declare user_id: number;
  author() {
    return this.belongsTo(User, 'user_id');
  }
}

class User extends Model {
  static override _table = 'Users';
  declare name: string;
}

class Tag extends Model {
  static override _table = 'Tags';
  declare id: number;
}

/** A sheet whose columns share names with model methods and a relation (kept aside on the model). */
class Server extends Model {
  static override _table = 'Servers';
  declare id: number;
  rack() {
    return this.belongsTo(Rack, 'rack');
  }
}

class Rack extends Model {
  static override _table = 'Racks';
  declare name: string;
}

class Member extends Model {
  static override _table = 'Members';
  static override _primaryKey = ['team', 'person'];
  declare team: string;
  declare person: number;
}

const seed = () =>
  seedSheets({
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1], [2, 'Second', 2]],
    Users: [['id', 'name'], [1, 'Ada'], [2, 'Linus']],
    Tags: [['id', 'name'], [1, 'JavaScript']],
    Members: [['team', 'person'], ['a', 1], ['a', 2]],
    Servers: [['id', 'load', 'fill', 'rack'], [1, 0.5, 'red', 1], [2, 0.9, 'blue', 2], [3, 0.1, 'red', 1]],
    Racks: [['id', 'name'], [1, 'North'], [2, 'South']],
    Protos: [['id', '__proto__'], [1, 'p'], [2, 'q']],
    Days: [['day', 'label'], [new Date('2024-01-02T00:00:00Z'), 'second'], [new Date('2024-01-03T00:00:00Z'), 'third']],
  });

/** A model keyed by a date cell (one row per day). */
class Day extends Model {
  static override _table = 'Days';
  static override _primaryKey = 'day';
  declare day: Date;
  declare label: string;
}

class Proto extends Model {
  static override _table = 'Protos';
}

describe('collections of models', () => {
  it('contains() finds a model read again by its class and key, not by object identity', () => {
    seed();
    const posts = Post.all();
    expect(posts.contains(Post.findOrFail(1))).toBe(true);
    expect(posts.contains(Tag.findOrFail(1))).toBe(false);
    expect(posts.contains(new Post({ id: 1, title: 'First' }))).toBe(false);
    expect(posts.contains(posts.first())).toBe(true);
    expect(Member.all().contains(Member.query().where('person', 2).firstOrFail())).toBe(true);
  });

  it('contains(key) finds the model with that primary key, as in Eloquent', () => {
    seed();
    const posts = Post.all();
    expect(posts.contains(2)).toBe(true);
    expect(posts.contains('2')).toBe(true);
    expect(posts.contains(3)).toBe(false);
    expect(posts.contains(null)).toBe(false);
    expect(Member.all().contains(['a', 2])).toBe(true);
    expect(Member.all().contains(['b', 2])).toBe(false);
    expect(new Collection([1, 2]).contains(2)).toBe(true);
  });

  it('find(key) and contains(key) take a Date for models keyed by a date cell', () => {
    seed();
    const days = Day.all();
    expect(days.find(new Date('2024-01-03T00:00:00Z'))!.label).toBe('third');
    expect(days.find(new Date('2024-01-04T00:00:00Z'))).toBeNull();
    expect(days.contains(new Date(days[0].day.getTime()))).toBe(true);
    expect(days.contains(new Date('2024-01-04T00:00:00Z'))).toBe(false);
    // A list of plain dates still compares by time.
    expect(new Collection([new Date(5)]).contains(new Date(5))).toBe(true);
  });

  it('unique() keeps one item per row, the first read', () => {
    seed();
    const first = Post.findOrFail(1);
    const list = new Collection<Model>([first, Post.findOrFail(2), Post.findOrFail(1), Tag.findOrFail(1), new Post({ id: 1 }), new Post({ id: 1 })]);
    const unique = list.unique();
    expect(unique.count()).toBe(5);
    expect(unique.first()).toBe(first);
    expect(unique.map((model) => model.constructor.name).all()).toEqual(['Post', 'Post', 'Tag', 'Post', 'Post']);
  });

  it('find(key) finds the model with that primary key, as in Eloquent', () => {
    seed();
    const posts = Post.all();
    expect(posts.find(2)!.title).toBe('Second');
    expect(posts.find('1')!.title).toBe('First');
    expect(posts.find(3)).toBeNull();
    expect(posts.find(null)).toBeNull();
    expect(Member.all().find(['a', 2])!.person).toBe(2);
    expect(Member.all().find({ person: '2', team: 'a' })!.person).toBe(2);
    // As Model.find: an object names every key column, and is for composite keys only.
    expect(() => Member.all().find({ team: 'a' })).toThrow('Collection.find(an object): expected a value for team, person.');
    expect(() => posts.find({ title: 'Second' })).toThrow(/composite key; pass a callback/);
    // Eloquent's find([1, 2]) lists models; here an array is a composite key, refused for a single one.
    expect(() => posts.find([1, 2])).toThrow("Collection.find([1, 2]): an array is a composite key, and these models have one key (id); use whereIn('id', [...]) to keep several.");
    // Eloquent's default when nothing is found (a function is called).
    expect(posts.find(3, 'none')).toBe('none');
    expect(posts.find(9, () => Post.findOrFail(1))!.title).toBe('First');
  });

  it("find(key), contains() and unique() look each class's key columns up once per scan, not once per model", () => {
    seedSheets({ Posts: [['id', 'title'], ...Array.from({ length: 500 }, (_, i) => [i + 1, `Post ${i + 1}`])] });
    const posts = Post.all();
    const again = Post.findOrFail(499);
    const lookups = jest.spyOn(Model, 'primaryKey', 'get');
    const perModel = jest.spyOn(Model.prototype, '$primaryKeyValue', 'get');
    try {
      expect(posts.find(500)!.title).toBe('Post 500');
      expect(posts.contains(again)).toBe(true);
      expect(posts.unique().length).toBe(500);
      expect(lookups.mock.calls.length).toBeLessThan(10);
      expect(perModel).not.toHaveBeenCalled();
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('reads a relation that was not loaded as null in dot paths, not as its method', () => {
    seed();
    const posts = Post.all();
    expect(posts.pluck('author.name').all()).toEqual([null, null]);
    expect(posts.pluck('author').all()).toEqual([null, null]);
    expect(posts.where('author.name', 'author').length).toBe(0);
    expect(Post.with('author').get().pluck('author.name').all()).toEqual(['Ada', 'Linus']);
  });

  it('reads columns named like model methods, and a relation column while the relation is not loaded', () => {
    seed();
    const servers = Server.all();
    expect(servers.pluck('load').all()).toEqual([0.5, 0.9, 0.1]);
    expect(servers.where('load', '>', 0.8).pluck('id').all()).toEqual([2]);
    expect(servers.sortByDesc('load').pluck('id').all()).toEqual([2, 1, 3]);
    expect(servers.max('load')).toBe(0.9);
    expect(Object.keys(servers.groupBy('fill'))).toEqual(['red', 'blue']);
    expect(servers.contains('fill', 'blue')).toBe(true);
    expect(servers.pluck('rack').all()).toEqual([1, 2, 1]);
    expect(servers.pluck('save').all()).toEqual([null, null, null]);
    // Only models are asked: another object's getAttribute (an XML element's, say) is its own business.
    const element = { getAttribute: (name: string) => `attribute ${name}` };
    expect(new Collection([element]).pluck('id').all()).toEqual([null]);
    // A spread copy of a model carries its state key but no methods: a missing column plucks null.
    const copies = new Collection(servers.map((server) => ({ ...server })));
    expect(copies.pluck('nope').all()).toEqual([null, null, null]);
    expect(copies.pluck('id').all()).toEqual([1, 2, 3]);
    // Loaded, the relation is what the name reads.
    expect(Server.with('rack').get().pluck('rack.name').all()).toEqual(['North', 'South', 'North']);
  });

  it('reads a __proto__ column as the attribute, as the query does, never as the prototype', () => {
    seed();
    const protos = Proto.all();
    expect(protos.pluck('__proto__').all()).toEqual(Proto.query().pluck('__proto__'));
    expect(protos.pluck('__proto__').all()).toEqual(['p', 'q']);
    expect(Object.keys(protos.groupBy('__proto__'))).toEqual(['p', 'q']);
    expect(protos.where('__proto__', 'p').pluck('id').all()).toEqual([1]);
    expect(new Collection([{ id: 1 }]).pluck('__proto__').all()).toEqual([null]);
  });

  it('pluck(value, key) maps keys to values, as Eloquent does', () => {
    seed();
    expect(Post.all().pluck('title', 'id')).toEqual({ 1: 'First', 2: 'Second' });
    expect(Post.with('author').get().pluck('title', 'author.name')).toEqual({ Ada: 'First', Linus: 'Second' });
  });

  it('is an array of models: index access and equality with arrays', () => {
    seed();
    const posts = Post.all();
    expect(posts[1].title).toBe('Second');
    expect(posts.map((post) => post.id)).toEqual([1, 2]);
  });
});
