/** Reading many-to-many relations defined by methods with sheet-named pivots: Posts/Tags, Students/Courses. */
import { Collection, ColumnNotFoundError, Model, SheetNotFoundError } from '../../src';
import { seedSheets, gas } from '../support/seed';

class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare title: string;
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}

class Tag extends Model {
  static override _table = 'Tags';
  declare id: number;
  declare name: string;
  posts() {
    return this.manyToMany(() => Post, 'PostTag', 'tag_id', 'post_id');
  }
}

/** A loaded relation with its type (once loaded, the property replaces the relation method). */
function loaded<T>(model: Model, name: string): T {
  return (model as unknown as Record<string, T>)[name];
}
const tagsOf = (post: Model) => loaded<Collection<Tag>>(post, 'tags');
const postsOf = (tag: Model) => loaded<Collection<Post>>(tag, 'posts');

function seedBlog() {
  seedSheets({
    Posts: [['id', 'title'], [1, 'First Post'], [2, 'Second Post'], [3, 'Draft']],
    Tags: [['id', 'name', 'popularity'], [1, 'JavaScript', 300], [2, 'Tutorial', 50], [3, 'Unused', 0]],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 2]],
  });
}

describe('Posts/Tags', () => {
  test('each post gets its tags in pivot order; a post without tags gets an empty Collection', () => {
    seedBlog();
    const posts = Post.with('tags').get();
    expect(posts.map((post) => [post.title, tagsOf(post).pluck('name').all()]).all()).toEqual([
      ['First Post', ['JavaScript', 'Tutorial']],
      ['Second Post', ['Tutorial']],
      ['Draft', []],
    ]);
    const draft = posts.last()!;
    expect(tagsOf(draft)).toBeInstanceOf(Collection);
    expect(tagsOf(draft).isEmpty()).toBe(true);
  });

  test('pluck and join read like the docs: "JavaScript, Tutorial"', () => {
    seedBlog();
    const post = Post.with('tags').first()!;
    expect(tagsOf(post).pluck('name').join(', ')).toBe('JavaScript, Tutorial');
  });

  test('the inverse direction: each tag gets its posts', () => {
    seedBlog();
    const tags = Tag.with('posts').get();
    expect(tags.map((tag) => [tag.name, postsOf(tag).pluck('title').all()]).all()).toEqual([
      ['JavaScript', ['First Post']],
      ['Tutorial', ['First Post', 'Second Post']],
      ['Unused', []],
    ]);
  });

  test('withCount sets $extras.<name>_count in both directions, 0 when none', () => {
    seedBlog();
    expect(Post.withCount('tags').get().map((post) => [post.id, post.$extras.tags_count]).all()).toEqual([
      [1, 2],
      [2, 1],
      [3, 0],
    ]);
    expect(Tag.withCount('posts').get().map((tag) => [tag.name, tag.$extras.posts_count]).all()).toEqual([
      ['JavaScript', 1],
      ['Tutorial', 2],
      ['Unused', 0],
    ]);
  });

  test('loaded and counted together, the counts agree with the loaded collections', () => {
    seedBlog();
    const posts = Post.with('tags').withCount('tags').get();
    for (const post of posts) expect(post.$extras.tags_count).toBe(tagsOf(post).length);
  });

  test('has and whereHas keep posts by their tags', () => {
    seedBlog();
    expect(Post.has('tags').pluck('title').all()).toEqual(['First Post', 'Second Post']);
    expect(Post.has('tags', '>=', 2).pluck('title').all()).toEqual(['First Post']);
    expect(Post.whereHas('tags', (q) => q.where('name', 'Tutorial')).pluck('title').all()).toEqual(['First Post', 'Second Post']);
    expect(Post.whereHas('tags', (q) => q.where('popularity', '>', 100)).pluck('title').all()).toEqual(['First Post']);
    expect(Post.doesntHave('tags').pluck('title').all()).toEqual(['Draft']);
  });

  test('each related model carries pivot (the key columns) and $extras.pivot_<column>', () => {
    seedBlog();
    const tutorial = tagsOf(Post.with('tags').first()!).last()!;
    expect(tutorial.pivot).toEqual({ post_id: 1, tag_id: 2 });
    expect(tutorial.$extras).toEqual({ pivot_post_id: 1, pivot_tag_id: 2 });
  });

  test('assigning null to pivot drops it, and the model still saves', () => {
    seedBlog();
    const tutorial = tagsOf(Post.with('tags').first()!).last()!;
    tutorial.pivot = null;
    expect(tutorial.pivot).toBeNull();
    expect(tutorial.toJSON()).not.toHaveProperty('pivot');
    expect(tutorial.$isDirty).toBe(false);
    tutorial.name = 'Guide';
    tutorial.save();
    expect(Tag.findOrFail(2).name).toBe('Guide');
  });

  test('a tag linked to two posts is a separate model per post, each with its own pivot', () => {
    seedBlog();
    const [first, second] = Post.with('tags').get().all();
    const a = tagsOf(first).find((tag) => tag.name === 'Tutorial') as Tag;
    const b = tagsOf(second).first() as Tag;
    expect(a).not.toBe(b);
    expect([a.pivot.post_id, b.pivot.post_id]).toEqual([1, 2]);
  });

  test('toJSON() includes the loaded tags with their pivot', () => {
    seedBlog();
    expect(Post.with('tags').first()!.toJSON()).toEqual({
      id: 1,
      title: 'First Post',
      tags: [
        { id: 1, name: 'JavaScript', popularity: 300, pivot: { post_id: 1, tag_id: 1 } },
        { id: 2, name: 'Tutorial', popularity: 50, pivot: { post_id: 1, tag_id: 2 } },
      ],
    });
  });

  test('a relation that was not loaded is not in toJSON() and leaves the method in place', () => {
    seedBlog();
    const post = Post.first()!;
    expect(post.toJSON()).toEqual({ id: 1, title: 'First Post' });
    expect(typeof post.tags).toBe('function');
  });

  test('keys match whether a sheet stores them as numbers or as text', () => {
    seedSheets({
      Posts: [['id', 'title'], ['1', 'Text key'], [2, 'Number key']],
      Tags: [['id', 'name'], [1, 'JavaScript'], ['2', 'Tutorial']],
      PostTag: [['post_id', 'tag_id'], [1, '1'], ['1', 2], [' 2 ', 2.0]],
    });
    const posts = Post.with('tags').get();
    expect(posts.map((post) => tagsOf(post).pluck('name').all()).all()).toEqual([['JavaScript', 'Tutorial'], ['Tutorial']]);
    expect(Post.withCount('tags').get().map((post) => post.$extras.tags_count).all()).toEqual([2, 1]);
  });

  test('pivot rows pointing at missing tags, or with blank keys, link nothing', () => {
    seedSheets({
      Posts: [['id', 'title'], [1, 'One'], ['', 'No key']],
      Tags: [['id', 'name'], [1, 'JavaScript'], [2, 'Tutorial']],
      PostTag: [['post_id', 'tag_id'], [1, 99], [1, ''], ['', 2], [1, 1]],
    });
    const posts = Post.with('tags').withCount('tags').get();
    expect(posts.map((post) => [tagsOf(post).pluck('name').all(), post.$extras.tags_count]).all()).toEqual([
      [['JavaScript'], 1],
      [[], 0],
    ]);
    expect(Post.has('tags').pluck('title').all()).toEqual(['One']);
  });

  test('parents sharing a local key each get all of its related rows, in the preload\'s order', () => {
    class Edition extends Model {
      static override _table = 'Editions';
      declare book: string;
      tags() {
        return this.manyToMany(Tag, { pivotTable: 'BookTag', localKey: 'book', pivotForeignKey: 'book', pivotRelatedForeignKey: 'tag_id' });
      }
    }
    seedSheets({
      Editions: [['id', 'book'], [1, 'dune'], [2, 'emma'], [3, 'dune'], [4, 'none']],
      Tags: [['id', 'name'], [1, 'Tutorial'], [2, 'JavaScript']],
      BookTag: [['book', 'tag_id'], ['dune', 1], ['emma', 1], ['dune', 2]],
    });
    const editions = Edition.query().with('tags', (query) => query.orderBy('name')).get();
    expect(editions.map((edition) => [edition.book, tagsOf(edition).pluck('name').all()]).all()).toEqual([
      ['dune', ['JavaScript', 'Tutorial']],
      ['emma', ['Tutorial']],
      ['dune', ['JavaScript', 'Tutorial']],
      ['none', []],
    ]);
  });

  test('post.related("tags").query() reads one post\'s tags, with constraints', () => {
    seedBlog();
    const post = Post.find(1)!;
    gas().calls.reset();
    expect(post.related('tags').query().get().pluck('name').all()).toEqual(['JavaScript', 'Tutorial']);
    expect(gas().calls.count('Range.getValues')).toBe(2);
    expect(post.related('tags').query().where('popularity', '>', 100).get().pluck('name').all()).toEqual(['JavaScript']);
    expect(post.related('tags').query().count()).toBe(2);
    expect(() => post.related('tags').query().orderBy('nope').count()).toThrow(ColumnNotFoundError);
    expect((post.related('tags').query().first() as Tag).pivot).toEqual({ post_id: 1, tag_id: 1 });
  });

  test('query().find(id) finds that related model only, whatever the clauses, or null', () => {
    seedBlog();
    const tags = () => Post.find(1)!.related('tags').query();
    expect(tags().find(2)!.name).toBe('Tutorial');
    expect(tags().find(3)).toBeNull(); // a tag, but not post 1's
    expect(() => tags().findOrFail(99)).toThrow(/not found/);
    expect(tags().where('popularity', '>', 100).orWhere('name', 'Unused').find(2)).toBeNull();
    expect(tags().where('popularity', '>', 100).orWhere('name', 'Tutorial').find(2)!.name).toBe('Tutorial');
  });

  test("query().pluck(column, key) keys the values by another column, a pivot column included", () => {
    seedBlog();
    const post = Post.find(1)!;
    expect(post.related('tags').query().pluck('name', 'id')).toEqual({ 1: 'JavaScript', 2: 'Tutorial' });
    expect(post.related('tags').query().pluck('popularity', 'PostTag.tag_id')).toEqual({ 1: 300, 2: 50 });
  });

  test('a pivot sheet without the key column is a ColumnNotFoundError naming Post.tags, the sheet and the column', () => {
    seedSheets({
      Posts: [['id', 'title'], [1, 'One']],
      Tags: [['id', 'name'], [1, 'JavaScript']],
      PostTag: [['postId', 'tagId'], [1, 1]],
    });
    expect(() => Post.with('tags').get()).toThrow(ColumnNotFoundError);
    expect(() => Post.with('tags').get()).toThrow(/Post\.tags: sheet "PostTag".*no column "post_id".*postId, tagId/);
    expect(() => Post.withCount('tags').get()).toThrow(/Post\.tags: sheet "PostTag"/);
  });

  test('a missing pivot sheet is a SheetNotFoundError naming Post.tags and the sheet', () => {
    seedSheets({
      Posts: [['id', 'title'], [1, 'One']],
      Tags: [['id', 'name'], [1, 'JavaScript']],
    });
    expect(() => Post.with('tags').get()).toThrow(SheetNotFoundError);
    expect(() => Post.with('tags').get()).toThrow(/^Post\.tags: .*no sheet "PostTag" \(sheets: Posts, Tags\)/);
  });

  test('a related sheet without the related key column is a ColumnNotFoundError naming Post.tags', () => {
    seedSheets({
      Posts: [['id', 'title'], [1, 'One']],
      Tags: [['tag', 'name'], [1, 'JavaScript']],
      PostTag: [['post_id', 'tag_id'], [1, 1]],
    });
    expect(() => Post.with('tags').get()).toThrow(/Post\.tags: sheet "Tags".*no column "id"/);
  });
});

