/**
 * The bundler renames a class that refers to itself (`class _Model`), and messages and logs show
 * `constructor.name` ("expected a whole number, got a _QueryBuilder"): the public classes get their
 * own names back. A no-op where the classes kept them (the npm build).
 */
import { Collection } from './collection/Collection';
import { Paginator } from './collection/Paginator';
import { Model } from './model/Model';
import { ConditionBuilder } from './query/ConditionBuilder';
import { QueryBuilder } from './query/QueryBuilder';
import { ManyToManyQueryBuilder } from './relations/pivot/ManyToManyQueryBuilder';

const PUBLIC_CLASSES: Record<string, { name: string }> = { Collection, Paginator, Model, ConditionBuilder, QueryBuilder, ManyToManyQueryBuilder };

for (const name of Object.keys(PUBLIC_CLASSES)) {
  if (PUBLIC_CLASSES[name].name !== name) Object.defineProperty(PUBLIC_CLASSES[name], 'name', { value: name, configurable: true });
}
