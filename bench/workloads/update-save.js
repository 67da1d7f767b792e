/** Scattered updates through models: post.save() for 1,000 posts inside one transaction. */
'use strict';

module.exports = {
  name: 'update-save',
  title: 'post.save() × 1,000 in SheetORM.transaction',
  sheets: ['Posts'],
  params: (facts) => ({ ids: facts.picked }),
  orm: function (p) {
    return SheetORM.transaction(() => {
      const posts = Post.whereIn('id', p.ids).get();
      for (const post of posts) {
        post.views = post.views + 1;
        post.save();
      }
      return posts.length;
    });
  },
  summarize: (updated) => ({ updated }),
};
