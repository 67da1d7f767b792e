import { Model, ensureSchema, session, transaction, ValidationError, configure } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';
import { freshLibrary } from '../support/library';

class Tag extends Model {
  static _table = 'Tags';
  static columns = ['name'];
  posts() {
    return this.manyToMany(Post, 'PostTag', 'tag_id', 'post_id');
  }
}
class Post extends Model {
  static _table = 'Posts';
  static columns = ['title', 'body'];
  tags() {
    return this.manyToMany(Tag, { pivotTable: 'PostTag', pivotForeignKey: 'post_id', pivotRelatedForeignKey: 'tag_id', pivotColumns: ['position'] });
  }
  author() {
    return this.belongsTo(User, 'user_id');
  }
  shout() {
    throw new Error('ensureSchema must not call methods that are not relations');
  }
}
class User extends Model {
  static _table = 'Users';
  static fields() {
    return { id: this.attr(null), email: this.string(''), posts: this.hasMany(Post, 'user_id') };
  }
}

describe('ensureSchema', () => {
  it('creates missing sheets with their header and frozen first row', () => {
    seedSheets({});
    const report = ensureSchema([Post, Tag, User]);
    expect(report.created).toEqual({
      Posts: ['id', 'title', 'body', 'user_id'],
      Tags: ['id', 'name'],
      Users: ['id', 'email'],
      PostTag: ['post_id', 'tag_id', 'position'],
    });
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'position']]);
    expect(gas().active.getSheetByName('Posts')!.getFrozenRows()).toBe(1);
    Post.create({ title: 'works' });
    expect(sheetRows('Posts')[1]).toEqual([1, 'works', '', '']);
  });

  it('appends missing columns and never touches existing data or formulas', () => {
    seedSheets({ Posts: [['title', 'id', 'total'], ['First', 1, '=B2*10']], Tags: [['id', 'name']], Users: [['id', 'email']], PostTag: [['post_id', 'tag_id', 'position']] });
    const report = ensureSchema([Post, Tag, User]);
    expect(report).toEqual({ created: {}, added: { Posts: ['body', 'user_id'] } });
    expect(sheetRows('Posts')).toEqual([['title', 'id', 'total', 'body', 'user_id'], ['First', 1, 10, '', '']]);
    expect(gas().sheetFormulas('Posts')[1][2]).toBe('=B2*10');
  });

  it("makes a pivot model's sheet from its own declarations when only the relation names it", () => {
    class Role extends Model {
      static override _table = 'Roles';
    }
    class Grant extends Model {
      static override _table = 'Grants';
      static override _primaryKey = ['member_id', 'role_id'];
      static override fields() {
        return { member_id: this.attr(null), role_id: this.attr(null), granted_by: this.string('admin') };
      }
    }
    class Note extends Model {
      static override _table = 'Notes';
      static columns = ['member_id', 'role_id', 'text'];
    }
    class Member extends Model {
      static override _table = 'Members';
      roles() {
        return this.manyToMany(Role, Grant, 'member_id', 'role_id');
      }
      noted() {
        return this.manyToMany(Role, Note, 'member_id', 'role_id');
      }
    }
    seedSheets({});
    const report = ensureSchema([Member, Role]);
    expect(report.created.Grants).toEqual(['member_id', 'role_id', 'granted_by']);
    expect(report.created.Notes).toEqual(['id', 'member_id', 'role_id', 'text']);
    Role.create({});
    Member.create({}).related('roles').attach([1]);
    expect(sheetRows('Grants')).toEqual([['member_id', 'role_id', 'granted_by'], [1, 1, 'admin']]);
  });

  it('does nothing (and writes nothing) when the schema is complete', () => {
    seedSheets({});
    ensureSchema([Post, Tag, User]);
    gas().calls.reset();
    expect(ensureSchema([Post, Tag, User])).toEqual({ created: {}, added: {} });
    expect(gas().calls.writes()).toBe(0);
    // The usual case, at the start of every execution: no lock either.
    expect(gas().calls.count('Lock.tryLock')).toBe(0);
    expect(gas().calls.count('Lock.releaseLock')).toBe(0);
  });

  it('a sheet another execution creates while it looks (without the lock) is taken as it is, not as a clash', () => {
    seedSheets({ Posts: [['id', 'title', 'body', 'user_id']], Users: [['id', 'email']], PostTag: [['post_id', 'tag_id', 'position']] });
    const other = freshLibrary();
    class OtherTag extends other.Model {
      static _table = 'Tags';
      static columns = ['name'];
    }
    let created = false;
    const unsubscribe = gas().beforeCall((call) => {
      if (created || call.execution !== 'A' || call.method !== 'Spreadsheet.getSheets') return;
      created = true;
      gas().run('B', () => other.ensureSchema([OtherTag]));
    });
    const report = gas().run('A', () => ensureSchema([Post, Tag, User]));
    unsubscribe();
    expect(created).toBe(true);
    expect(report).toEqual({ created: {}, added: {} });
    expect(sheetRows('Tags')).toEqual([['id', 'name']]);
  });

  it('takes the lock and looks again before changing anything: a column another execution added meanwhile is not added twice', () => {
    seedSheets({ Posts: [['id', 'title', 'body']], Tags: [['id', 'name']], Users: [['id', 'email']], PostTag: [['post_id', 'tag_id', 'position']] });
    let added = false;
    const unsubscribe = gas().beforeCall((call) => {
      if (added || call.method !== 'Lock.tryLock') return;
      added = true;
      gas().run('B', () => SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange(1, 4).setValue('user_id'));
    });
    gas().calls.reset();
    const report = ensureSchema([Post, Tag, User]);
    unsubscribe();
    expect(added).toBe(true);
    expect(report).toEqual({ created: {}, added: {} });
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'body', 'user_id']]);
    expect(gas().calls.count('Lock.releaseLock')).toBe(1);
  });

  it('grows the grid for columns past the last one', () => {
    seedSheets({ Users: [['id', ...Array.from({ length: 25 }, (_, i) => `c${i}`)]] });
    ensureSchema([User]);
    expect(sheetRows('Users')[0].slice(-2)).toEqual(['c24', 'email']);
  });

  it('wants model classes', () => {
    expect(() => ensureSchema(['Posts'] as never)).toThrow(ValidationError);
    expect(() => ensureSchema([Tag, , Tag] as never)).toThrow(/^SheetORM\.ensureSchema\(models\): pass an array of model classes/);
  });
});

