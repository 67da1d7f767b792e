/** Scattered deletions: 1,000 posts spread over the sheet. */
'use strict';

module.exports = {
  name: 'delete',
  title: "Post.whereIn('id', ids).delete()",
  sheets: ['Posts'],
  params: (facts) => ({ ids: facts.picked }),
  orm: function (p) {
    return Post.whereIn('id', p.ids).delete();
  },
  summarize: (deleted) => ({ deleted }),
};
