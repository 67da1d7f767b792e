/** Nested eager load: every user with their posts, each with its tags. */
'use strict';
const { countTags } = require('../lib/summaries');

module.exports = {
  name: 'nested',
  title: "User.with('posts.tags').get()",
  sheets: ['Users', 'Posts', 'PostTag', 'Tags'],
  params: () => ({}),
  orm: function () {
    return User.with('posts.tags').get();
  },
  summarize(users) {
    let posts = 0;
    let tags = 0;
    for (const user of users) {
      posts += user.posts.length;
      tags += countTags(user.posts);
    }
    return { users: users.length, posts, tags };
  },
};
