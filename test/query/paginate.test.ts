import { Collection, Model, Paginator, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare status: string;
  tags() {
    return this.manyToMany(Tag, 'PostTag');
  }
}

const seed = (posts = 7) =>
  seedSheets({
    Posts: [['id', 'title', 'status'], ...Array.from({ length: posts }, (_, i) => [i + 1, `Post ${i + 1}`, i % 2 ? 'draft' : 'live'])],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 2], [5, 2], [7, 1]],
  });

describe('paginate(page, perPage)', () => {
  it('gives the page and the total from one read of each sheet', () => {
    seed();
    gas().calls.reset();
    const page = Post.query().with('tags').orderBy('id').paginate(2, 3);
    expect(page.map((post) => post.id)).toEqual([4, 5, 6]);
    expect(page.every((post) => post.tags instanceof Collection)).toBe(true);
    expect(page.map((post) => post.tags.length)).toEqual([0, 1, 0]);
    expect(page).toBeInstanceOf(Collection);
    expect(page).toBeInstanceOf(Paginator);
    expect([page.total, page.perPage, page.currentPage, page.firstPage, page.lastPage]).toEqual([7, 3, 2, 1, 3]);
    expect([page.hasPages, page.hasMorePages, page.hasTotal]).toEqual([true, true, true]);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(gas().calls.reads('PostTag')).toBe(1);
    expect(gas().calls.reads('Tags')).toBe(1);
  });

  it('counts the rows the clauses keep, and leaves the query as it was', () => {
    seed();
    const query = Post.where('status', 'live').orderBy('id', 'desc');
    const page = query.paginate(1, 2);
    expect(page.map((post) => post.id)).toEqual([7, 5]);
    expect(page.total).toBe(4);
    expect(page.lastPage).toBe(2);
    expect(query.get().length).toBe(4);
  });

  it('gives an empty last page past the end, page 1 for 0, and takes digits as text (a doGet parameter)', () => {
    seed();
    const past = Post.paginate(9, 3);
    expect(past.length).toBe(0);
    expect([past.total, past.lastPage, past.hasMorePages, past.isEmpty()]).toEqual([7, 3, false, true]);
    expect(Post.paginate(0, 3).currentPage).toBe(1);
    expect(Post.paginate('3', '3').map((post) => post.id)).toEqual([7]);
    expect(Post.paginate(1).perPage).toBe(20);
  });

  it('has one page when the sheet has no rows', () => {
    seed(0);
    const page = Post.paginate(1, 10);
    expect([page.length, page.total, page.lastPage, page.hasPages, page.hasMorePages]).toEqual([0, 0, 1, false, false]);
  });

  it('refuses pages of no rows and page numbers that are not whole numbers', () => {
    seed();
    expect(() => Post.paginate(1, 0)).toThrow(ValidationError);
    expect(() => Post.paginate(-1, 5)).toThrow(ValidationError);
    expect(() => Post.paginate(1.5, 5)).toThrow(/whole number/);
    // Each message names the argument at fault and its bound.
    expect(() => Post.paginate(1, -1)).toThrow('Post.paginate(): perPage (a page holds at least one row) must be a whole number ≥ 1, not -1.');
    expect(() => Post.query().forPage(1, -1)).toThrow('Post.forPage(): perPage must be a whole number ≥ 0, not -1.');
    expect(() => Post.query().forPage(-2)).toThrow('Post.forPage(): page must be a whole number ≥ 0, not -2.');
    expect(gas().calls.reads('Posts')).toBe(0);
  });

  it('adds the page parameters after a query the base URL already has', () => {
    seed();
    const page = Post.paginate(1, 3);
    expect(page.baseUrl('https://script.google.com/macros/s/X/exec?view=list').getNextPageUrl()).toBe('https://script.google.com/macros/s/X/exec?view=list&page=2');
    expect(page.baseUrl('/exec?').getUrl(3)).toBe('/exec?page=3');
    expect(page.baseUrl('/exec?view=list&').getUrl(3)).toBe('/exec?view=list&page=3');
    // ScriptApp.getService().getUrl() is null in a script not deployed as a web app.
    expect(page.baseUrl(null).getNextPageUrl()).toBe('/?page=2');
  });

  it("serialises to Lucid's { meta, data } with page URLs", () => {
    seed();
    const page = Post.query().orderBy('id').paginate(2, 3).baseUrl('https://script.google.com/macros/s/X/exec').queryString({ status: 'live now', empty: null });
    const json = JSON.parse(JSON.stringify(page));
    expect(json.meta).toEqual({
      total: 7,
      per_page: 3,
      current_page: 2,
      last_page: 3,
      first_page: 1,
      first_page_url: 'https://script.google.com/macros/s/X/exec?status=live%20now&page=1',
      last_page_url: 'https://script.google.com/macros/s/X/exec?status=live%20now&page=3',
      next_page_url: 'https://script.google.com/macros/s/X/exec?status=live%20now&page=3',
      previous_page_url: 'https://script.google.com/macros/s/X/exec?status=live%20now&page=1',
    });
    expect(json.data).toEqual([
      { id: 4, title: 'Post 4', status: 'draft' },
      { id: 5, title: 'Post 5', status: 'live' },
      { id: 6, title: 'Post 6', status: 'draft' },
    ]);
    expect(page.serialize({ fields: ['id'] }).data).toEqual([{ id: 4 }, { id: 5 }, { id: 6 }]);
    expect(page.serialize()).toEqual(page.toJSON());
    expect(page.serialize().data).toHaveLength(3);
    expect(page.getUrlsForRange(1, 3).map((link) => [link.page, link.isActive])).toEqual([[1, false], [2, true], [3, false]]);
  });

  it('has no next page URL on the last page and no previous one on the first, with "/" as the default base', () => {
    seed();
    expect(Post.paginate(3, 3).getNextPageUrl()).toBeNull();
    expect(Post.paginate(1, 3).getPreviousPageUrl()).toBeNull();
    expect(Post.paginate(1, 3).getNextPageUrl()).toBe('/?page=2');
  });

  it("pages a relation's query of one parent", () => {
    seed();
    const page = Post.findOrFail(1).related('tags').query().orderBy('id', 'desc').paginate(1, 1);
    expect(page.map((tag) => tag.name)).toEqual(['ts']);
    expect([page.total, page.lastPage]).toEqual([2, 2]);
  });

  it('points the previous link of a page past the end at the last page, and clamps link ranges at page 1', () => {
    seed();
    const past = Post.paginate(9, 3);
    expect(past.getPreviousPageUrl()).toBe('/?page=3');
    expect(past.getUrlsForRange(-1, 2).map((link) => link.page)).toEqual([1, 2]);
  });

  it('reads every sheet in one batch on the Sheets API path, as get() does', () => {
    seedSheets(
      {
        Posts: [['id', 'title', 'status'], [1, 'a', 'live'], [2, 'b', 'live']],
        Tags: [['id', 'name'], [1, 'js']],
        PostTag: [['post_id', 'tag_id'], [1, 1]],
      },
      { sheetsApi: true },
    );
    const reads = () => [gas().calls.count('Sheets.Spreadsheets.Values.batchGet'), gas().calls.count('Range.getValues')];
    gas().calls.reset();
    Post.query().with('tags').get();
    const forGet = reads();
    gas().calls.reset();
    const page = Post.query().with('tags').paginate(1, 1);
    expect(page.total).toBe(2);
    expect(reads()).toEqual(forGet);
    expect(forGet[1]).toBe(0);
  });

  it('can be made as Lucid makes one, and passed where a Collection is taken', () => {
    seed();
    expect(() => new Paginator(10, 0, 1)).toThrow(ValidationError);
    expect(() => new Paginator(10, 2, 1.5)).toThrow(/whole numbers/);
    const page = new Paginator(5, 2, 3, 'a', 'b');
    expect([page.length, page.total, page.lastPage, page.hasMorePages]).toEqual([2, 5, 3, false]);
    const asCollection: Collection<Post> = Post.paginate(1, 2);
    expect(asCollection.length).toBe(2);
    expect(Post.findOrFail(1).related('tags').saveMany(Tag.query().paginate(1, 5))).toHaveLength(2);
  });
});

