/** Scattered updates through a query: one column of 1,000 posts. */
'use strict';

module.exports = {
  name: 'update-where-in',
  title: "Post.whereIn('id', ids).update({ status: 'archived' })",
  sheets: ['Posts'],
  params: (facts) => ({ ids: facts.picked }),
  orm: function (p) {
    return Post.whereIn('id', p.ids).update({ status: 'archived' });
  },
  summarize: (updated) => ({ updated }),
};
