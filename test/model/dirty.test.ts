/** What counts as a change: Dates changed in place after a save or refresh, and undefined (left alone). */
import { Model } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string | undefined;
  declare views: number | null;
  declare published: Date | null;
}

const day = (d: number) => new Date(Date.UTC(2024, 0, d));

beforeEach(() =>
  seedSheets({
    Posts: [
      ['id', 'title', 'views', 'published'],
      [1, 'Alpha', 10, day(1)],
      [2, 'beta', '', day(5)],
      [3, 'Gamma', 30, day(9)],
    ],
  }),
);

describe('dates and dirty checks', () => {
  it('a Date changed in place after an update save() is dirty and the next save writes it', () => {
    const post = Post.find(1)!;
    post.published = day(2);
    post.save();
    post.published.setUTCDate(15);
    expect(post.$isDirty).toBe(true);
    post.save();
    expect(Post.find(1)!.published!.getTime()).toBe(day(15).getTime());
  });

  it('a Date changed in place after refresh() is dirty and the next save writes it', () => {
    const post = Post.find(1)!;
    post.refresh();
    post.published!.setUTCDate(20);
    expect(post.$isDirty).toBe(true);
    post.save();
    expect(Post.find(1)!.published!.getTime()).toBe(day(20).getTime());
  });

  it('an attribute set to undefined is not dirty and save() leaves its cell alone', () => {
    const post = Post.find(1)!;
    post.title = undefined;
    expect(post.$isDirty).toBe(false);
    post.save();
    expect(sheetRows('Posts')[1][1]).toBe('Alpha');
  });
});

describe('keys set to their own text', () => {
  it("merge(e.parameter) repeating the row's key as text ('2' over 2) changes nothing: the key cell stays a number", () => {
    const post = Post.findOrFail(2);
    post.merge({ id: '2' as never, title: 'Beta' });
    expect(post.$dirty).toEqual({ title: 'Beta' });
    gas().calls.reset();
    post.save();
    expect(gas().calls.count('Range.setValues') + gas().calls.count('Range.setValue')).toBe(1);
    expect(sheetRows('Posts')[2]).toEqual([2, 'Beta', '', day(5)]);
  });

  it('another key as text, and other text in number columns, are changes written as text', () => {
    const post = Post.findOrFail(1);
    post.merge({ id: '7' as never, views: '010' as never });
    expect(post.$dirty).toEqual({ id: '7', views: '010' });
    post.save();
    expect(sheetRows('Posts')[1].slice(0, 3)).toEqual(['7', 'Alpha', '010']);
  });
});

describe('numbers and Dates set to their own text (a form post, JSON fed back)', () => {
  it("are no change, as Eloquent counts numeric text: nothing is written, so a number stays a number and a formula stays", () => {
    seedSheets({
      Deals: [
        ['id', 'title', 'amount', 'quantity', 'total', 'closed_at'],
        [1, 'Website', 1200, 2, '=C2*D2', day(3)],
      ],
    });
    class Deal extends Model {
      static _table = 'Deals';
    }
    const deal = Deal.findOrFail(1);
    deal.merge({ id: '1', title: 'Website', amount: '1200', quantity: '2', total: '2400', closed_at: day(3).toISOString() });
    expect(deal.$dirty).toEqual({});
    expect(deal.$isDirty).toBe(false);
    gas().calls.reset();
    deal.save();
    expect(gas().calls.writes()).toBe(0);
    expect(gas().sheetFormulas('Deals')[1][4]).toBe('=C2*D2');

    // After a save that wrote another cell, the cells' own values are still what it compares with.
    deal.merge({ title: 'Website v2' }).save();
    expect(gas().sheetFormulas('Deals')[1][4]).toBe('=C2*D2');
    deal.merge({ amount: 1200, total: 2400, closed_at: day(3) });
    expect(deal.$dirty).toEqual({});

    deal.merge({ quantity: '3', amount: '1200.50', closed_at: day(4).toISOString() });
    expect(Object.keys(deal.$dirty)).toEqual(['amount', 'quantity', 'closed_at']);
  });

  it("leave the cells alone through increment's extra columns and a pivot's sync and updateExistingPivot too", () => {
    seedSheets({
      Deals: [['id', 'hits', 'amount', 'total'], [1, 0, 1200, '=C2*2']],
      Tags: [['id', 'name'], [1, 'hot']],
      DealTag: [['deal_id', 'tag_id', 'qty', 'added'], [1, 1, 3, day(2)]],
    });
    class Tag extends Model {
      static _table = 'Tags';
    }
    class Deal extends Model {
      static _table = 'Deals';
      tags() {
        return this.manyToMany(Tag, 'DealTag', 'deal_id', 'tag_id');
      }
    }
    const deal = Deal.findOrFail(1);
    deal.increment('hits', 1, { amount: '1200', total: '2400' });
    expect(gas().sheetFormulas('Deals')[1][3]).toBe('=C2*2');
    expect(sheetRows('Deals')[1]).toEqual([1, 1, 1200, 2400]);
    gas().calls.reset();
    expect(deal.related('tags').sync({ 1: { qty: '3', added: day(2).toISOString() } })).toEqual({ attached: [], detached: [], updated: [] });
    expect(deal.related('tags').updateExistingPivot(1, { qty: '3' })).toBe(0);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('DealTag')[1]).toEqual([1, 1, 3, day(2)]);
  });

  it('leave the cells alone in a query update() too', () => {
    seedSheets({ Deals: [['id', 'amount', 'total'], [1, 1200, '=B2*2'], [2, 900, '=B3*2']] });
    class Deal extends Model {
      static _table = 'Deals';
    }
    gas().calls.reset();
    expect(Deal.query().update({ amount: '1200', total: '2400' })).toBe(2);
    expect(gas().sheetFormulas('Deals').slice(1).map((row) => row[2])).toEqual(['=B2*2', '']);
    expect(sheetRows('Deals').slice(1)).toEqual([[1, 1200, 2400], [2, '1200', '2400']]);
  });
});
