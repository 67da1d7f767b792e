/// <reference types="google-apps-script" preserve="true" />
// The declarations name Apps Script's types (a Spreadsheet in configure(), a Lock): pull them in.
/** sheetorm's public surface. */
import './classNames';
export { Model } from './model/Model';
export type { ModelClass, ModelAttributes, PivotInput } from './model/Model';
export type { BoundHasOne, BoundHasMany, BoundBelongsTo, BoundManyToMany } from './model/definitions';
export type { AttributeField } from './model/fields';
export type { CherryPick } from './model/serialize';
export { Collection } from './collection/Collection';
export { Paginator } from './collection/Paginator';
export type { PaginationMeta, PaginatedJSON, QueryStringValues } from './collection/Paginator';
export { QueryBuilder } from './query/QueryBuilder';
export type { Direction, Nulls } from './query/QueryBuilder';
export type { RelationCallback } from './query/EagerQuery';
export { scope } from './query/scopes';
export type { QueryScope, ScopesOf, AnyScopes } from './query/scopes';
export type { OperatorInput, CollectionOperator, KeySelector, SortSelector } from './collection/select';
export type { ManyToManyOptions } from './relations/ManyToMany';
export { Relation } from './relations/Relation';
export { HasOne } from './relations/HasOne';
export { HasMany } from './relations/HasMany';
export { BelongsTo } from './relations/BelongsTo';
export { ManyToMany } from './relations/ManyToMany';
export { ManyToManyQueryBuilder } from './relations/pivot/ManyToManyQueryBuilder';
export { HasManyQueryBuilder } from './relations/HasManyQueryBuilder';
export type { RelationResult, RelationName, PreloadPath, PreloadArg, WithLoaded, WithLoadedBy, RelatedName, RelationClient, ClientOf, RelationOf, AnyRelation, RelationQuery, RelationQueryCallback, CountName, AggregateMap, AggregatingQuery, AggregateQueryCallback, Preloader, LoadedFrom, BaseOf, ThisTypedMember } from './relations/types';
export type { ManyToManyClient, SyncResult } from './relations/pivot/ManyToManyClient';
export type { HasManyClient } from './relations/clients/HasManyClient';
export type { HasOneClient } from './relations/clients/HasOneClient';
export type { BelongsToClient } from './relations/clients/BelongsToClient';
export { configure } from './config';
export type { SheetORMOptions, SheetORMConfig, LockSetting } from './config';
export { transaction, session } from './transaction';
export { ensureSchema } from './schema/ensureSchema';
export type { SchemaReport } from './schema/ensureSchema';
export {
  SheetORMError,
  SheetNotFoundError,
  ColumnNotFoundError,
  RelationNotFoundError,
  ModelNotFoundError,
  DuplicateKeyError,
  ValidationError,
  LockTimeoutError,
  WriteError,
  ServiceError,
} from './errors';

/** The library version. */
export const VERSION = '0.1.0';
