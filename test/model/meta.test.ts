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

describe("Lucid's readable settings: Post.primaryKey, Post.table, Post.entity", () => {
  it('read the resolved settings when the class declares none', () => {
    class Post extends Model {}
    class Category extends Model {
      static _table = 'Product Categories';
      static _primaryKey = ['shop', 'code'];
    }
    expect([Post.primaryKey, Post.table, Post.entity]).toEqual(['id', 'Posts', 'Posts']);
    expect([Category.primaryKey, Category.table, Category.entity]).toEqual([['shop', 'code'], 'Product Categories', 'Product Categories']);
  });

  it("a class's own getter may read super.table and super.primaryKey (undefined there, as in a class without them)", () => {
    seedSheets({ Articles: [['code', 'title'], ['a7', 'B']] });
    class Article extends Model {
      static override get table(): string {
        return super.table || 'Articles';
      }
      static override get primaryKey(): string {
        return (super.primaryKey as string | undefined) || 'code';
      }
    }
    expect([Article.table, Article.primaryKey]).toEqual(['Articles', 'code']);
    expect((Article.find('a7') as unknown as { title: string }).title).toBe('B');
  });

  it('assigning one declares it on that class only, as a static field would', () => {
    seedSheets({ Posts: [['slug', 'title'], ['a', 'A']], Drafts: [['id', 'title']] });
    class Post extends Model {}
    class Draft extends Post {}
    Post.primaryKey = 'slug';
    Draft.table = 'Drafts';
    Draft.primaryKey = 'id';
    expect([Post.primaryKey, Post.table, Draft.primaryKey, Draft.table, Model.primaryKey]).toEqual(['slug', 'Posts', 'id', 'Drafts', 'id']);
    expect(Object.keys(Post)).toEqual(['primaryKey']);
    expect((Post.find('a') as unknown as { title: string }).title).toBe('A');
    Draft.create({ title: 'x' });
    expect(sheetRows('Drafts')).toEqual([['id', 'title'], [1, 'x']]);
  });
});
