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