describe('ensureSchema with sessions, transactions and wide sheets', () => {
  it('creates a sheet wider than the 26 columns a new sheet has', () => {
    seedSheets({});
    class Wide extends Model {
      static _table = 'Wide';
      static columns = Array.from({ length: 30 }, (_, i) => `c${i + 1}`);
    }
    expect(ensureSchema([Wide]).created.Wide).toHaveLength(31);
    expect(sheetRows('Wide')[0]).toEqual(['id', ...Wide.columns]);
  });

  it('inside a session, later queries see the columns it added', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']], Tags: [['id', 'name']], PostTag: [['post_id', 'tag_id', 'position']], Users: [['id', 'email']] });
    const json = session(() => {
      Post.all();
      ensureSchema([Post]);
      return Post.find(1)!.toJSON();
    });
    expect(json).toEqual({ id: 1, title: 'a', body: null, user_id: null });
  });

  it('is refused inside a transaction, before anything is written', () => {
    seedSheets({});
    gas().calls.reset();
    expect(() => transaction(() => ensureSchema([Tag]))).toThrow(/ensureSchema\(\) cannot run inside SheetORM\.transaction\(\)/);
    expect(gas().calls.writes()).toBe(0);
  });
});

describe('ensureSchema checks everything before it changes anything', () => {
  const sheetNames = () => gas().active.getSheets().map((sheet) => sheet.getName());

  it('a duplicated header is refused, naming ensureSchema and the model, with nothing changed', () => {
    seedSheets({ Tags: [['id', 'name', 'name']] });
    gas().calls.reset();
    expect(() => ensureSchema([Tag])).toThrow(/^SheetORM\.ensureSchema\(\): Tag: sheet "Tags" in spreadsheet "[^"]+": the header "name" appears twice/);
    expect(gas().calls.writes()).toBe(0);
  });

  it('a bad column declaration is refused, naming the model, with no sheet created', () => {
    class Comment extends Model {
      static override _table = 'Comments';
      static columns = ['id', {} as never];
    }
    class Draft extends Model {
      static override _table = 'Drafts';
      static columns = 5 as never;
    }
    seedSheets({ Posts: [['id']] });
    expect(() => ensureSchema([Post, Comment])).toThrow(/Comment declares a column an object for sheet "Comments"; a column name is non-empty text/);
    expect(() => ensureSchema([Draft])).toThrow(/Draft\.columns must be a list of column names/);
    expect(() => ensureSchema([Post, Comment])).toThrow(ValidationError);
    expect(sheetNames()).toEqual(['Posts']);
    expect(gas().calls.writes()).toBe(0);
  });

  it('a sheet of another model with a duplicated header stops it before the first sheet is made', () => {
    seedSheets({ Tags: [['id', 'name', 'name']] });
    expect(() => ensureSchema([Post, Tag])).toThrow(/"name"/);
    expect(sheetNames()).toEqual(['Tags']);
  });

  it('a sheet name that differs from an existing one only in case is refused with the name to use', () => {
    class Lower extends Model {
      static override _table = 'posts';
    }
    seedSheets({ Posts: [['id']] });
    expect(() => ensureSchema([Tag, Lower])).toThrow(
      /Lower needs a sheet "posts", and spreadsheet "Test Spreadsheet" has "Posts", a name that differs only in case .*Nothing was changed/,
    );
    expect(sheetNames()).toEqual(['Posts']);
  });

  it('a sheet name over the 100 characters Sheets allows is refused before any sheet is made', () => {
    class Long extends Model {
      static override _table = 'L'.repeat(101);
    }
    seedSheets({ Posts: [['id']] });
    expect(() => ensureSchema([Tag, Long])).toThrow(/Long needs a sheet "L{40}…" of 101 characters, and Sheets allows at most 100; shorten the name .*Nothing was changed/);
    expect(sheetNames()).toEqual(['Posts']);
  });
});

