/** What error messages show of the values they name: enough to recognise, never a function's source or a whole request. */
import { ColumnNotFoundError, Model, ValidationError } from '../../src';
import { describeValue } from '../../src/support/values';
import { gas, seedSheets } from './seed';

class Post extends Model {
  static _table = 'Posts';
}

describe('describeValue', () => {
  it('names functions and classes without their source', () => {
    function toTag() {
      const apiKey = 'SECRET-123';
      return apiKey;
    }
    class Tag {}
    expect(describeValue(toTag)).toBe('function toTag');
    expect(describeValue(Tag)).toBe('class Tag');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(class {})).toBe('a class');
  });

  it('shortens long text', () => {
    expect(describeValue('x'.repeat(5000))).toBe(`"${'x'.repeat(40)}…"`);
  });
});

describe('messages built from user input', () => {
  beforeEach(() => seedSheets({ Posts: [['id', 'title'], [1, 'Hello']] }));

  it('a function given as a value is named, its source left out', () => {
    const value = function secretHolder() {
      return 'SECRET-123';
    };
    let message = '';
    try {
      Post.create({ title: value });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      message = (error as Error).message;
    }
    expect(message).toContain('function secretHolder');
    expect(message).not.toContain('SECRET-123');
    expect(gas().calls.writes()).toBe(0);
  });

  it('an unknown operator or column of any length is shown in part', () => {
    expect(() => Post.where('title', 'x'.repeat(5000) as never, 1)).toThrow(`Unknown operator "${'x'.repeat(40)}…" (valid operators:`);
    expect(() => Post.where('title', { op: '=' } as never, 1)).toThrow('Unknown operator an object (valid operators:');
    let message = '';
    try {
      Post.where('y'.repeat(5000), 1).get();
    } catch (error) {
      expect(error).toBeInstanceOf(ColumnNotFoundError);
      message = (error as Error).message;
    }
    expect(message).toContain(`has no column "${'y'.repeat(200)}…" (columns: id, title)`);
    expect(message.length).toBeLessThan(400);
  });
});

describe('describeValue at its limits', () => {
  it('shows text of 40 characters and lists of 5 items whole, and marks only what it cuts', () => {
    expect(describeValue('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
    expect(describeValue('x'.repeat(41))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue([1, 2, 3, 4, 5])).toBe('[1, 2, 3, 4, 5]');
    expect(describeValue([1, 2, 3, 4, 5, 6])).toBe('[1, 2, 3, 4, 5, … (6 items)]');
  });
});

describe('number text: plain decimals of up to 15 digits mean the number, anything else only itself', () => {
  class Order extends Model {
    static _table = 'Orders';
  }
  const refs = (query: { get(): { pluck(column: string): { all(): unknown[] } } }) => query.get().pluck('id').all();

  it('15 digits (a sign and a point not counted) match the number; 16 digits stay text, as Sheets would round them', () => {
    seedSheets({
      Orders: [
        ['id', 'ref'],
        [1, '123456789012345'],
        [2, '-123456789012345'],
        [3, '1.23456789012345'],
        [4, '9007199254740993'],
        [5, '9007199254740992'],
      ],
    });
    expect(refs(Order.where('ref', 123456789012345))).toEqual([1]);
    expect(refs(Order.where('ref', -123456789012345))).toEqual([2]);
    expect(refs(Order.where('ref', 1.23456789012345))).toEqual([3]);
    expect(refs(Order.whereIn('ref', [123456789012345, -123456789012345, 1.23456789012345]))).toEqual([1, 2, 3]);
    // Both would be 9007199254740992 as numbers: as text each is only itself.
    expect(refs(Order.where('ref', '9007199254740993'))).toEqual([4]);
    expect(refs(Order.whereIn('ref', ['9007199254740993']))).toEqual([4]);
  });

  it('"1." (a list label) is text, not the number 1', () => {
    seedSheets({ Orders: [['id', 'ref'], [1, '1.'], [2, 1]] });
    expect(refs(Order.where('ref', 1))).toEqual([2]);
    expect(refs(Order.whereIn('ref', [1]))).toEqual([2]);
    expect(refs(Order.where('ref', '1.'))).toEqual([1]);
  });

  it('text keys of 16 digits find their own row', () => {
    seedSheets({ Orders: [['id', 'total'], ['9007199254740992', 1], ['9007199254740993', 2]] });
    expect(Order.find('9007199254740993')!.getAttribute('total')).toBe(2);
    expect(Order.find('9007199254740992')!.getAttribute('total')).toBe(1);
  });
});

describe('keys', () => {
  it('Dates a millisecond apart are different keys', () => {
    class Reading extends Model {
      static _table = 'Readings';
      static _primaryKey = 'at';
    }
    const at = Date.UTC(2024, 4, 6, 12, 0, 0, 100);
    seedSheets({ Readings: [['at', 'value'], [new Date(at), 'first'], [new Date(at + 1), 'second']] });
    expect(Reading.find(new Date(at + 1))!.getAttribute('value')).toBe('second');
    expect(Reading.find(new Date(at))!.getAttribute('value')).toBe('first');
  });

  it('composite keys are told apart whatever their digits: (1, 23) is not (12, 3)', () => {
    class Grant extends Model {
      static _table = 'Grants';
      static _primaryKey = ['member_id', 'role_id'];
    }
    seedSheets({ Grants: [['member_id', 'role_id', 'level'], [1, 23, 'one-23']] });
    expect(Grant.find([12, 3])).toBeNull();
    Grant.create({ member_id: 12, role_id: 3, level: 'twelve-3' });
    expect(Grant.find([12, 3])!.getAttribute('level')).toBe('twelve-3');
    expect(Grant.find([1, 23])!.getAttribute('level')).toBe('one-23');
    expect(gas().sheetValues('Grants')).toEqual([['member_id', 'role_id', 'level'], [1, 23, 'one-23'], [12, 3, 'twelve-3']]);
  });
});

describe('objects of attributes', () => {
  it('takes an object without a prototype (as some parsers make) like a plain one', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'Hello']] });
    const attributes = Object.assign(Object.create(null), { title: 'from a parser' });
    expect(Post.create(attributes).getAttribute('title')).toBe('from a parser');
    expect(Post.where(Object.assign(Object.create(null), { title: 'Hello' })).count()).toBe(1);
    expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'Hello'], [2, 'from a parser']]);
  });
});
