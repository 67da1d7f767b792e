import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import {
  compareValues,
  equalityKey,
  isDate,
  likeToRegExp,
  looseEquals,
  normalizeOperator,
  operatorMatcher,
  orderIfComparable,
  toText,
} from '../../src/collection/compare';
import { foreignDate } from './fixtures';

const value = fc.oneof(
  fc.constantFrom(null, undefined, true, false, NaN, '', '10', '9', '1.0', '-0', 'abc', 'B'),
  fc.integer({ min: -50, max: 50 }),
  fc.integer({ min: -50, max: 50 }).map(String),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: 0, max: 5 }).map((n) => new Date(n * 1000)),
);

describe('isDate', () => {
  it('recognises Dates from this realm and from another', () => {
    expect(isDate(new Date(0))).toBe(true);
    expect(isDate(runInNewContext('new Date(0)'))).toBe(true);
    expect(runInNewContext('new Date(0)') instanceof Date).toBe(false);
    expect(isDate('2024-01-01')).toBe(false);
    expect(isDate(0)).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});

describe('compareValues', () => {
  it('orders across types: booleans, numbers, Dates, strings, objects, then null/undefined', () => {
    const object = {};
    const shuffled = ['b', object, new Date(5), 2, null, true, 'a', false, '1'];
    const sorted = [...shuffled].sort(compareValues);
    expect(sorted).toEqual([false, true, '1', 2, new Date(5), 'a', 'b', object, null]);
    expect(compareValues(undefined, object)).toBe(1);
    expect(compareValues(undefined, null)).toBe(0);
  });

  it('compares numbers numerically, numeric strings with numbers, NaN after numbers', () => {
    expect(compareValues(2, 10)).toBe(-1);
    expect(compareValues('10', 9)).toBe(1);
    expect(compareValues('10', '9')).toBe(1);
    expect(compareValues('1', 1)).toBe(0);
    expect(compareValues(NaN, 1e9)).toBe(1);
    expect(compareValues(NaN, NaN)).toBe(0);
  });

  it('compares Dates by time, across realms', () => {
    expect(compareValues(foreignDate('2024-01-01'), new Date('2023-01-01'))).toBe(1);
    expect(compareValues(foreignDate('2024-01-01'), new Date('2024-01-01'))).toBe(0);
  });

  it('compares strings with localeCompare and never ties distinct strings', () => {
    expect(compareValues('a', 'B')).toBe(-1);
    expect(compareValues('é', 'f')).toBe(-1);
    expect(compareValues('x', 'x')).toBe(0);
    expect(compareValues('a', 'a\u0000')).not.toBe(0);
  });

  it('is a total order (antisymmetric and transitive)', () => {
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        expect(compareValues(a, b)).toBe(-compareValues(b, a) || 0);
        if (compareValues(a, b) <= 0 && compareValues(b, c) <= 0) expect(compareValues(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('looseEquals', () => {
  it('equates numbers and numeric strings, null and undefined, Dates by time', () => {
    expect(looseEquals('1', 1)).toBe(true);
    expect(looseEquals('1.0', '1')).toBe(true);
    expect(looseEquals(null, undefined)).toBe(true);
    expect(looseEquals(foreignDate('2024-01-01'), new Date('2024-01-01'))).toBe(true);
  });

  it('keeps codes with leading zeros, exponents or signs as text that only equals itself', () => {
    expect(looseEquals('00123', '123')).toBe(false);
    expect(looseEquals('0123', 123)).toBe(false);
    expect(looseEquals('1e3', 1000)).toBe(false);
    expect(looseEquals('+5', 5)).toBe(false);
    expect(looseEquals('00123', '00123')).toBe(true);
    expect(equalityKey('00123')).not.toBe(equalityKey('123'));
    expect(compareValues('00123', '123')).not.toBe(0);
  });

  it('keeps other values strict', () => {
    expect(looseEquals('a', 'A')).toBe(false);
    expect(looseEquals(true, 1)).toBe(false);
    expect(looseEquals('', 0)).toBe(false);
    expect(looseEquals(null, 0)).toBe(false);
    expect(looseEquals(NaN, NaN)).toBe(false);
    expect(looseEquals(new Date(0), 0)).toBe(false);
    expect(looseEquals({}, {})).toBe(false);
  });

  it('agrees with equalityKey', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        if (!isBlankNumber(a) && !isBlankNumber(b)) expect(looseEquals(a, b)).toBe(new Set([equalityKey(a)]).has(equalityKey(b)));
      }),
    );
  });
});

function isBlankNumber(v: unknown): boolean {
  return typeof v === 'number' && Number.isNaN(v);
}

describe('orderIfComparable', () => {
  it('orders values of one class and refuses the rest', () => {
    expect(orderIfComparable('2', 10)).toBe(-1);
    expect(orderIfComparable('b', 'a')).toBe(1);
    expect(orderIfComparable(null, 1)).toBeNull();
    expect(orderIfComparable('', new Date(0))).toBeNull();
    expect(orderIfComparable(NaN, 1)).toBeNull();
    expect(orderIfComparable(new Date(NaN), new Date(0))).toBeNull();
    expect(orderIfComparable({}, {})).toBeNull();
  });
});

describe('likeToRegExp', () => {
  it('translates % and _ and anchors the pattern', () => {
    expect(likeToRegExp('a%').test('abc')).toBe(true);
    expect(likeToRegExp('a%').test('bac')).toBe(false);
    expect(likeToRegExp('a_c').test('abc')).toBe(true);
    expect(likeToRegExp('a_c').test('abbc')).toBe(false);
    expect(likeToRegExp('%').test('line\nbreak')).toBe(true);
    expect(likeToRegExp('_').test('😀')).toBe(true);
    expect(likeToRegExp('a%%%%%%%%%%%%%%%%%%%%%%%b').source).toBe('^a[\\s\\S]*b$');
  });

  it('escapes regular-expression characters', () => {
    expect(likeToRegExp('a.b (c)').test('a.b (c)')).toBe(true);
    expect(likeToRegExp('a.b (c)').test('axb (c)')).toBe(false);
    expect(likeToRegExp('[x]*+?^$|{1}/\\').test('[x]*+?^$|{1}/\\')).toBe(true);
  });

  it('treats backslash-escaped % and _ literally', () => {
    expect(likeToRegExp('100\\%').test('100%')).toBe(true);
    expect(likeToRegExp('100\\%').test('1000')).toBe(false);
    expect(likeToRegExp('a\\_b').test('a_b')).toBe(true);
    expect(likeToRegExp('a\\_b').test('axb')).toBe(false);
    expect(likeToRegExp('a\\\\%').test('a\\xyz')).toBe(true);
  });

  it('matches case-insensitively on request', () => {
    expect(likeToRegExp('hello%').test('HELLO there')).toBe(false);
    expect(likeToRegExp('hello%', true).test('HELLO there')).toBe(true);
    expect(likeToRegExp('straße', true).test('STRASSE')).toBe(false);
  });
});

describe('normalizeOperator', () => {
  it('accepts operators in any case', () => {
    expect(normalizeOperator('LIKE')).toBe('like');
    expect(normalizeOperator('<>')).toBe('<>');
  });

  it('names the bad operator and lists the valid ones', () => {
    expect(() => normalizeOperator('=~')).toThrow(
      new Error('Unknown operator "=~" (valid operators: =, ==, !=, <>, >, >=, <, <=, like, ilike)'),
    );
    expect(() => normalizeOperator(undefined)).toThrow(/Unknown operator undefined/);
  });
});

describe('operatorMatcher', () => {
  it('applies each operator', () => {
    const cases: Array<[string, unknown, unknown, boolean]> = [
      ['=', '5', 5, true],
      ['==', null, undefined, true],
      ['!=', 5, '5', false],
      ['<>', null, 0, true],
      ['>', 10, '9', true],
      ['>=', new Date(5), foreignDate('1970-01-01T00:00:00.005Z'), true],
      ['<', 'apple', 'banana', true],
      ['<=', null, 5, false],
      ['>', '', new Date(0), false],
      ['like', 1234, '12%', true],
      ['like', null, '%', false],
      ['like', 'abc', null, false],
      ['like', new Date(0), '1970-%', true],
      ['ilike', 'ABC', 'a%', true],
    ];
    for (const [op, actual, expected, result] of cases) {
      expect([op, actual, expected, operatorMatcher(op, expected)(actual)]).toEqual([op, actual, expected, result]);
    }
  });
});

describe('toText', () => {
  it('renders values for matching, joining and grouping', () => {
    expect(toText(null)).toBe('');
    expect(toText(undefined)).toBe('');
    expect(toText(foreignDate('2024-01-02'))).toBe('2024-01-02T00:00:00.000Z');
    expect(toText(new Date(NaN))).toBe('Invalid Date');
    expect(toText(1.5)).toBe('1.5');
    expect(toText(false)).toBe('false');
  });
});