describe('paginate() inside a relation callback', () => {
  class Comment extends Model {
    static _table = 'Comments';
    declare id: number;
    declare post_id: number;
  }
  class Blog extends Model {
    static _table = 'Posts';
    declare id: number;
    comments() {
      return this.hasMany(Comment, 'post_id');
    }
    tags() {
      return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
    }
  }

  it('is refused before it reads (one page for every parent at once means nothing, as Lucid says)', () => {
    seedSheets({
      Posts: [['id', 'title', 'status'], [1, 'a', 'live'], [2, 'b', 'live']],
      Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
      PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2]],
      Comments: [['id', 'post_id'], [1, 1]],
    });
    for (const load of [
      () => Blog.query().with('tags', (q) => q.paginate(1, 2)).get(),
      () => Blog.query().preload('comments', (q) => q.paginate(1, 2)).get(),
      () => Blog.query().withCount('tags', (q) => q.paginate(1, 2)).get(),
      () => Blog.query().whereHas('comments', (q) => q.paginate(1, 2)).get(),
      () => Blog.findOrFail(1).load('tags', (q) => q.paginate(1, 2)),
    ]) {
      gas().calls.reset();
      expect(load).toThrow(/paginate\(\).*groupLimit\(n\).*related\(name\)\.query\(\)\.paginate/);
      expect(gas().calls.reads('PostTag') + gas().calls.reads('Comments')).toBe(0);
    }
    expect(Blog.findOrFail(1).related('tags').query().paginate(1, 1).total).toBe(2);
  });
});
