/**
 * Smoke test of the artifact: dist/Code.js, loaded the way Apps Script loads it (a classic script
 * in a bare global scope holding only the services), used from plain JavaScript — pushed into the
 * same project, and added as a library (a second realm that only sees `SheetORM`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import * as api from '../../src';
import { createAppsScript, AppsScriptEnv } from '../../src/testing';
import { Bundle, builtBundle, distEntries, ensureBuilt, loadCodeJs, ROOT, withBuildLock } from './bundle';
import { syntaxAbove2020, topLevelDeclarations } from './syntax';

const EXPORTS = Object.keys(api).sort();

/** Posts/Tags as in the seed example, with a Date column. */
function seed(): AppsScriptEnv {
  return createAppsScript({
    sheets: {
      Posts: [
        ['id', 'title', 'views', 'published_at'],
        [1, 'First Post', 10, new Date(Date.UTC(2024, 0, 2))],
        [2, 'Second Post', 200, ''],
      ],
      Tags: [['id', 'name'], [1, 'JavaScript'], [2, 'Tutorial']],
      PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 2]],
    },
  });
}

/** The models, as an Apps Script user writes them (no static fields). */
const MODELS = `
  class Post extends SheetORM.Model {
    tags() { return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id'); }
  }
  Post._table = 'Posts';
  class Tag extends SheetORM.Model {
    posts() { return this.manyToMany(Post, 'PostTag', 'tag_id', 'post_id'); }
  }
  Tag._table = 'Tags';
`;

let bundle: Bundle;
beforeAll(() => {
  bundle = builtBundle();
}, 120_000);

describe('dist/Code.js, the file clasp pushes', () => {
  it('parses as a classic script, with nothing newer than ES2020 and no module syntax', () => {
    expect(() => new vm.Script(bundle.code, { filename: 'Code.js' })).not.toThrow();
    expect(syntaxAbove2020(bundle.code)).toEqual([]);
    expect(bundle.code).toContain('var SheetORM = ');
  });

  it('the syntax check finds what it looks for (so an empty finding means something)', () => {
    const sample = [
      'class A { static table = "Posts"; #secret = 1; static { A.x = 1; } }',
      'export const x = 1;',
      'a ??= 1;',
      'const n = 1_000;',
    ].join('\n');
    expect(syntaxAbove2020(sample)).toEqual([
      'line 1: class field',
      'line 1: class field',
      'line 1: private name',
      'line 1: class static block',
      'line 2: export modifier',
      'line 3: logical assignment',
      'line 4: numeric separator',
    ]);
    expect(() => new vm.Script('export const x = 1;')).toThrow(/Unexpected token 'export'/);
  });

  it('declares a top-level var SheetORM and a top-level var for every export of src/index.ts, and nothing else', () => {
    const declared = topLevelDeclarations(bundle.code);
    expect(declared.vars.sort()).toEqual(['SheetORM', ...EXPORTS].sort());
    expect(declared.lexical).toEqual([]);
    expect(declared.functions).toEqual([]);
    expect(EXPORTS).toEqual(expect.arrayContaining(['Model', 'Collection', 'configure', 'transaction', 'SheetORMError']));
  });

  it('loads in a bare scope holding only the services, without touching any of them', () => {
    const env = seed();
    const touched: string[] = [];
    const globals: Record<string, unknown> = {};
    for (const [name, service] of Object.entries(env.globals())) {
      Object.defineProperty(globals, name, {
        enumerable: true,
        get: () => (touched.push(name), service),
      });
    }
    const context = loadCodeJs(bundle, globals);
    expect(env.calls.count()).toBe(0);
    expect(touched).toEqual([]);
    expect(vm.runInContext('[typeof require, typeof module, typeof exports, typeof process, typeof window]', context)).toEqual([
      'undefined', 'undefined', 'undefined', 'undefined', 'undefined',
    ]);
  });

  it('looks up no built-in as a free global once loaded (each lookup costs a vm interceptor call)', () => {
    const lookups: string[] = [];
    const globals: Record<string, unknown> = { ...seed().globals() };
    const builtins: Record<string, unknown> = { Array, Date, Error, JSON, Map, Math, Number, Object, RegExp, Set, String, Symbol, WeakMap, isFinite, isNaN };
    for (const [name, value] of Object.entries(builtins)) {
      Object.defineProperty(globals, name, { enumerable: true, get: () => (lookups.push(name), value) });
    }
    const context = loadCodeJs(bundle, globals);
    lookups.length = 0;
    const titles = vm.runInContext(
      `${MODELS}
      Post.createMany([{ title: 'Third', views: 3, published_at: new Date(0) }, { title: 'Fourth', views: 4 }]);
      Post.with('tags').where('views', '>', 2).orderBy('views').get().map((post) => post.title + ':' + post.tags.count()).join(', ')`,
      context,
    );
    expect(titles).toBe('Third:0, Fourth:0, First Post:2, Second Post:1');
    // The models and the job above name Date once; the library itself names none.
    expect(lookups).toEqual(['Date']);
  });

  it('the namespace and the top-level vars are the same objects', () => {
    const context = loadCodeJs(bundle, seed().globals());
    expect(Object.keys(context.SheetORM).sort()).toEqual(EXPORTS);
    for (const name of EXPORTS) {
      expect(context[name]).toBeDefined();
      expect(context[name]).toBe(context.SheetORM[name]);
    }
    expect(context.Model).toBe(context.SheetORM.Model);
    expect(vm.runInContext('Model === SheetORM.Model && typeof configure', context)).toBe('function');
  });

  it('gives its classes their own names, as messages show them (not the bundler\'s _Model)', () => {
    const context = loadCodeJs(bundle, seed().globals());
    const classes = EXPORTS.filter((name) => /^[A-Z]/.test(name) && typeof context.SheetORM[name] === 'function');
    expect(classes.filter((name) => context.SheetORM[name].name !== name)).toEqual([]);
    vm.runInContext(MODELS, context);
    expect(() => vm.runInContext('Post.query().limit(Post.query())', context)).toThrow(/^Post\.limit\(a QueryBuilder\): /);
  });
});

