/**
 * Writes re-check, under the lock, the rows, columns and keys they read: what other executions and
 * people changed meanwhile never makes a value land in the wrong row or column, or a key repeat.
 */
import { ColumnNotFoundError, DuplicateKeyError, Model, session, transaction } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';
import { freshLibrary } from '../support/library';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare body: string;
}

const sheet = (name: string) => gas().active.getSheetByName(name)!;

describe('rows of a big sheet read in a session', () => {
  it('are found again by key when another execution deleted one row and added one (same row count, keys shifted)', () => {
    const rows: unknown[][] = [['id', 'title', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']];
    for (let i = 1; i <= 6000; i++) rows.push([i, `Post ${i}`, 1, 2, 3, 4, 5, 6, 7, 8]);
    seedSheets({ Posts: rows });
    const other = freshLibrary();
    class OtherPost extends other.Model {
      static _table = 'Posts';
    }
    session(() => {
      const post = Post.find(5000)!;
      gas().run('B', () => {
        OtherPost.query().where('id', 10).delete();
        OtherPost.create({ title: 'by B' });
      });
      post.title = 'edited';
      post.save();
    });
    const after = sheetRows('Posts');
    expect(after.find((row) => row[0] === 5000)![1]).toBe('edited');
    expect(after.find((row) => row[0] === 5001)![1]).toBe('Post 5001');
    expect(after).toHaveLength(6001);
  });
});

describe('columns changed by a person while a transaction runs', () => {
  it('a new row is written by header, into the columns where they are now', () => {
    seedSheets({ Posts: [['id', 'title', 'body'], [1, 'a', 'x']] });
    transaction(() => {
      Post.all();
      sheet('Posts').insertColumnBefore(2).getRange(1, 2).setValue('extra');
      Post.create({ title: 't', body: 'b' });
    });
    expect(sheetRows('Posts')).toEqual([['id', 'extra', 'title', 'body'], [1, '', 'a', 'x'], [2, '', 't', 'b']]);
  });

  it('a value for a column deleted meanwhile is a ColumnNotFoundError, and nothing is written', () => {
    seedSheets({ Posts: [['id', 'title', 'body'], [1, 'a', 'x']] });
    expect(() =>
      transaction(() => {
        Post.all();
        sheet('Posts').deleteColumn(3);
        Post.create({ title: 't', body: 'b' });
      }),
    ).toThrow(ColumnNotFoundError);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
  });
});

describe('keys within one transaction', () => {
  it('a key a saved model moved to is taken: creating it again is a DuplicateKeyError, and nothing is written', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
    expect(() =>
      transaction(() => {
        const post = Post.find(1)!;
        post.id = 100;
        post.save();
        Post.create({ id: 100, title: 'dup' });
      }),
    ).toThrow(DuplicateKeyError);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b']]);
  });

  it('a model whose key a create repeated is refused, not saved to one of the two rows', () => {
    class Member extends Model {
      static _table = 'Posts';
      static _primaryKey = 'title';
      declare c1: unknown;
    }
    seedSheets({ Posts: [['id', 'title', 'c1'], [1, 'a', ''], [2, 'b', '']] });
    expect(() =>
      transaction(() => {
        const member = Member.find('b')!;
        member.c1 = 8;
        member.save();
        Post.create({ title: 'b' });
        member.c1 = 9;
        member.save();
      }),
    ).toThrow(DuplicateKeyError);
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'c1'], [1, 'a', ''], [2, 'b', '']]);
  });
});