describe('ensureSchema with one sheet reached two ways', () => {
  it('a pivot sheet named by a pinned model and an unpinned one gets the columns of both', () => {
    class Pinned extends Model {
      static override _table = 'Posts';
      static override _spreadsheetId = 'book';
      tags() {
        return this.manyToMany(() => Loose, { pivotTable: 'post_tag', pivotForeignKey: 'post_id', pivotRelatedForeignKey: 'tag_id', pivotColumns: ['role'] });
      }
    }
    class Loose extends Model {
      static override _table = 'Tags';
      posts() {
        return this.manyToMany(() => Pinned, { pivotTable: 'post_tag', pivotForeignKey: 'tag_id', pivotRelatedForeignKey: 'post_id', pivotColumns: ['weight'] });
      }
    }
    seedSheets({});
    const book = gas().addSpreadsheet({ Posts: [['id']], Tags: [['id']], post_tag: [['post_id', 'tag_id']] }, { id: 'book', name: 'Book' });
    configure({ spreadsheetId: 'book' });
    ensureSchema([Pinned, Loose]);
    expect(book.getSheetByName('post_tag')!.getRange(1, 1, 1, 4).getValues()).toEqual([['post_id', 'tag_id', 'role', 'weight']]);
    book.deleteSheet(book.getSheetByName('post_tag')!);
    configure({});
    ensureSchema([Pinned, Loose]);
    expect(book.getSheetByName('post_tag')!.getRange(1, 1, 1, 4).getValues()).toEqual([['post_id', 'tag_id', 'role', 'weight']]);
  });

  it('reports every column it added to a sheet reached two ways, and sees a case clash across the two ways', () => {
    class Article extends Model {
      static override _table = 'Articles';
      static columns = ['title'];
    }
    class PinnedArticle extends Model {
      static override _table = 'Articles';
      static override _spreadsheetId = 'active-id';
      static columns = ['body'];
    }
    class Shouting extends Model {
      static override _table = 'ARTICLES';
      static override _spreadsheetId = 'active-id';
    }
    seedSheets({ Articles: [['id']], Other: [['id']] });
    const id = gas().active.getId();
    (PinnedArticle as { _spreadsheetId?: string })._spreadsheetId = id;
    (Shouting as { _spreadsheetId?: string })._spreadsheetId = id;
    expect(ensureSchema([Article, PinnedArticle]).added).toEqual({ Articles: ['title', 'body'] });
    gas().active.deleteSheet(gas().active.getSheetByName('Articles')!);
    expect(() => ensureSchema([Article, Shouting])).toThrow(/Sheets allows only one of these names/);
    expect(gas().active.getSheets().map((sheet) => sheet.getName())).not.toContain('Articles');
  });

  it('two sheets to create whose names differ only in case are refused before either is made', () => {
    class Upper extends Model {
      static override _table = 'Notes';
    }
    class Lower extends Model {
      static override _table = 'notes';
    }
    seedSheets({ Posts: [['id']] });
    expect(() => ensureSchema([Upper, Lower])).toThrow(/Upper needs a sheet "Notes" and Lower one named "notes"; Sheets allows only one of these names/);
    expect(gas().active.getSheets().map((sheet) => sheet.getName())).toEqual(['Posts']);
  });
});

