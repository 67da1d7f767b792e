import { Model, ValidationError } from '../../src';
import { seedSheets, gas, sheetRows } from '../support/seed';

class Account extends Model {
  static _table = 'Accounts';
  declare id: number;
  declare tweet_id: string;
}

class Card extends Model {
  static _table = 'Cards';
  static _primaryKey = 'number';
  declare number: string;
  declare holder: string;
}

describe('digit strings longer than 15 digits are text, not numbers', () => {
  beforeEach(() =>
    seedSheets({
      Accounts: [
        ['id', 'tweet_id'],
        [1, '1790000000000000001'],
        [2, '1790000000000000002'],
        [3, '1790000000000000003'],
      ],
      Cards: [
        ['number', 'holder'],
        ['12345678901234567891', 'ada'],
        ['12345678901234567892', 'linus'],
      ],
    }),
  );

  it('where, whereIn and findBy tell them apart', () => {
    expect(Account.where('tweet_id', '1790000000000000002').get().pluck('id').all()).toEqual([2]);
    expect(Account.whereIn('tweet_id', ['1790000000000000003']).get().pluck('id').all()).toEqual([3]);
    expect(Account.findBy('tweet_id', '1790000000000000003')?.id).toBe(3);
    expect(Account.orderBy('tweet_id', 'desc').get().pluck('id').all()).toEqual([3, 2, 1]);
  });

  it('a query delete removes only the matching row', () => {
    expect(Account.where('tweet_id', '1790000000000000002').delete()).toBe(1);
    expect(sheetRows('Accounts').map((row) => row[0])).toEqual(['id', 1, 3]);
  });

  it('text primary keys stay distinct for find and create', () => {
    expect(Card.find('12345678901234567892')?.holder).toBe('linus');
    Card.create({ number: '12345678901234567893', holder: 'grace' });
    expect(sheetRows('Cards')).toHaveLength(4);
  });

  it('up to 15 digits, text still equals the number', () => {
    expect(Account.where('id', '000000000000003').get().length).toBe(0);
    expect(Account.where('id', '3').get().pluck('id').all()).toEqual([3]);
    expect(Account.find('3')?.id).toBe(3);
  });
});

describe('generated keys past 2^53', () => {
  it('are refused before anything is written: max + 1 would repeat a key', () => {
    seedSheets({ Accounts: [['id', 'tweet_id'], [9007199254740992, 'x']] });
    gas().calls.reset();
    expect(() => Account.create({ tweet_id: 'y' })).toThrow(ValidationError);
    expect(() => Account.create({ tweet_id: 'y' })).toThrow(/^Account: sheet "Accounts" in spreadsheet "[^"]+": the largest key in column "id" is 9007199254740992.*_keyType = 'uuid'/);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('Accounts')).toHaveLength(2);
  });

  it('the last safe key is still given', () => {
    seedSheets({ Accounts: [['id', 'tweet_id'], [9007199254740990, 'x']] });
    expect(Account.create({ tweet_id: 'y' }).id).toBe(9007199254740991);
  });
});

describe('long digit-string ids elsewhere', () => {
  class Post extends Model {
    static _table = 'Posts';
    tags() {
      return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
    }
  }
  class Tag extends Model {
    static _table = 'Tags';
  }

  it('attach writes a long text id as the same text, and the relation finds it', () => {
    seedSheets({ Posts: [['id'], [1]], Tags: [['id'], ['1790000000000000001'], ['1790000000000000002']], PostTag: [['post_id', 'tag_id']] });
    Post.findOrFail(1).related('tags').attach(['1790000000000000001']);
    expect(sheetRows('PostTag')[1]).toEqual([1, '1790000000000000001']);
    expect(Post.findOrFail(1).related('tags').query().get().map((tag) => tag.getAttribute('id'))).toEqual(['1790000000000000001']);
  });

  it('a long text id among numeric keys does not count towards the next key', () => {
    seedSheets({ Accounts: [['id', 'tweet_id'], [1, 'a'], [2, 'b'], ['1790000000000000001', 'c']] });
    expect(Account.create({ tweet_id: 'd' }).id).toBe(3);
  });
});
