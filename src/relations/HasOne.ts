/** `hasOne(Related, foreignKey?, localKey?)`: like hasMany, but each parent gets one model or null. */
import { ValidationError } from '../errors';
import type { Model } from '../model/Model';
import { HasRelation } from './HasMany';
import type { ModelList } from './Relation';
import { HasOneClient } from './clients/HasOneClient';

/** One parent, at most one related row (the first in query order). */
export class HasOne<out P extends Model = Model, R extends Model = Model> extends HasRelation<P, R, R | null> {
  readonly type = 'hasOne' as const;

  /** Sets the related model (the last one pushed wins). */
  pushRelated(parent: P, related: ModelList<R>): void {
    if (related === undefined) return; // Lucid leaves the relation as it is
    const list = this.listOf(related, 'pushRelated');
    if (list.length > 1) throw new ValidationError(`${this.label()}.pushRelated(): a hasOne relation holds one model, got ${list.length}.`);
    this.setRelated(parent, list.length ? list[0] : null);
  }

  /** Gives every parent its first related model, or null. */
  setRelatedForMany(parentList: ModelList<P>, relatedList: ModelList<R>): void {
    this.boot();
    const parents = this.listOf(parentList, 'setRelatedForMany');
    const related = this.listOf(relatedList, 'setRelatedForMany');
    const groups = this.groupByParent(related);
    for (let i = 0; i < parents.length; i++) {
      const parent = parents[i];
      const group = groups.get(this.keyOf(parent, this.localKey));
      this.setRelated(parent, group ? group[0] : null);
    }
  }

  /** The writer and query for one parent. */
  client(parent: P): HasOneClient<P, R> {
    this.boot();
    return new HasOneClient(this, parent);
  }
}
