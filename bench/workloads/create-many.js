/** Bulk insert: 5,000 new posts (fewer at small sizes), keys assigned max + 1. */
'use strict';

module.exports = {
  name: 'create-many',
  title: 'Post.createMany(5,000 posts)',
  sheets: ['Posts'],
  params: (facts) => ({ count: Math.min(5000, facts.rows), users: facts.users, start: Date.UTC(2025, 0, 1) }),
  orm: function (p) {
    const list = [];
    for (let i = 0; i < p.count; i++) {
      list.push({ user_id: (i % p.users) + 1, title: 'New post ' + i, status: 'draft', views: 0, created_at: new Date(p.start + i * 60000) });
    }
    return Post.createMany(list);
  },
  summarize: (created) => ({ created: created.length, firstId: created[0].id, lastId: created[created.length - 1].id }),
};