describe('ensureSchema: what models declare', () => {
  it('finds a relation a method builds with belongsToMany, the alias of manyToMany', () => {
    class Skill extends Model {
      static override _table = 'Skills';
    }
    class Worker extends Model {
      static override _table = 'Workers';
      skills() {
        return this.belongsToMany(Skill, 'skill_worker');
      }
    }
    seedSheets({});
    expect(ensureSchema([Worker, Skill]).created.skill_worker).toEqual(['worker_id', 'skill_id']);
    expect(sheetRows('skill_worker')).toEqual([['worker_id', 'skill_id']]);
  });

  it('a sheet of one name in two spreadsheets is two sheets, each with its own columns', () => {
    class Live extends Model {
      static override _table = 'Posts';
      static columns = ['title'];
    }
    class Archived extends Model {
      static override _table = 'Posts';
      static override _spreadsheetId = 'archive-id';
      static columns = ['archived_at'];
    }
    seedSheets({ Other: [['id']] });
    gas().addSpreadsheet({ Other: [['id']] }, { id: 'archive-id', name: 'Archive' });
    ensureSchema([Live, Archived]);
    expect(sheetRows('Posts')).toEqual([['id', 'title']]);
    expect(sheetRows('Posts', 'archive-id')).toEqual([['id', 'archived_at']]);
  });

  it("trims declared column names: ' title ' and 'title' make one column named title", () => {
    class Padded extends Model {
      static override _table = 'Padded';
      static columns = [' title ', 'title', 'body '];
    }
    seedSheets({});
    expect(ensureSchema([Padded]).created.Padded).toEqual(['id', 'title', 'body']);
    expect(sheetRows('Padded')).toEqual([['id', 'title', 'body']]);
  });

  it("leaves alone the sheet of a related model it was not given (a hasMany's foreign key lives there)", () => {
    seedSheets({});
    expect(Object.keys(ensureSchema([User]).created)).toEqual(['Users']);
    expect(gas().active.getSheetByName('Posts')).toBeNull();
  });

  it('wants an array of model classes, not one class or a class that is no model', () => {
    seedSheets({});
    expect(() => ensureSchema(Post as never)).toThrow(/^SheetORM\.ensureSchema\(models\): pass an array of model classes/);
    class NotAModel {
      static _table = 'Posts';
    }
    expect(() => ensureSchema([NotAModel] as never)).toThrow(/^SheetORM\.ensureSchema\(models\): pass an array of model classes/);
    expect(gas().active.getSheets().map((sheet) => sheet.getName())).toEqual(['Sheet1']);
  });
});

