/** sync() on the post with 150 scattered tags: keep 50, detach 100, attach 100 new ones. */
'use strict';
const { range } = require('../lib/summaries');

module.exports = {
  name: 'sync',
  title: "post.related('tags').sync(ids): 100 adds + 100 removes",
  sheets: ['Posts', 'PostTag'],
  // The hub post has tags 2..151: keep 2..51, drop 52..151, add 152..251.
  params: (facts) => ({ post: facts.hub, ids: range(2, 51).concat(range(152, 251)) }),
  orm: function (p) {
    return Post.find(p.post).related('tags').sync(p.ids);
  },
  summarize: (result) => ({ attached: result.attached.length, detached: result.detached.length, updated: result.updated.length }),
};
