/** Model settings under their several spellings, through class inheritance. */
import { Model, ValidationError } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

describe('settings a subclass declares beat the ones it inherits, under any spelling', () => {
  it('entity on a subclass beats an inherited _table: the subclass writes its own sheet', () => {
    seedSheets({ Posts: [['id', 'title']], Drafts: [['id', 'title']] });
    class Post extends Model {
      static _table = 'Posts';
    }
    class Draft extends Post {
      static entity = 'Drafts';
    }
    Draft.create({ title: 'meant for Drafts' });
    Post.create({ title: 'a post' });
    expect(sheetRows('Drafts')).toEqual([['id', 'title'], [1, 'meant for Drafts']]);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a post']]);
  });

  it('primaryKey and keyType on a subclass beat inherited _primaryKey and _keyType', () => {
    seedSheets({ Tags: [['uuid', 'code', 'name'], ['u-1', 'T1', 'js']] });
    class Base extends Model {
      static _primaryKey = 'uuid';
      static _keyType = 'uuid';
    }
    class Tag extends Base {
      static entity = 'Tags';
      static primaryKey = 'code';
      static keyType = 'increment';
      declare name: string;
      declare code: unknown;
    }
    expect(Tag.find('T1')!.name).toBe('js');
    expect(Tag.find('u-1')).toBeNull();
    // max + 1, not a UUID: the subclass's keyType counts.
    expect(Tag.create({ name: 'ts' }).code).toBe(1);
    class Odd extends Base {
      static entity = 'Tags';
      static keyType = 'serial';
    }
    expect(() => Odd.create({ name: 'x' })).toThrow(/Odd\.keyType is "serial"/);
  });

  it('a setting on the class itself keeps its usual order (_table before entity)', () => {
    seedSheets({ Posts: [['id']], Entries: [['id']] });
    class Post extends Model {
      static _table = 'Posts';
      static entity = 'Entries';
    }
    Post.create({});
    expect(sheetRows('Posts')).toEqual([['id'], [1]]);
  });
});