describe('ensureSchema: locks, calls and limits', () => {
  const sheetNames = () => gas().active.getSheets().map((sheet) => sheet.getName());

  it('flushes what it wrote before it releases the lock', () => {
    seedSheets({});
    gas().calls.reset();
    ensureSchema([Tag]);
    const methods = gas().calls.all().map((call) => call.method);
    expect(methods.filter((method) => method === 'SpreadsheetApp.flush')).toHaveLength(1);
    expect(methods.indexOf('SpreadsheetApp.flush')).toBeLessThan(methods.indexOf('Lock.releaseLock'));
    expect(methods.lastIndexOf('Range.setValues')).toBeLessThan(methods.indexOf('SpreadsheetApp.flush'));
  });

  it('asks for the list of sheets once per look, however many sheets it creates', () => {
    seedSheets({});
    gas().calls.reset();
    expect(Object.keys(ensureSchema([Post, Tag, User]).created)).toHaveLength(4);
    // Once without the lock, once under it.
    expect(gas().calls.count('Spreadsheet.getSheets')).toBe(2);
  });

  it('creates a sheet of exactly the 26 columns a new sheet has without growing the grid', () => {
    class Full extends Model {
      static override _table = 'Full';
      static columns = Array.from({ length: 25 }, (_, i) => `c${i + 1}`);
    }
    seedSheets({ Users: [['id', ...Array.from({ length: 24 }, (_, i) => `c${i + 1}`)]] });
    gas().calls.reset();
    const report = ensureSchema([Full, User]);
    expect(report.created.Full).toHaveLength(26);
    expect(report.added).toEqual({ Users: ['email'] });
    expect(sheetRows('Users')[0]).toHaveLength(26);
    expect(gas().calls.count('Sheet.insertColumnsAfter')).toBe(0);
  });

  it('creates a sheet named with 100 characters, the most Sheets allows', () => {
    class Longest extends Model {
      static override _table = 'L'.repeat(100);
    }
    seedSheets({});
    expect(ensureSchema([Longest]).created['L'.repeat(100)]).toEqual(['id']);
    expect(sheetNames()).toContain('L'.repeat(100));
  });

  it('a column name longer than a cell can hold is refused before any sheet is made', () => {
    class Huge extends Model {
      static override _table = 'Huge';
      static columns = ['x'.repeat(50001)];
    }
    seedSheets({ Posts: [['id']] });
    expect(() => ensureSchema([Tag, Huge])).toThrow(/Huge declares a column "x{40}…" for sheet "Huge"; a column name is non-empty text of at most 50000 characters/);
    expect(sheetNames()).toEqual(['Posts']);
  });

  it('a column name that needs the apostrophe counts it: 50,000 digits are refused before any sheet is made', () => {
    class Digits extends Model {
      static override _table = 'Digits';
      static columns = ['1'.repeat(50000)];
    }
    seedSheets({ Posts: [['id']] });
    expect(() => ensureSchema([Tag, Digits])).toThrow(/Digits declares a column "1{40}…" for sheet "Digits"; .* at most 50000 characters \(49999 for this one: Sheets could parse it, so it is written after an apostrophe\)\. Nothing was changed\.$/);
    expect(sheetNames()).toEqual(['Posts']);
  });

  it('a name clash seen without the lock that is gone under it (the sheet renamed meanwhile) is no error', () => {
    seedSheets({ posts: [['id', 'title', 'body', 'user_id']], Tags: [['id', 'name']], Users: [['id', 'email']], PostTag: [['post_id', 'tag_id', 'position']] });
    let renamed = false;
    const unsubscribe = gas().beforeCall((call) => {
      if (renamed || call.method !== 'Lock.tryLock') return;
      renamed = true;
      gas().run('B', () => SpreadsheetApp.getActive().getSheetByName('posts')!.setName('Posts'));
    });
    const report = ensureSchema([Post, Tag, User]);
    unsubscribe();
    expect(renamed).toBe(true);
    expect(report).toEqual({ created: {}, added: {} });
    expect(sheetNames()).toEqual(['Posts', 'Tags', 'Users', 'PostTag']);
  });
});
