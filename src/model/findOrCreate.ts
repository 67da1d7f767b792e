/** firstOrCreate / updateOrCreate, shared by Model's statics and the hasMany and many-to-many clients. */
import { runWrite } from '../storage/UnitOfWork';
import type { Model } from './Model';
import { saveInWrite } from './persistence';

/**
 * firstOrCreate/updateOrCreate under one lock, for a model or a relation client: the model `find`
 * gives (updated with `attributes` when `update`), else `create` of `search` and `attributes`.
 */
export function findOrCreate<M extends Model>(owner: string, method: string, find: () => M | null, create: (attributes: Record<string, unknown>) => M, search: object, attributes: object, update: boolean): M {
  return runWrite(`${owner}.${method}`, () => {
    const found = find();
    if (!found) return create({ ...search, ...attributes });
    if (update) saveInWrite(found.merge(attributes as Record<string, unknown>));
    return found;
  });
}