describe('Students/Courses with default keys', () => {
  class Student extends Model {
    static override _table = 'Students';
    declare id: number;
    declare name: string;
    courses() {
      return this.belongsToMany(() => Course, 'Enrollments');
    }
  }
  class Course extends Model {
    static override _table = 'Courses';
    declare id: number;
    declare title: string;
    students() {
      return this.belongsToMany(Student);
    }
  }
  const coursesOf = (student: Model) => loaded<Collection<Course>>(student, 'courses');
  const studentsOf = (course: Model) => loaded<Collection<Student>>(course, 'students');

  test('keys default to student_id and course_id on a named pivot sheet', () => {
    seedSheets({
      Students: [['id', 'name'], [1, 'Ada'], [2, 'Grace'], [3, 'Linus']],
      Courses: [['id', 'title'], [10, 'Algebra'], [20, 'Biology']],
      Enrollments: [['student_id', 'course_id', 'grade'], [1, 10, 'A'], [1, 20, 'B'], [2, 20, 'A']],
    });
    const students = Student.with('courses').get();
    expect(students.map((s) => [s.name, coursesOf(s).pluck('title').all()]).all()).toEqual([
      ['Ada', ['Algebra', 'Biology']],
      ['Grace', ['Biology']],
      ['Linus', []],
    ]);
    expect((coursesOf(students.first()!).first()!).pivot).toEqual({ student_id: 1, course_id: 10 });
  });

  test('without a pivot name the sheet is course_student', () => {
    seedSheets({
      Students: [['id', 'name'], [1, 'Ada'], [2, 'Grace']],
      Courses: [['id', 'title'], [10, 'Algebra'], [20, 'Biology']],
      course_student: [['course_id', 'student_id'], [20, 1], [20, 2]],
    });
    const courses = Course.with('students').get();
    expect(courses.map((c) => [c.title, studentsOf(c).pluck('name').all()]).all()).toEqual([
      ['Algebra', []],
      ['Biology', ['Ada', 'Grace']],
    ]);
    expect(gas().calls.reads('course_student')).toBe(1);
  });
});