describe('plain JavaScript in the same project (pushed with clasp)', () => {
  let env: AppsScriptEnv;
  let context: vm.Context;
  const run = (code: string): any => {
    env.calls.reset();
    return vm.runInContext(code, context);
  };

  beforeAll(() => {
    env = seed();
    context = loadCodeJs(bundle, env.globals());
    vm.runInContext(MODELS, context);
  });

  it('creates with max + 1 and writes one row', () => {
    expect(run(`var third = Post.create({ title: 'Third Post', views: 30 }); third.id`)).toBe(3);
    expect(env.sheetValues('Posts')[3]).toEqual([3, 'Third Post', 30, '']);
    expect(env.calls.writes('Posts')).toBe(1);
  });

  it('queries with where/orderBy/limit/get/pluck in one read', () => {
    const titles = run(`Post.where('views', '>=', 10).orderBy('views', 'desc').limit(2).get().pluck('title').all()`);
    expect(titles).toEqual(['Second Post', 'Third Post']);
    expect(env.calls.reads('Posts')).toBe(1);
    expect(env.calls.reads()).toBe(1);
  });

  it('saves only the changed cell', () => {
    expect(run(`third.title = 'Third, edited'; third.save(); third.$isDirty`)).toBe(false);
    expect(env.sheetValues('Posts')[3]).toEqual([3, 'Third, edited', 30, '']);
    const writes = env.calls.all().filter((call) => call.method === 'Range.setValues' || call.method === 'Range.setValue');
    expect(writes).toHaveLength(1);
    expect(writes[0].args[0]).toEqual([['Third, edited']]);
  });

  it('eager-loads a many-to-many relation with one read per sheet', () => {
    const lines = run(`
      Post.with('tags').orderBy('id').get()
        .map(function (post) { return post.title + ' - Tags: ' + post.tags.pluck('name').join(', '); })
        .all()
    `);
    expect(lines).toEqual(['First Post - Tags: JavaScript, Tutorial', 'Second Post - Tags: Tutorial', 'Third, edited - Tags: ']);
    expect([env.calls.reads('Posts'), env.calls.reads('PostTag'), env.calls.reads('Tags')]).toEqual([1, 1, 1]);
  });

  it('runs a transaction under one lock, and writes nothing when it throws', () => {
    const id = run(`
      SheetORM.transaction(function () {
        var post = Post.create({ title: 'Fourth', views: 1 });
        post.related('tags').sync([2]);
        third.related('tags').attach([1]);
        return post.id;
      })
    `);
    expect(id).toBe(4);
    expect(env.calls.count('Lock.tryLock') + env.calls.count('Lock.waitLock')).toBe(1);
    expect(env.sheetValues('Posts')[4]).toEqual([4, 'Fourth', 1, '']);
    expect(env.sheetValues('PostTag').slice(4)).toEqual([[4, 2], [3, 1]]);

    const before = [env.sheetValues('Posts'), env.sheetValues('PostTag')];
    const outcome = run(`
      var outcome;
      try {
        SheetORM.transaction(function () {
          Post.create({ title: 'Never written' });
          third.related('tags').detach();
          throw new Error('changed my mind');
        });
      } catch (error) {
        outcome = error.message;
      }
      outcome
    `);
    expect(outcome).toBe('changed my mind');
    expect(env.calls.writes()).toBe(0);
    expect([env.sheetValues('Posts'), env.sheetValues('PostTag')]).toEqual(before);
  });

  it('deletes a row', () => {
    run(`Post.findOrFail(4).delete()`);
    expect(env.sheetValues('Posts').map((row) => row[0])).toEqual(['id', 1, 2, 3]);
  });

  it('throws errors that are instanceof SheetORM.SheetORMError, and writes nothing', () => {
    const before = env.sheetValues('Posts');
    const errors = run(`
      function attempt(fn) {
        try { fn(); return 'no error'; } catch (error) {
          return [error.name, error instanceof SheetORM.SheetORMError, error instanceof SheetORM[error.name], error.message];
        }
      }
      [
        attempt(function () { Post.findOrFail(99); }),
        attempt(function () { Post.create({ id: 1, title: 'Duplicate' }); }),
        attempt(function () { Post.create({ subtitle: 'No such column' }); }),
        attempt(function () { Post.with('comments').get(); }),
        attempt(function () { Post.where('views', '~', 3).get(); }),
      ]
    `);
    expect(errors.map((e: unknown[]) => e.slice(0, 3))).toEqual([
      ['ModelNotFoundError', true, true],
      ['DuplicateKeyError', true, true],
      ['ColumnNotFoundError', true, true],
      ['RelationNotFoundError', true, true],
      ['ValidationError', true, true],
    ]);
    expect(errors[2][3]).toContain('subtitle');
    expect(env.sheetValues('Posts')).toEqual(before);
  });

  it('names a relation its method built in messages (post.tags())', () => {
    expect(run(`var named = Post.find(1).tags(); try { named.attach([{}]); } catch (error) { [named.relationName, error.message] }`)).toEqual([
      'tags',
      expect.stringMatching(/^Post\.tags\.attach\(\): /),
    ]);
  });

  it('still works, unnamed, where the script froze Error (no call records)', () => {
    const frozen = loadCodeJs(bundle, seed().globals());
    vm.runInContext(MODELS, frozen);
    expect(
      vm.runInContext(
        `Object.freeze(Error);
         var named = Post.find(1).tags();
         var message; try { named.attach([{}]); } catch (error) { message = error.message; }
         [named.relationName, message, Post.find(1).tags().pluck('name').all()]`,
        frozen,
      ),
    ).toEqual(['', expect.stringMatching(/^Post\.\(relation\)\.attach\(\): /), ['JavaScript', 'Tutorial']]);
  });
});

