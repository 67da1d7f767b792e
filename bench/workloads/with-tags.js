/** Eager load of a many-to-many relation: every post with its five tags. */
'use strict';
const { countTags } = require('../lib/summaries');

module.exports = {
  name: 'with-tags',
  title: "Post.with('tags').get()",
  sheets: ['Posts', 'PostTag', 'Tags'],
  params: () => ({}),
  orm: function () {
    return Post.with('tags').get();
  },
  summarize: (posts) => ({ posts: posts.length, tags: countTags(posts) }),
};
