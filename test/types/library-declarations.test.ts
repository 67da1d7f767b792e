/**
 * The `SheetORM` namespace declarations for TypeScript projects that add sheetorm as an Apps
 * Script library: a user file written against the global namespace must type-check.
 */
import ts from 'typescript';
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const root = resolve(__dirname, '../..');

// Every project these tests write lives under one folder, removed when the file is done.
let scratch = '';
beforeAll(() => (scratch = mkdtempSync(join(tmpdir(), 'sheetorm-types-'))));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A new empty folder under the scratch folder. */
function projectDir(prefix: string): string {
  return mkdtempSync(join(scratch, prefix));
}

// Written once per file: every test checks its user code against the same declarations.
let written = '';
function declarations(): string {
  if (written) return written;
  if (!existsSync(join(root, 'lib/index.d.ts'))) execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  const dir = projectDir('lib-');
  const out = join(dir, 'library.d.ts');
  execFileSync(process.execPath, ['--input-type=module', '-e', `import('${join(root, 'tools/library-dts.mjs')}').then((m) => m.writeLibraryDeclarations('lib/index.d.ts', '${out}'))`], { cwd: root });
  return (written = out);
}

// The previous program of the same options: TypeScript reuses the source files that did not change.
const previous = new Map<boolean, ts.Program>();

function diagnose(userCode: string, checkDeclarations = false): string[] {
  const library = declarations();
  const user = join(library, '..', 'user.ts');
  writeFileSync(user, userCode);
  const program = ts.createProgram([library, user], {
    strict: true,
    noEmit: true,
    skipLibCheck: !checkDeclarations,
    target: ts.ScriptTarget.ES2019,
    lib: ['lib.es2020.d.ts'],
    types: ['google-apps-script'],
    typeRoots: [join(root, 'node_modules/@types')],
    // No module settings: TypeScript's defaults for an Apps Script project (classic resolution).
  }, undefined, previous.get(checkDeclarations));
  previous.set(checkDeclarations, program);
  const diagnostics = checkDeclarations ? ts.getPreEmitDiagnostics(program) : ts.getPreEmitDiagnostics(program, program.getSourceFile(user));
  return diagnostics.map((d) => `${d.file ? d.file.fileName.replace(root, '') : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

it('lets library users write SheetORM.Model, get typed relations, and rejects unknown relation names', () => {
  const errors = diagnose(`
    class Tag extends SheetORM.Model { declare name: string }
    class Post extends SheetORM.Model {
      declare title: string;
      tags() { return this.manyToMany(Tag, 'PostTag') }
    }
    SheetORM.configure({ lock: LockService.getScriptLock() });
    const posts: SheetORM.Collection<SheetORM.WithLoaded<Post, 'tags'>> = Post.with('tags').get();
    const names: string[] = posts.first()!.tags.pluck('name').all();
    const error: SheetORM.SheetORMError = new SheetORM.ValidationError('x');
    SheetORM.transaction(() => Post.create({ title: 'typed' }));
    Post.with('nope');
  `);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/"nope"/);
}, 120000);

it('type-checks without skipLibCheck: the namespace and the declarations it points at are sound', () => {
  expect(diagnose('class Post extends SheetORM.Model {}\nvoid Post;\n', true)).toEqual([]);
}, 120000);

it("without skipLibCheck, a model that declares attributes is still its class's model for the static API", () => {
  // Checking the declarations first once made the relations' parent type invariant, so typeof Post was no ModelClass<Post>.
  const code = 'class Post extends SheetORM.Model { declare id: number; declare title: string }\nPost._table = "Posts";\nconst n: number = Post.count();\nvoid n;\n';
  expect(diagnose(code, true)).toEqual([]);
}, 120000);

it('lets bundling users import the npm entry without listing the Apps Script types themselves', () => {
  if (!existsSync(join(root, 'lib/index.d.ts'))) execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  const dir = projectDir('npm-');
  const user = join(dir, 'user.ts');
  writeFileSync(user, `import { configure, Model } from '${join(root, 'lib/index')}';\nclass Post extends Model {}\nconfigure({ lockTimeoutMs: 10 });\nvoid Post;\n`);
  const program = ts.createProgram([user], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2019,
    lib: ['lib.es2020.d.ts'],
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
    typeRoots: [join(root, 'node_modules/@types')],
  });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(errors).toEqual([]);
}, 120000);

it('lets bundling users write generic query helpers over the builders without breaking the static API of their models', () => {
  if (!existsSync(join(root, 'lib/index.d.ts'))) execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  const dir = projectDir('npm-');
  const entry = join(root, 'lib/index');
  // Checked first, these helpers once fixed the relations' parent type as invariant for the whole program.
  writeFileSync(
    join(dir, 'scopes.ts'),
    `import { Model, QueryBuilder, HasManyQueryBuilder, ManyToManyQueryBuilder } from '${entry}';
export function onlyActive<M extends Model>(q: QueryBuilder<M>) { return q.where('active', true); }
export function activeTags<M extends Model>(q: ManyToManyQueryBuilder<M>) { onlyActive(q); return q; }
export function recent<M extends Model>(q: HasManyQueryBuilder<M>) { return q.orderBy('id', 'desc'); }
`,
  );
  writeFileSync(
    join(dir, 'main.ts'),
    `import { Model } from '${entry}';
import { onlyActive } from './scopes';
class Tag extends Model { declare id: number; declare name: string }
class Post extends Model {
  declare id: number;
  declare title: string;
  tags() { return this.manyToMany(Tag, 'PostTag') }
}
const titles: string[] = onlyActive(Post.where('title', 'x')).pluck('title').all();
const created: Post = Post.create({ title: 'typed' });
void titles; void created;
`,
  );
  const program = ts.createProgram([join(dir, 'scopes.ts'), join(dir, 'main.ts')], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2019,
    lib: ['lib.es2020.d.ts'],
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
    typeRoots: [join(root, 'node_modules/@types')],
  });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(errors).toEqual([]);
}, 120000);

it("lets bundling users emit declarations for functions returning loaded models (every type such a result names is exported)", () => {
  if (!existsSync(join(root, 'lib/index.d.ts'))) execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: root });
  const dir = projectDir('decl-');
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'sheetorm'), 'dir');
  writeFileSync(
    join(dir, 'repo.ts'),
    `import { Model } from 'sheetorm';
export class Tag extends Model { declare id: number; declare name: string }
export class Post extends Model {
  declare id: number;
  tags() { return this.manyToMany(Tag, 'PostTag') }
}
export function postsWithTags() { return Post.with('tags').get(); }
export const firstTagged = () => Post.with('tags').firstOrFail();
`,
  );
  const program = ts.createProgram([join(dir, 'repo.ts')], {
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: join(dir, 'out'),
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2019,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ['lib.es2020.d.ts'],
    types: [],
  });
  const emitted: string[] = [];
  const result = program.emit(undefined, (name, text) => emitted.push(text));
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(errors).toEqual([]);
  expect(emitted.join('\n')).toMatch(/postsWithTags\(\): import\("sheetorm"\)\.Collection</);
}, 120000);