describe('as an Apps Script library: user code in another realm that only sees SheetORM', () => {
  let env: AppsScriptEnv;
  let library: vm.Context;
  let user: vm.Context;
  const run = (code: string): any => {
    env.calls.reset();
    return vm.runInContext(code, user);
  };

  beforeAll(() => {
    env = seed();
    library = loadCodeJs(bundle, env.globals());
    user = vm.createContext({ ...env.globals(), SheetORM: library.SheetORM });
    vm.runInContext(MODELS, user);
  });

  it('is really another realm, and sees no top-level Model', () => {
    expect(vm.runInContext('Date', user)).not.toBe(library.Date);
    expect(vm.runInContext('Array', user)).not.toBe(library.Array);
    expect(vm.runInContext('[typeof Model, typeof SheetORM.Model]', user)).toEqual(['undefined', 'function']);
  });

  it('uses the lock the calling script passes in', () => {
    run(`SheetORM.configure({ lock: LockService.getScriptLock() })`);
    expect(env.calls.count('LockService.getScriptLock')).toBe(1);
    run(`Post.create({ title: 'Locked by the caller' })`);
    expect(env.calls.count('LockService.getScriptLock')).toBe(0);
    expect(env.calls.count('Lock.tryLock') + env.calls.count('Lock.waitLock')).toBe(1);
    expect(env.calls.count('Lock.releaseLock')).toBe(1);
  });

  it('extends SheetORM.Model across realms', () => {
    expect(
      run(`
        var first = Post.with('tags').orderBy('id').first();
        [first instanceof Post, first instanceof SheetORM.Model, first.tags.first() instanceof Tag,
         Object.getPrototypeOf(Post) === SheetORM.Model, first.title]
      `),
    ).toEqual([true, true, true, true, 'First Post']);
  });

  it('writes a Date from the user realm and reads it back as a Date', () => {
    const when = Date.UTC(2024, 4, 6, 12, 30);
    const id = run(`var when = new Date(${when}); var created = Post.create({ title: 'Dated', views: 7, published_at: when }); created.id`);
    const row = env.sheetValues('Posts').find((r) => r[0] === id)!;
    expect(Object.prototype.toString.call(row[3])).toBe('[object Date]');
    expect((row[3] as Date).getTime()).toBe(when);

    expect(
      run(`
        var back = Post.find(created.id);
        [Object.prototype.toString.call(back.published_at), back.published_at.getTime() === when.getTime(), back.$isDirty,
         Post.where('published_at', '>=', new Date(Date.UTC(2024, 3, 1))).pluck('title').all()]
      `),
    ).toEqual(['[object Date]', true, false, ['Dated']]);
    expect(run(`var first = Post.find(1); first.published_at = new Date(first.published_at.getTime()); first.$isDirty`)).toBe(false);
  });

  it('takes arrays and plain objects from the user realm', () => {
    const result = run(`
      var made = Post.createMany([{ title: 'A', views: 1 }, { title: 'B', views: 2 }]);
      var ids = made.map(function (p) { return p.id; });
      made[0].related('tags').sync([1, 2]);
      made[1].related('tags').attach({ 2: {} });
      var found = Post.whereIn('id', ids).orderBy('id').get();
      [ids, Array.isArray(found.all()), found.pluck('title').all(), Post.where({ title: 'B' }).count(),
       Tag.with('posts').orderBy('id').get().map(function (t) { return t.name + ':' + t.posts.pluck('title').join('|'); }).all()]
    `);
    const [ids, isArray, titles, countB, tags] = result;
    expect(ids).toEqual([5, 6]);
    expect(isArray).toBe(true);
    expect(titles).toEqual(['A', 'B']);
    expect(countB).toBe(1);
    expect(tags).toEqual(['JavaScript:First Post|A', 'Tutorial:First Post|Second Post|A|B']);
    expect(env.sheetValues('PostTag').slice(-3)).toEqual([[5, 1], [5, 2], [6, 2]]);
  });

  it('applies scopes a user declares with SheetORM.scope', () => {
    expect(
      run(`
        Post.popular = SheetORM.scope(function (q, atLeast) { return q.where('views', '>=', atLeast); });
        Post.query().withScopes(function (s) { s.popular(100); }).pluck('title').all()
      `),
    ).toEqual(['Second Post']);
  });

  it('errors cross back as SheetORM errors, and a user error propagates unchanged from a transaction', () => {
    const before = env.sheetValues('Posts');
    expect(
      run(`
        var mine = new Error('user abort');
        var seen = [];
        try { Post.findOrFail(404); } catch (error) { seen.push(error instanceof SheetORM.ModelNotFoundError, error instanceof SheetORM.SheetORMError); }
        try {
          SheetORM.transaction(function () { Post.create({ title: 'Rolled back' }); throw mine; });
        } catch (error) { seen.push(error === mine, error instanceof Error); }
        seen
      `),
    ).toEqual([true, true, true, true]);
    expect(env.sheetValues('Posts')).toEqual(before);
  });

  it('refuses a relation to a class of the user realm that is no model with a SheetORMError', () => {
    expect(
      run(`
        class NotAModel {}
        class Odd extends SheetORM.Model { thing() { return this.hasMany(NotAModel, 'x'); } }
        Odd._table = 'Posts';
        try { Odd.with('thing').get(); } catch (error) { [error instanceof SheetORM.SheetORMError, error.message] }
      `),
    ).toEqual([true, 'Odd.thing: NotAModel is neither a model class (a class extending SheetORM.Model) nor a function returning one.']);
  });

  it('names a relation its method built in messages, across realms', () => {
    expect(run(`var named = Post.find(1).tags(); try { named.attach([{}]); } catch (error) { [named.relationName, error.message] }`)).toEqual([
      'tags',
      expect.stringMatching(/^Post\.tags\.attach\(\): /),
    ]);
  });
});

