/** detach() of 300 scattered pivot rows: the "featured" tag taken off every post that has it. */
'use strict';

module.exports = {
  name: 'detach',
  title: "Tag.findBy('name', 'featured').related('posts').detach()",
  sheets: ['Tags', 'PostTag'],
  params: () => ({ tag: 'featured' }),
  orm: function (p) {
    return Tag.findBy('name', p.tag).related('posts').detach();
  },
  summarize: (detached) => ({ detached: typeof detached === 'number' ? detached : detached.length }),
};
