/** Models built from rows: a model read gets its bookkeeping only when asked, and behaves the same either way. */
import { Collection, ColumnNotFoundError, Model } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare title: string;
  declare published: Date;
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}

class Tag extends Model {
  static override _table = 'Tags';
  declare id: number;
  declare name: string;
}

/** What CuriousPost's constructor saw (kept off the model: an own property would be an attribute). */
const seenNew: boolean[] = [];
class CuriousPost extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare title: string;
  constructor(attributes?: Record<string, unknown>) {
    super(attributes);
    seenNew.push(this.$isNew);
    this.$extras.madeAt = seenNew.length;
  }
}

const seed = () =>
  seedSheets({
    Posts: [
      ['id', 'title', 'published', 'score'],
      [1, 'First', new Date(2024, 0, 2), '=A2*10'],
      [2, 'Second', new Date(2024, 5, 6), '=A3*10'],
    ],
    Tags: [['id', 'name'], [1, 'JavaScript'], [2, 'Tutorial']],
    PostTag: [['post_id', 'tag_id'], [1, 2], [2, 1], [1, 1]],
  });

const setValuesCalls = () => gas().calls.all().filter((call) => call.method === 'Range.setValues');

describe('models read from rows', () => {
  it('are persisted and clean, with their row as $original, and save only what changes', () => {
    seed();
    const post = Post.all().first()!;
    expect(post.$isPersisted).toBe(true);
    expect(post.$isDirty).toBe(false);
    expect(post.$original).toEqual({ id: 1, title: 'First', published: new Date(2024, 0, 2), score: 10 });
    post.title = 'Changed';
    gas().calls.reset();
    post.save();
    expect(setValuesCalls().map((call) => call.args[0])).toEqual([[['Changed']]]);
    expect(gas().sheetFormulas('Posts').map((row) => row[3])).toEqual(['', '=A2*10', '=A3*10']);
  });

  it('each own their Dates: a change in place is dirty in one model and invisible to the next read', () => {
    seed();
    const post = Post.all().first()!;
    post.published.setFullYear(2030);
    expect(Object.keys(post.$dirty)).toEqual(['published']);
    expect(Post.all().first()!.published).toEqual(new Date(2024, 0, 2));
    expect(sheetRows('Posts')[1][2]).toEqual(new Date(2024, 0, 2));
  });

  it('whose constructor asks for their state while the row is read behave the same', () => {
    seed();
    seenNew.length = 0;
    const posts = CuriousPost.all();
    expect(seenNew).toEqual([true, true]);
    expect(posts.map((post) => [post.$isPersisted, post.$isDirty, post.$original.title, post.$extras.madeAt]).all()).toEqual([
      [true, false, 'First', 1],
      [true, false, 'Second', 2],
    ]);
    const post = posts.last()!;
    post.title = 'Changed';
    gas().calls.reset();
    post.save();
    expect(setValuesCalls().map((call) => call.args[0])).toEqual([[['Changed']]]);
    expect(sheetRows('Posts')[2].slice(0, 2)).toEqual([2, 'Changed']);
  });

  it('reached through a many-to-many relation keep their pivot once they have state, and loaded relations stay out of their attributes', () => {
    seed();
    const posts = Post.with('tags').get();
    const first = posts.first()!;
    const tags = (first as unknown as { tags: Collection<Tag> }).tags;
    const tag = tags.first()!;
    expect(tag.$isDirty).toBe(false);
    expect(tag.pivot).toEqual({ post_id: 1, tag_id: 2 });
    expect(tags.map((t) => t.$extras.pivot_tag_id).all()).toEqual([2, 1]);
    expect(Object.keys(first.$attributes)).toEqual(['id', 'title', 'published', 'score']);
    expect(first.$isDirty).toBe(false);
    expect(first.toJSON()).toEqual({
      id: 1,
      title: 'First',
      published: new Date(2024, 0, 2),
      score: 10,
      tags: [
        { id: 2, name: 'Tutorial', pivot: { post_id: 1, tag_id: 2 } },
        { id: 1, name: 'JavaScript', pivot: { post_id: 1, tag_id: 1 } },
      ],
    });
  });
});

describe('a model a script freezes', () => {
  it('still serialises, reports itself clean, and deletes its row', () => {
    seed();
    const post = Object.freeze(Post.find(2)!);
    expect(JSON.stringify(post)).toBe(JSON.stringify({ id: 2, title: 'Second', published: new Date(2024, 5, 6), score: 20 }));
    expect(post.$isDirty).toBe(false);
    expect(post.$isPersisted).toBe(true);
    post.save();
    expect(setValuesCalls()).toHaveLength(0);
    post.delete();
    expect(post.$isDeleted).toBe(true);
    expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 1]);
  });
});

describe('a model made in a constructor while rows are read', () => {
  /** Drafts PlannedPost's constructor makes (kept off the model: an own property would be an attribute). */
  const drafts: Model[] = [];
  class Draft extends Model {
    static override _table = 'Drafts';
    static override fields() {
      return { id: this.attr(null), title: this.string('untitled'), post_id: this.attr(null) };
    }
  }
  class PlannedPost extends Model {
    static override _table = 'Posts';
    declare id: number;
    constructor(attributes?: Record<string, unknown>) {
      super(attributes);
      drafts.push(new Draft({ post_id: 0 }));
    }
  }

  test('is an ordinary new model, with its attributes and defaults, and saves', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'First']], Drafts: [['id', 'title', 'post_id']] });
    drafts.length = 0;
    const post = PlannedPost.find(1)!;
    expect(post.$isPersisted).toBe(true);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].$isNew).toBe(true);
    expect(drafts[0].toJSON()).toEqual({ id: null, title: 'untitled', post_id: 0 });
    drafts[0].save();
    expect(sheetRows('Drafts')).toEqual([['id', 'title', 'post_id'], [1, 'untitled', 0]]);
  });
});

describe('attributes declared in fields() need their columns', () => {
  class Member extends Model {
    static override _table = 'Members';
    static override fields() {
      return { id: this.attr(null), name: this.string(''), email: this.string('') };
    }
  }

  test('reading a sheet without a declared column is a ColumnNotFoundError naming it, not a silent drop', () => {
    seedSheets({ Members: [['id', 'name'], [1, 'Ada']] });
    expect(() => Member.all()).toThrow(ColumnNotFoundError);
    expect(() => Member.find(1)).toThrow(/^Member\.fields\(\) declares "email", but sheet "Members" in spreadsheet "Test Spreadsheet" has no column "email" \(columns: id, name\)/);
  });

  test('creating a model whose declared default has no column names the declaration too, before anything is written', () => {
    seedSheets({ Members: [['id', 'name'], [1, 'Ada']] });
    expect(() => Member.create({ name: 'Bo' })).toThrow(
      'Member.fields() declares "email", but sheet "Members" in spreadsheet "Test Spreadsheet" has no column "email" (columns: id, name); add it to row 1 (SheetORM.ensureSchema does) or remove it from fields().',
    );
    expect(gas().calls.writes()).toBe(0);
  });

  test('with the column present, reads work', () => {
    seedSheets({ Members: [['id', 'name', 'email'], [1, 'Ada', '']] });
    expect(Member.find(1)!.toJSON()).toEqual({ id: 1, name: 'Ada', email: null });
  });
});