describe('what npm run build leaves in dist/', () => {
  it('dist/ holds exactly Code.js and appsscript.json, for the V8 runtime', () => {
    expect(distEntries()).toEqual(['Code.js', 'appsscript.json']);
    const manifest = JSON.parse(fs.readFileSync(path.join(bundle.dir, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')));
  });

  it('a full build over a dist/ with stray files leaves exactly those two, the same Code.js, and lib/ with types', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetorm-build-'));
    try {
      // The repository as a fresh checkout has it: everything but installed modules and build output.
      const skip = new Set(['node_modules', '.git', 'dist', 'lib', 'types', 'coverage']);
      for (const name of fs.readdirSync(ROOT).filter((entry) => !skip.has(entry))) {
        fs.cpSync(path.join(ROOT, name), path.join(scratch, name), { recursive: true });
      }
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
      fs.mkdirSync(path.join(scratch, 'dist', 'old'), { recursive: true });
      fs.writeFileSync(path.join(scratch, 'dist', 'Stale.js'), 'var Stale = 1;');

      execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: scratch, stdio: 'pipe' });

      expect(fs.readdirSync(path.join(scratch, 'dist')).sort()).toEqual(['Code.js', 'appsscript.json']);
      // esbuild names modules by their real path: node_modules here is a symlink to the repository's.
      const built = fs.readFileSync(path.join(scratch, 'dist', 'Code.js'), 'utf8').replace(/(\.\.\/)+[\w./-]*?node_modules\//g, 'node_modules/');
      expect(built).toBe(bundle.code);
      for (const file of ['index.js', 'index.d.ts', 'testing/index.js', 'testing/index.d.ts']) {
        expect(fs.existsSync(path.join(scratch, 'lib', file))).toBe(true);
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the npm package', () => {
  it('lets npm users reach dist/Code.js, dist/appsscript.json and package.json through its exports', () => {
    const names = ['sheetorm', 'sheetorm/testing', 'sheetorm/dist/Code.js', 'sheetorm/dist/appsscript.json', 'sheetorm/package.json'];
    const script = `console.log(JSON.stringify(${JSON.stringify(names)}.map((name) => require.resolve(name))))`;
    // The package resolves itself by name from inside its own folder, through package.json exports.
    // Under the build lock: another test file may be rebuilding lib/ (build.mjs removes it first).
    ensureBuilt({ lib: true });
    const resolved: string[] = withBuildLock(() => JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })));
    expect(resolved.map((file) => path.relative(ROOT, file))).toEqual(['lib/index.js', 'lib/testing/index.js', 'dist/Code.js', 'dist/appsscript.json', 'package.json']);
  });

  it("ships every file README links to, so its links work where npm shows it", () => {
    ensureBuilt({ lib: true });
    const packed = withBuildLock(() => JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })));
    const files: string[] = packed[0].files.map((file: { path: string }) => file.path);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const links = Array.from(readme.matchAll(/\]\(([^)#\s]+)[^)]*\)/g), (match) => match[1]).filter((link) => !/^[a-z]+:/i.test(link));
    expect(links.length).toBeGreaterThan(5);
    const missing = links.filter((link) => !files.some((file) => file === link || file.startsWith(`${link.replace(/\/$/, '')}/`)));
    expect(missing).toEqual([]);
  });
});
