/**
 * The workloads, in report order. Each has: `name` (also its baseline file, bench/baseline/<name>.js),
 * `title`, the `sheets` its fixture needs, `params(facts)` (plain JSON handed to both sides),
 * `orm`: a function *expression* whose source is compiled inside the Apps Script context (so it
 * may use only the context's globals — SheetORM, Post, Tag, User — and its argument), and
 * `summarize(result)`, which must give the same answer for the ORM's result and the baseline's.
 */
'use strict';

module.exports = ['with-tags', 'nested', 'where-has', 'create-many', 'sync', 'detach', 'update-save', 'update-where-in', 'delete'].map((name) =>
  require(`./${name}`),
);
