/**
 * Posts and Tags: a many-to-many relation through the PostTag sheet.
 *
 * Paste into an Apps Script project that has sheetorm (dist/Code.js pushed with clasp, or the
 * library added under the identifier SheetORM). Sheets: posts-tags.sheets.json.
 */
class Post extends SheetORM.Model {
  tags() { return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id'); }
}
Post._table = 'Posts';

class Tag extends SheetORM.Model {
  posts() { return this.manyToMany(Post, 'PostTag', 'tag_id', 'post_id'); }
}
Tag._table = 'Tags';

/** Every post with its tags: one read of Posts, PostTag and Tags each, however many posts. */
function postsAndTags() {
  Post.with('tags').get().each(function (post) {
    Logger.log('%s - Tags: %s', post.title, post.tags.pluck('name').join(', '));
  });
}

/** Creates a post and tags it (one row appended to Posts, two to PostTag). */
function addTaggedPost() {
  const post = Post.create({ title: 'Third Post', views: 0 });
  const tutorial = Tag.findBy('name', 'Tutorial');
  post.related('tags').attach([1, tutorial.id]);
  Logger.log('Created post ' + post.id + ' with tags ' + post.related('tags').query().pluck('name').join(', '));
}

/** The most viewed posts tagged Tutorial. */
function popularTutorials() {
  const titles = Post.whereHas('tags', function (tags) { tags.where('name', 'Tutorial'); })
    .orderBy('views', 'desc')
    .limit(2)
    .pluck('title');
  Logger.log('Most viewed tutorials: %s', titles.join(', '));
}

/** Renames a post (writes one cell) and removes a tag in one transaction. */
function editPost() {
  SheetORM.transaction(function () {
    const post = Post.findOrFail(2);
    post.title = 'Second Post (updated)';
    post.save();
    post.related('tags').detach([2]);
  });
  Logger.log('Post 2 is now "' + Post.find(2).title + '" with ' + Post.find(2).related('tags').query().count() + ' tags');
}
