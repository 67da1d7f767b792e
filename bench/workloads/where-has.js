/** Filtering by a related sheet: the posts that have one given tag. */
'use strict';
const { idSum } = require('../lib/summaries');

module.exports = {
  name: 'where-has',
  title: "Post.whereHas('tags', q => q.where('name', 'tag-7')).get()",
  sheets: ['Posts', 'PostTag', 'Tags'],
  params: () => ({ tag: 'tag-7' }),
  orm: function (p) {
    return Post.whereHas('tags', (q) => q.where('name', p.tag)).get();
  },
  summarize: (posts) => ({ posts: posts.length, idSum: idSum(posts) }),
};
