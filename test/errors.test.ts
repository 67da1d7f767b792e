/** Every error sheetorm throws is a SheetORMError that names its own class, as logs and `error.name` checks show it. */
import * as SheetORM from '../src';
import { configure, LockTimeoutError, Model, SheetORMError } from '../src';
import { gas, seedSheets } from './support/seed';

const CLASSES = [
  'SheetORMError',
  'SheetNotFoundError',
  'ColumnNotFoundError',
  'RelationNotFoundError',
  'ModelNotFoundError',
  'DuplicateKeyError',
  'ValidationError',
  'LockTimeoutError',
  'WriteError',
  'ServiceError',
] as const;

describe('error classes', () => {
  it.each(CLASSES)('%s extends SheetORMError and Error, and is named after its class', (name) => {
    const ErrorClass = SheetORM[name] as unknown as new (message: string, cause?: unknown) => Error;
    const error = new ErrorClass('what to fix');
    expect(error).toBeInstanceOf(SheetORMError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.message).toBe('what to fix');
    expect(String(error)).toBe(`${name}: what to fix`);
  });

  it('a lock another execution holds is a LockTimeoutError by name too', () => {
    class Post extends Model {
      static _table = 'Posts';
    }
    seedSheets({ Posts: [['id', 'title']] });
    configure({ lockTimeoutMs: 20 });
    let caught: unknown;
    gas().run('A', () => {
      LockService.getScriptLock().tryLock(1000);
      gas().run('B', () => {
        try {
          Post.create({ title: 'x' });
        } catch (error) {
          caught = error;
        }
      });
    });
    expect(caught).toBeInstanceOf(LockTimeoutError);
    expect((caught as Error).name).toBe('LockTimeoutError');
    expect(String(caught)).toMatch(/^LockTimeoutError: Post\.create: could not obtain the script lock within 20 ms/);
  });
});
