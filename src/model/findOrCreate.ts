/** firstOrCreate / updateOrCreate, shared by Model's statics and the hasMany and many-to-many clients. */
import { runWrite } from '../storage/UnitOfWork';
import type { Model } from './Model';
import { saveInWrite } from './persistence';

/**
 * firstOrCreate/updateOrCreate for a model or a relation client: the model `find` gives (updated
 * with `attributes` when `update`), else `create` of `search` and `attributes`. firstOrCreate looks
 * first without the lock (`peek`; in a session, in the rows it read): a model found needs no write.
 * Otherwise the lookup is made again under the lock, so that two executions never both create it.
 */
export function findOrCreate<M extends Model>(owner: string, method: string, find: () => M | null, create: (attributes: Record<string, unknown>) => M, search: object, attributes: object, update: boolean, peek: () => M | null = find): M {
  if (!update) {
    const seen = peek();
    if (seen) return seen;
  }
  return runWrite(`${owner}.${method}`, () => {
    const found = find();
    if (!found) return create({ ...search, ...attributes });
    if (update) saveInWrite(found.merge(attributes as Record<string, unknown>));
    return found;
  });
}
