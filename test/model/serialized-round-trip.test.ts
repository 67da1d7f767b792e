/**
 * A model's toJSON() fed back into merge/create (a client's round trip), and the model API's own
 * accessors (`pivot`, `$dirty`) given as attribute names: neither may disturb other models.
 */
import { Model, RelationNotFoundError } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  tags() {
    return this.manyToMany(Tag, { pivotTable: 'PostTag', pivotColumns: ['role'] });
  }
}
class Note extends Model {
  static _table = 'Notes';
  serializeExtras = true;
}

beforeEach(() =>
  seedSheets({
    Posts: [['id', 'title'], [1, 'First']],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts'], [3, 'go']],
    PostTag: [['post_id', 'tag_id', 'role'], [1, 1, 'main'], [1, 2, '']],
    Notes: [['id', 'body'], [1, 'a']],
  }),
);

describe("a toJSON() fed back into merge() or create()", () => {
  it("skips a many-to-many model's pivot: merging its own JSON back changes nothing", () => {
    const tag = Post.with('tags').findOrFail(1).tags.first()!;
    const json = JSON.parse(JSON.stringify(tag.toJSON()));
    expect(json.pivot).toEqual({ post_id: 1, tag_id: 1, role: 'main' });
    tag.merge({ ...json, name: 'JavaScript' }).save();
    expect(tag.pivot).toEqual({ post_id: 1, tag_id: 1, role: 'main' });
    const { id: _id, ...fresh } = json;
    const copy = Tag.create(fresh);
    expect(sheetRows('Tags').slice(1)).toEqual([
      [1, 'JavaScript'],
      [2, 'ts'],
      [3, 'go'],
      [4, 'js'],
    ]);
    expect(copy.toJSON()).toEqual({ id: 4, name: 'js' });
  });

  it("skips serializeExtras' meta", () => {
    const note = Note.findOrFail(1);
    note.$extras.seen = 1;
    const json = note.toJSON();
    expect(json.meta).toEqual({ seen: 1 });
    note.merge({ ...json, body: 'b' }).save();
    expect(sheetRows('Notes')).toEqual([
      ['id', 'body'],
      [1, 'b'],
    ]);
  });
});

describe("the model API's accessors named as attributes or relations", () => {
  // Reading an accessor on the class's prototype once gave the prototype a model state, which every
  // model of the class read afterwards inherited: all shared one original row. A class per probe.
  const tagClass = () =>
    class Label extends Model {
      static _table = 'Tags';
      declare name: string;
    };
  type Labels = ReturnType<typeof tagClass>;
  const probes: Array<[string, (Label: Labels) => unknown]> = [
    ['new with pivot', (Label) => new Label({ name: 'x', pivot: { a: 1 } } as never)],
    ['merge with $extras', (Label) => new Label().merge({ $extras: { a: 1 } } as never)],
    ['fill with $dirty', (Label) => new Label().fill({ $dirty: { a: 1 } } as never)],
    ['$getRelation("pivot")', (Label) => Label.$getRelation('pivot')],
    ['with("$isDirty")', (Label) => Label.with('$isDirty' as never)],
    ['a getter read on the prototype', (Label) => (Label.prototype as unknown as { $dirty: unknown }).$dirty],
  ];
  it.each(probes)('%s leaves every model its own row', (_name, probe) => {
    const Label = tagClass();
    try {
      probe(Label);
    } catch (error) {
      expect(error).toBeInstanceOf(RelationNotFoundError);
    }
    const labels = Label.all();
    expect(labels.map((label) => label.$dirty)).toEqual([{}, {}, {}]);
    labels.first()!.delete();
    const second = Label.findOrFail(2);
    second.name = 'TypeScript';
    second.save();
    expect(sheetRows('Tags').slice(1)).toEqual([
      [2, 'TypeScript'],
      [3, 'go'],
    ]);
  });
});
