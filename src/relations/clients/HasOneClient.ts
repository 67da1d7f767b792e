/** Writing a hasOne relation for one parent. */
import type { Model } from '../../model/Model';
import type { QueryBuilder } from '../../query/QueryBuilder';
import { HasManyClient } from './HasManyClient';

/** The client returned by `parent.related(name)` for hasOne. */
export class HasOneClient<out P extends Model, R extends Model> extends HasManyClient<P, R, QueryBuilder<R>> {}
