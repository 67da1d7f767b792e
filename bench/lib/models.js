// Apps Script source, not a Node module: the models of the benchmark, evaluated in each ORM run's
// context right after dist/Code.js, as a second file of the same Apps Script project would be.
var User = class User extends SheetORM.Model {
  posts() { return this.hasMany(Post, 'user_id'); }
};
User._table = 'Users';

var Post = class Post extends SheetORM.Model {
  author() { return this.belongsTo(User, 'user_id'); }
  tags() { return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id'); }
};
Post._table = 'Posts';

var Tag = class Tag extends SheetORM.Model {
  posts() { return this.manyToMany(Post, 'PostTag', 'tag_id', 'post_id'); }
};
Tag._table = 'Tags';
