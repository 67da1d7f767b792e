import { Model } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Thing extends Model {
  static _table = 'Things';
}

const header = ['id', '__proto__', 'constructor', 'prototype', 'toJSON', 'save', '$extras', 'hasOwnProperty'];

describe('headers named like JavaScript or model internals', () => {
  beforeEach(() => seedSheets({ Things: [header, [1, 'p', 'c', 'pr', 't', 's', 'e', 'h']] }));

  it('are plain attributes reachable with getAttribute and toJSON', () => {
    const thing = Thing.find(1)!;
    expect(thing.getAttribute('__proto__')).toBe('p');
    expect(thing.getAttribute('save')).toBe('s');
    expect(JSON.stringify(thing)).toBe('{"id":1,"__proto__":"p","constructor":"c","prototype":"pr","toJSON":"t","save":"s","$extras":"e","hasOwnProperty":"h"}');
    expect(Object.getPrototypeOf(thing.toJSON())).toBe(Object.prototype);
  });

  it('do not break the model API or pollute prototypes', () => {
    const thing = Thing.find(1)!;
    expect(typeof thing.save).toBe('function');
    expect(thing.constructor).toBe(Thing);
    expect(thing.$extras).toEqual({});
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(Object.getPrototypeOf(thing)).toBe(Thing.prototype);
    expect(Object.keys(thing)).toEqual(['id']);
  });

  it('can be changed and saved, one cell', () => {
    const thing = Thing.find(1)!;
    thing.setAttribute('save', 'S2').setAttribute('__proto__', 'P2');
    expect(thing.$dirty).toEqual(expect.objectContaining({ save: 'S2' }));
    thing.save();
    expect(sheetRows('Things')[1]).toEqual([1, 'P2', 'c', 'pr', 't', 'S2', 'e', 'h']);
  });

  it('can be created', () => {
    const created = Thing.create({ constructor: 'made', toJSON: 'json' } as Record<string, unknown>);
    expect(sheetRows('Things')[2]).toEqual([2, '', 'made', '', 'json', '', '', '']);
    expect(created.getAttribute('constructor')).toBe('made');
  });

  it('take plain assignment, also under the names of read-only members and of constructor', () => {
    // As a plain-JavaScript script assigns them (TypeScript types these members as read-only).
    const assign = (model: Thing, name: string, value: unknown) => ((model as any)[name] = value);
    const thing = Thing.find(1)!;
    assign(thing, 'constructor', 'c2');
    assign(thing, '$extras', 'e2');
    assign(thing, 'save', 's2');
    expect(thing.$dirty).toEqual({ constructor: 'c2', $extras: 'e2', save: 's2' });
    Thing.prototype.save.call(thing);
    expect(sheetRows('Things')[1]).toEqual([1, 'p', 'c2', 'pr', 't', 's2', 'e2', 'h']);
    const made = new Thing();
    assign(made, 'constructor', 'new');
    assign(made, '$extras', 'x');
    made.save();
    expect(sheetRows('Things')[2]).toEqual([2, '', 'new', '', '', '', 'x', '']);
    expect(made).toBeInstanceOf(Thing);
  });
});

describe('a column named pivot, on a model not reached through a many-to-many relation', () => {
  class Deal extends Model {
    static _table = 'Deals';
  }
  beforeEach(() => seedSheets({ Deals: [['id', 'pivot', 'other'], [1, 'north', 'o1']] }));

  it('reads, changes and saves like any column', () => {
    const deal = Deal.find(1)! as Deal & { pivot: unknown; other: unknown };
    expect(deal.pivot).toBe('north');
    deal.pivot = 'south';
    deal.other = 'o2';
    expect(deal.$dirty).toEqual({ pivot: 'south', other: 'o2' });
    deal.save();
    expect(sheetRows('Deals')[1]).toEqual([1, 'south', 'o2']);
    const made = new Deal() as Deal & { pivot: unknown };
    made.pivot = 'east';
    made.save();
    expect(sheetRows('Deals')[2]).toEqual([2, 'east', '']);
    expect(Deal.all().pluck('pivot').all()).toEqual(['south', 'east']);
  });
});

describe('bad headers', () => {
  it('a duplicated header is an error naming it', () => {
    seedSheets({ Things: [['id', 'name', 'name'], [1, 'a', 'b']] });
    expect(() => Thing.all()).toThrow(/^Thing: sheet "Things" in spreadsheet "[^"]+": the header "name" appears twice/);
  });

  it('a blank header over a used column is an error naming the column', () => {
    seedSheets({ Things: [['id', '', 'name'], [1, 'x', 'b']] });
    expect(() => Thing.all()).toThrow(/column B has no header/);
  });

  it('blank trailing headers over unused columns are ignored', () => {
    seedSheets({ Things: [['id', 'name', ''], [1, 'a', '']] });
    expect(Thing.all().first()!.toJSON()).toEqual({ id: 1, name: 'a' });
  });

  it('data under a blank trailing header is an error', () => {
    seedSheets({ Things: [['id', 'name', ''], [1, 'a', 'lost?']] });
    expect(() => Thing.all()).toThrow(/column C has no header/);
  });

  it('data under a blank trailing header in a later row is an error too', () => {
    seedSheets({ Things: [['id', 'name', ''], [1, 'a', ''], [2, 'b', 'lost?']] });
    expect(() => Thing.all()).toThrow(/column C has no header/);
  });
});

it('a header with a non-breaking space inside is named in the error, with what to fix', () => {
  seedSheets({ People: [['id', 'first\u00a0name'], [1, 'Ada']] });
  class Person extends Model {
    static _table = 'People';
  }
  const differs = '\\(the header differs in its spaces or in characters that do not show: retype it\\)';
  expect(() => Person.where('first name', 'Ada').get()).toThrow(new RegExp(`has no column "first name"; did you mean "first\u00a0name" ${differs}\\?`));
  expect(() => Person.create({ 'First  Name': 'Grace' })).toThrow(/did you mean "first\u00a0name"/);
  expect(sheetRows('People')).toHaveLength(2);
  seedSheets({ People: [['id', 'due  date', 'zero\u200bwidth', 'wrapped\nheader']] });
  expect(() => Person.where('due date', 1).get()).toThrow(new RegExp(`did you mean "due  date" ${differs}`));
  expect(() => Person.where('zerowidth', 1).get()).toThrow(new RegExp(`did you mean "zero\u200bwidth" ${differs}`));
  expect(() => Person.where('wrapped header', 1).get()).toThrow(new RegExp(`did you mean "wrapped\\\\nheader" ${differs}`));
  expect(() => Person.where('ID', 1).get()).toThrow(/did you mean "id"\?/);
});

it('a header cell holding a boolean or a date is named as the sheet shows it, on both read paths', () => {
  class Budget extends Model {
    static _table = 'Budget';
  }
  // Typed into row 1, "TRUE" is a boolean and "1/1/2024" a date: midnight in New York.
  const january = new Date(Date.UTC(2024, 0, 1, 5));
  const meeting = new Date(Date.UTC(2024, 0, 2, 14, 30));
  for (const sheetsApi of [false, true]) {
    seedSheets({ Budget: [['id', true, january, meeting], [1, 'yes', 100, 'x']] }, { timeZone: 'America/New_York', sheetsApi });
    const row = Budget.where('TRUE', 'yes').where('2024-01-01', '>', 50).firstOrFail();
    expect(row.toJSON()).toEqual({ id: 1, TRUE: 'yes', '2024-01-01': 100, '2024-01-02 09:30:00': 'x' });
  }
});
