import { configure, Model, session, transaction } from '../src';
import { seedSheets, sheetRows, gas } from './support/seed';
import { freshLibrary } from './support/library';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare c1: string | null;
}

const bigSheet = (rows: number) => [
  ['id', 'title', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'],
  ...Array.from({ length: rows }, (_, i) => [i + 1, `Post ${i + 1}`, 1, 2, 3, 4, 5, 6, 7, 8]),
];

describe('session()', () => {
  it('reads each sheet once for all the queries inside', () => {
    seedSheets({ Posts: bigSheet(20) });
    const result = session(() => {
      const all = Post.all();
      const one = Post.find(3);
      const some = Post.where('id', '>', 10).count();
      return [all.count(), one!.title, some];
    });
    expect(result).toEqual([20, 'Post 3', 10]);
    expect(gas().calls.reads('Posts')).toBe(1);
  });

  it('sees its own writes without reading again', () => {
    seedSheets({ Posts: bigSheet(3) });
    session(() => {
      Post.all();
      Post.create({ title: 'new' });
      Post.query().where('id', 1).delete();
      expect(Post.all().pluck('title').all()).toEqual(['Post 2', 'Post 3', 'new']);
      const post = Post.find(4)!;
      post.title = 'renamed';
      post.save();
    });
    expect(sheetRows('Posts').map((r) => r[1])).toEqual(['title', 'Post 2', 'Post 3', 'renamed']);
    // One read for the queries, one under the lock per write (small sheets are simply read again).
    expect(gas().calls.reads('Posts')).toBe(4);
  });

  it('a write through a model pinned to the same spreadsheet by id is seen by models of the active one', () => {
    const env = seedSheets({ Posts: bigSheet(3) });
    class PinnedPost extends Model {
      static _table = 'Posts';
      static _spreadsheetId = env.active.getId();
      declare title: string;
    }
    session(() => {
      Post.all();
      const pinned = PinnedPost.findOrFail(2);
      pinned.title = 'new';
      pinned.save();
      expect(Post.findOrFail(2).title).toBe('new');
      const post = Post.findOrFail(2);
      post.title = 'Post 2';
      post.save();
    });
    expect(sheetRows('Posts')[2][1]).toBe('Post 2');
  });

  it('re-checks a big reused sheet by header and keys instead of reading it again', () => {
    seedSheets({ Posts: bigSheet(6000) });
    session(() => {
      const post = Post.find(5000)!;
      gas().calls.reset();
      post.title = 'edited';
      post.save();
    });
    const calls = gas().calls;
    expect(calls.count('Sheet.getDataRange')).toBe(0);
    expect(calls.reads('Posts')).toBe(2); // header row + key column
    expect(calls.count('Range.setValues')).toBe(1);
    expect(sheetRows('Posts')[5000][1]).toBe('edited');
  });

  it('reads a reused sheet again when another execution changed its rows meanwhile', () => {
    seedSheets({ Posts: bigSheet(6000) });
    const other = freshLibrary();
    class OtherPost extends other.Model {
      static _table = 'Posts';
    }
    session(() => {
      const post = Post.find(5000)!;
      const created = gas().run('B', () => {
        OtherPost.query().where('id', '<=', 2).delete();
        return OtherPost.create({ title: 'by B' });
      });
      post.title = 'edited';
      post.save();
      const mine = Post.create({ title: 'mine' });
      expect(mine.id).toBe(Number((created as unknown as { id: number }).id) + 1);
    });
    const rows = sheetRows('Posts');
    expect(rows.find((r) => r[0] === 5000)![1]).toBe('edited');
    expect(rows.filter((r) => r[1] === 'edited')).toHaveLength(1);
    expect(rows.slice(-2).map((r) => r[1])).toEqual(['by B', 'mine']);
  });

  // A writer that takes no lock (a person typing) may change the sheet while the check reads it.
  const editDuring = (env: ReturnType<typeof seedSheets>, callIndex: number, edit: () => void) => {
    let getValues = 0;
    const stop = env.beforeCall((call) => {
      if (call.method !== 'Range.getValues' || call.sheet !== 'Posts' || ++getValues !== callIndex) return;
      stop();
      edit();
    });
  };

  it('a column inserted by hand between the key check and the header check sends the write to its column', () => {
    const env = seedSheets({ Posts: bigSheet(6000) });
    session(() => {
      const post = Post.find(3)!;
      post.title = 'X';
      editDuring(env, 2, () =>
        env.run('B', () => env.SpreadsheetApp.getActive().getSheetByName('Posts')!.insertColumnBefore(2).getRange(1, 2).setValue('extra')),
      );
      post.save();
    });
    const rows = sheetRows('Posts');
    expect(rows[0].slice(0, 3)).toEqual(['id', 'extra', 'title']);
    expect(rows[3].slice(0, 4)).toEqual([3, '', 'X', 1]);
  });

  it('a row typed by hand at the end while the keys are checked is not written over', () => {
    const env = seedSheets({ Posts: bigSheet(6000) });
    session(() => {
      Post.count();
      editDuring(env, 2, () => env.run('B', () => env.SpreadsheetApp.getActive().getSheetByName('Posts')!.appendRow([6001, 'typed', 1, 2, 3, 4, 5, 6, 7, 8])));
      const created = Post.create({ title: 'mine' });
      expect(created.id).toBe(6002);
    });
    expect(sheetRows('Posts').slice(-2).map((row) => row.slice(0, 2))).toEqual([
      [6001, 'typed'],
      [6002, 'mine'],
    ]);
  });

  it('a transaction on a big sheet checks keys rather than re-reading before it writes', () => {
    seedSheets({ Posts: bigSheet(6000) });
    gas().calls.reset();
    transaction(() => {
      const post = Post.find(10)!;
      post.title = 'in transaction';
      post.save();
    });
    expect(gas().calls.count('Sheet.getDataRange')).toBe(1);
    expect(sheetRows('Posts')[10][1]).toBe('in transaction');
  });

  it('keeps a small sheet a transaction re-checked and found untouched, so later queries read nothing', () => {
    seedSheets({ Posts: bigSheet(5) });
    gas().calls.reset();
    const counts = session(() => {
      Post.count();
      transaction(() => Post.create({ title: 'in transaction' }));
      const after = gas().calls.reads('Posts');
      return [after, Post.count(), gas().calls.reads('Posts')];
    });
    expect(counts).toEqual([3, 6, 3]);
  });

  it('reads a small sheet again after a transaction when a person changed it meanwhile', () => {
    seedSheets({ Posts: bigSheet(5) });
    const titles = session(() => {
      Post.count();
      transaction(() => {
        Post.create({ title: 'in transaction' });
        gas().run('person', () => gas().SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange(2, 2).setValue('edited by a person'));
      });
      return Post.all().pluck('title').all();
    });
    expect(titles[0]).toBe('edited by a person');
    expect(titles[5]).toBe('in transaction');
  });
});

it('a bulk update in a session selects rows by their current values, not the values read earlier', () => {
  seedSheets({ Posts: bigSheet(6000) });
  const other = freshLibrary();
  class OtherPost extends other.Model {
    static _table = 'Posts';
  }
  session(() => {
    Post.all();
    gas().run('B', () => OtherPost.query().where('id', 7).update({ title: 'renamed by B' }));
    expect(Post.query().where('title', 'renamed by B').update({ c1: 'hit' })).toBe(1);
  });
  expect(sheetRows('Posts')[7].slice(0, 3)).toEqual([7, 'renamed by B', 'hit']);
});

it('after deletions and inserts in a session, the reused big sheet still knows where each row is', () => {
  seedSheets({ Posts: bigSheet(6000) });
  session(() => {
    Post.all();
    Post.query().whereIn('id', [10, 11, 500]).delete();
    Post.create({ title: 'appended' });
    const post = Post.find(4000)!;
    gas().calls.reset();
    post.title = 'edited after the deletions';
    post.save();
    // Reused, not read again: the settled table's row numbers matched the sheet's keys.
    expect(gas().calls.count('Sheet.getDataRange')).toBe(0);
  });
  const rows = sheetRows('Posts');
  expect(rows.find((r) => r[0] === 4000)![1]).toBe('edited after the deletions');
  expect(rows.filter((r) => r[1] === 'edited after the deletions')).toHaveLength(1);
  expect(rows[rows.length - 1].slice(0, 2)).toEqual([6001, 'appended']);
});

it('a big sheet whose header holds a boolean and a date is re-checked by header and keys, not read again', () => {
  const sheet = bigSheet(6000);
  sheet[0][2] = true as never;
  sheet[0][3] = new Date(Date.UTC(2024, 0, 1, 5)) as never;
  seedSheets({ Posts: sheet }, { timeZone: 'America/New_York' });
  session(() => {
    const post = Post.find(4000)!;
    gas().calls.reset();
    post.title = 'edited';
    post.save();
    expect(gas().calls.count('Sheet.getDataRange')).toBe(0);
    expect(gas().calls.count('Range.getValues')).toBe(2);
  });
  expect(sheetRows('Posts')[4000].slice(0, 4)).toEqual([4000, 'edited', 1, 2]);
});

it('inside a transaction, models read before a change keep what they read; later reads and counts see the change', () => {
  seedSheets({ Posts: bigSheet(3) });
  transaction(() => {
    const before = Post.all();
    Post.query().where('id', 2).update({ title: 'changed' });
    const after = Post.all();
    expect(before.pluck('title').all()).toEqual(['Post 1', 'Post 2', 'Post 3']);
    expect(before.every((post) => !post.$isDirty)).toBe(true);
    expect(after.pluck('title').all()).toEqual(['Post 1', 'changed', 'Post 3']);
    expect(Post.where('title', 'changed').count()).toBe(1);
    expect(Post.query().pluck('title').all()).toEqual(['Post 1', 'changed', 'Post 3']);
  });
  expect(sheetRows('Posts').map((r) => r[1])).toEqual(['title', 'Post 1', 'changed', 'Post 3']);
  expect(gas().calls.reads('Posts')).toBe(2);
});

it('inserts into a reused big sheet: the new rows are known by key afterwards without reading again', () => {
  seedSheets({ Posts: bigSheet(6000) });
  session(() => {
    Post.createMany([{ title: 'first' }, { title: 'second' }]);
    const third = Post.create({ title: 'third' });
    gas().calls.reset();
    third.title = 'third, edited';
    third.save();
    const second = Post.find(6002)!;
    second.title = 'second, edited';
    second.save();
    expect(gas().calls.count('Sheet.getDataRange')).toBe(0);
  });
  expect(sheetRows('Posts').slice(-3).map((r) => r.slice(0, 2))).toEqual([
    [6001, 'first'],
    [6002, 'second, edited'],
    [6003, 'third, edited'],
  ]);
});

it('a transaction that inserts, looks rows up by key, deletes one of its new rows and fails writes nothing', () => {
  seedSheets({ Posts: bigSheet(6000) });
  expect(() =>
    transaction(() => {
      const [a] = Post.createMany([{ title: 'a' }, { title: 'b' }]);
      expect(Post.find(3)!.title).toBe('Post 3');
      a.delete();
      expect(Post.where('title', 'b').count()).toBe(1);
      expect(Post.where('title', 'a').count()).toBe(0);
      throw new Error('changed my mind');
    }),
  ).toThrow('changed my mind');
  expect(sheetRows('Posts')).toHaveLength(6001);
  transaction(() => {
    const [a] = Post.createMany([{ title: 'a' }, { title: 'b' }]);
    a.delete();
  });
  expect(sheetRows('Posts').slice(-2).map((r) => r.slice(0, 2))).toEqual([
    [6000, 'Post 6000'],
    [6002, 'b'],
  ]);
});

describe('switching spreadsheets with configure() inside a session or transaction', () => {
  function twoBooks(rows: number) {
    const book = (tag: string) => [['id', 'title', 'n'], ...Array.from({ length: rows }, (_, i) => [i + 1, `${tag}${i + 1}`, 0])];
    seedSheets({ Posts: book('A') });
    gas().addSpreadsheet({ Posts: book('B') }, { id: 'book-b', name: 'B' });
  }
  afterEach(() => configure({ spreadsheetId: undefined }));

  it('reads the newly configured spreadsheet, not the sheet read before', () => {
    twoBooks(3);
    const titles = session(() => {
      const first = Post.find(1)!.title;
      configure({ spreadsheetId: 'book-b' });
      return [first, Post.find(1)!.title];
    });
    expect(titles).toEqual(['A1', 'B1']);
  });

  it('writes to the newly configured spreadsheet (big sheet reused by key in a session; transaction)', () => {
    twoBooks(20000);
    session(() => {
      Post.find(1);
      configure({ spreadsheetId: 'book-b' });
      const post = Post.find(2)!;
      post.title = 'changed';
      post.save();
    });
    expect(sheetRows('Posts', 'book-b')[2][1]).toBe('changed');
    expect(sheetRows('Posts')[2][1]).toBe('A2');
    configure({ spreadsheetId: undefined });
    transaction(() => {
      Post.find(1);
      configure({ spreadsheetId: 'book-b' });
      Post.create({ title: 'new' });
    });
    expect(sheetRows('Posts', 'book-b')).toHaveLength(20002);
    expect(sheetRows('Posts')).toHaveLength(20001);
  });
});

it('refresh() inside a session reads the row again, and later queries see that read', () => {
  seedSheets({ Posts: bigSheet(3) });
  const titles = session(() => {
    const post = Post.find(2)!;
    gas().run('other', () => gas().SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange(3, 2).setValue('Edited elsewhere'));
    const before = Post.find(2)!.title;
    post.refresh();
    return [before, post.title, Post.find(2)!.title];
  });
  expect(titles).toEqual(['Post 2', 'Edited elsewhere', 'Edited elsewhere']);
});

it('fresh() inside a session reads the row again too (Eloquent re-fetches), one read', () => {
  seedSheets({ Posts: bigSheet(3) });
  const seen = session(() => {
    const post = Post.find(2)!;
    gas().run('other', () => gas().SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange(3, 2).setValue('Edited elsewhere'));
    gas().calls.reset();
    const copy = post.fresh()!;
    return [copy.title, post.title, gas().calls.reads('Posts')];
  });
  expect(seen).toEqual(['Edited elsewhere', 'Post 2', 1]);
});

it("fresh('comments') inside a session reads the relation's sheet again too, one read each", () => {
  class Comment extends Model {
    static _table = 'Comments';
  }
  class Article extends Model {
    static _table = 'Articles';
    comments() {
      return this.hasMany(Comment, 'article_id');
    }
  }
  seedSheets({ Articles: [['id', 'title'], [1, 'A']], Comments: [['id', 'article_id', 'body'], [1, 1, 'first']] });
  const seen = session(() => {
    const article = Article.query().with('comments').firstOrFail();
    gas().run('other', () => gas().SpreadsheetApp.getActive().getSheetByName('Comments')!.appendRow([2, 1, 'second']));
    gas().calls.reset();
    const copy = article.fresh('comments')!;
    return [copy.comments.length, article.comments.length, gas().calls.reads('Articles'), gas().calls.reads('Comments')];
  });
  expect(seen).toEqual([2, 1, 1, 1]);
});

it('a formula computed from cells the session wrote shows its old result there until refresh() (as documented)', () => {
  class Item extends Model {
    static _table = 'Items';
    declare id: number;
    declare qty: number;
    declare total: number;
  }
  seedSheets({ Items: [['id', 'qty', 'price', 'total'], [1, 2, 5, '=B2*C2']] });
  const totals = session(() => {
    const item = Item.find(1)!;
    item.qty = 10;
    item.save();
    const cached = Item.find(1)!.total;
    item.refresh();
    return [cached, item.total, Item.find(1)!.total];
  });
  expect(totals).toEqual([10, 50, 50]);
  expect(gas().sheetFormulas('Items')[1][3]).toBe('=B2*C2');
});

it('a configure() that keeps the spreadsheet, inside a transaction, keeps one table per sheet (no write is lost)', () => {
  seedSheets({ Posts: bigSheet(2) });
  transaction(() => {
    Post.create({ title: 'x' });
    configure({ debug: false });
    Post.create({ title: 'y' });
  });
  expect(sheetRows('Posts').slice(3).map((row) => row.slice(0, 2))).toEqual([
    [3, 'x'],
    [4, 'y'],
  ]);
});

it("in a session, a transaction's query update selects rows from the sheet as it is, even after a save reused a big sheet", () => {
  seedSheets({ Posts: bigSheet(5100) });
  const updated = session(() => {
    const first = Post.find(1)!;
    gas().run('B', () => {
      const sheet = gas().SpreadsheetApp.getActive().getSheetByName('Posts')!;
      sheet.getRange(6, 3).setValue(0);
    });
    return transaction(() => {
      first.title = 'saved';
      first.save();
      return Post.where('c1', 0).update({ title: 'matched' });
    });
  });
  expect(updated).toBe(1);
  expect(sheetRows('Posts')[5].slice(0, 3)).toEqual([5, 'matched', 0]);
});

it('a big sheet that lost a column since the session read it is read again before a save (no out-of-range error)', () => {
  // 26 columns: as wide as a new sheet's grid, so the deleted column leaves the grid narrower than the read.
  const header = ['id', 'title', ...Array.from({ length: 24 }, (_, i) => `c${i + 1}`)];
  seedSheets({ Posts: [header, ...Array.from({ length: 2000 }, (_, i) => [i + 1, `Post ${i + 1}`, ...header.slice(2).map(() => 0)])] });
  session(() => {
    const post = Post.find(3)!;
    gas().run('B', () => gas().SpreadsheetApp.getActive().getSheetByName('Posts')!.deleteColumn(26));
    post.title = 'edited';
    post.save();
  });
  expect(sheetRows('Posts')[3].slice(0, 2)).toEqual([3, 'edited']);
  expect(sheetRows('Posts')[0]).toHaveLength(25);
});

describe('session() and what changes under it', () => {
  it('configure() inside a session looks the sheets up again: a renamed sheet is not written to', () => {
    seedSheets({ Posts: bigSheet(6000) });
    session(() => {
      expect(Post.count()).toBe(6000);
      const book = gas().active;
      book.getSheetByName('Posts')!.setName('Posts archive');
      book.insertSheet('Posts').getRange(1, 1, 1, 10).setValues([bigSheet(0)[0]]);
      configure({});
      expect(Post.count()).toBe(0);
      Post.create({ title: 'new' });
    });
    expect(sheetRows('Posts')).toEqual([bigSheet(0)[0], [1, 'new', '', '', '', '', '', '', '', '']]);
    expect(sheetRows('Posts archive')).toHaveLength(6001);
  });

  it('a big sheet read by a model with other keys is read again before a save finds its row by key', () => {
    class Member extends Model {
      static override _table = 'Posts';
      static override _primaryKey = 'title';
      declare c1: number;
    }
    seedSheets({ Posts: bigSheet(6000) });
    session(() => {
      Post.all();
      const member = Member.find('Post 2')!;
      // Another execution swaps the titles of posts 2 and 3: only the key column Post checks is unchanged.
      gas().run('B', () => gas().active.getSheetByName('Posts')!.getRange(3, 2, 2, 1).setValues([['Post 3'], ['Post 2']]));
      member.c1 = 99;
      member.save();
    });
    const rows = sheetRows('Posts');
    expect(rows[3].slice(0, 3)).toEqual([3, 'Post 2', 99]);
    expect(rows[2].slice(0, 3)).toEqual([2, 'Post 3', 1]);
  });

  it("a relation's save() with onQuery reads the related sheet afresh: a tag another execution activated meanwhile gets no second pivot row", () => {
    class Label extends Model {
      static override _table = 'Labels';
      declare id: number;
      declare name: string;
    }
    class Item extends Model {
      static override _table = 'Items';
      labels() {
        return this.manyToMany(Label, { pivotTable: 'ItemLabel', pivotForeignKey: 'item_id', pivotRelatedForeignKey: 'label_id', pivotColumns: ['note'], onQuery: (q) => q.where('active', true) });
      }
    }
    const labels: unknown[][] = [['id', 'name', 'active', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']];
    for (let i = 1; i <= 6000; i++) labels.push([i, `label ${i}`, i !== 5, 1, 2, 3, 4, 5, 6, 7]);
    seedSheets({ Items: [['id'], [1]], Labels: labels, ItemLabel: [['item_id', 'label_id', 'note'], [1, 5, 'old']] });
    session(() => {
      Label.all();
      gas().run('B', () => gas().active.getSheetByName('Labels')!.getRange(6, 3).setValue(true));
      const five = Label.findOrFail(5);
      five.name = 'five';
      Item.findOrFail(1).related('labels').save(five, { note: 'new' });
    });
    expect(sheetRows('ItemLabel')).toEqual([['item_id', 'label_id', 'note'], [1, 5, 'new']]);
  });
});
