/** Small helpers for workload parameters and result summaries (ORM Collections and baseline arrays alike). */
'use strict';

/** The integers from..to. */
function range(from, to) {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The number of tags over a list of posts. */
function countTags(posts) {
  let total = 0;
  for (const post of posts) total += post.tags.length;
  return total;
}

/** The sum of the ids of a list of models or objects. */
function idSum(items) {
  let total = 0;
  for (const item of items) total += item.id;
  return total;
}

module.exports = { range, countTags, idSum };
