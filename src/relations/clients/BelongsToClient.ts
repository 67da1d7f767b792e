/** Writing a belongsTo relation for one parent: associate and dissociate. */
import { SheetORMError } from '../../errors';
import type { Model } from '../../model/Model';
import type { QueryBuilder } from '../../query/QueryBuilder';
import { readAttribute } from '../../model/attributes';
import { saveInWrite } from '../../model/persistence';
import { runWrite, UnitOfWork } from '../../storage/UnitOfWork';
import { forgetLoadedRelation, isLoadedRelation } from '../../model/state';
import { isBlankKey } from '../../support/values';
import type { BelongsTo } from '../BelongsTo';
import type { RelatedInput } from '../types';
import { assertParentNotDeleted, requireRelated, setForeignKey, writingKey } from './support';

/** The client returned by `parent.related(name)` for belongsTo. */
export class BelongsToClient<out P extends Model, R extends Model> {
  readonly relation: BelongsTo<P, R>;
  readonly parent: P;

  constructor(relation: BelongsTo<P, R>, parent: P) {
    this.relation = relation;
    this.parent = parent;
  }

  /** A query of the model the parent points at. */
  query(): QueryBuilder<R> {
    this.relation.assertParentColumn([this.parent], this.relation.foreignKey);
    const query: QueryBuilder<R> = this.relation.relatedQuery();
    query.scopeToKeys(this.relation.localKey, [readAttribute(this.parent, this.relation.foreignKey)]);
    return query;
  }

  /** Points the parent at `related` (saving it first if new or changed, as Lucid does) and saves the parent. */
  associate(related: RelatedInput<R>): P {
    requireRelated(related, this.relation.relatedModel(), this.relation.label(), 'associate');
    assertParentNotDeleted(this.parent, this.relation.label(), 'associate');
    return writingKey(this.relation.label(), this.relation.foreignKey, () =>
      runWrite(`${this.relation.label()}.associate`, (unit) => {
        if (!related.$isPersisted || related.$isDirty) saveInWrite(related);
        const key = readAttribute(related, this.relation.localKey);
        if (isBlankKey(key)) throw new SheetORMError(`${this.relation.label()}.associate(): the related model has no ${this.relation.localKey}.`);
        setForeignKey(unit, this.parent, this.relation.foreignKey, key);
        saveInWrite(this.parent);
        this.setLoaded(unit, related as unknown as R);
        return this.parent;
      }),
    );
  }

  /** Clears the parent's foreign key and saves it. */
  dissociate(): P {
    assertParentNotDeleted(this.parent, this.relation.label(), 'dissociate');
    return writingKey(this.relation.label(), this.relation.foreignKey, () =>
      runWrite(`${this.relation.label()}.dissociate`, (unit) => {
        setForeignKey(unit, this.parent, this.relation.foreignKey, null);
        saveInWrite(this.parent);
        this.setLoaded(unit, null);
        return this.parent;
      }),
    );
  }

  /** Sets the loaded relation; a rollback puts back what was loaded before, or nothing. */
  private setLoaded(unit: UnitOfWork, related: R | null): void {
    const parent = this.parent;
    const name = this.relation.relationName;
    // A relation its method built for this model (post.author().associate(...)) has no property to load.
    if (!name) return;
    const wasLoaded = isLoadedRelation(parent, name);
    const previous = wasLoaded ? (parent as unknown as Record<string, unknown>)[name] : undefined;
    this.relation.setRelated(parent, related);
    unit.record(() => {
      if (wasLoaded) {
        this.relation.setRelated(parent, previous as R | null);
        return;
      }
      forgetLoadedRelation(parent, name);
      delete (parent as unknown as Record<string, unknown>)[name];
    });
  }
}
