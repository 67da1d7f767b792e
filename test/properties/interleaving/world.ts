/**
 * Runs one scenario of the interleaving property test: 2–3 simulated executions, each with its own
 * copy of sheetorm (as separate Apps Script executions have), over one spreadsheet, next to the
 * oracle. After every step the sheets must equal the oracle exactly.
 *
 * Interleaving: while execution X runs an operation, a beforeCall hook runs another execution's
 * operation before X's n-th service call. If X holds the lock at that moment, that operation must
 * fail with LockTimeoutError (or be one that writes nothing) and make no write call; otherwise it
 * must behave as if it ran before X's operation, which it did.
 *
 * The person: a person's edits happen between operations, never while an execution is between its
 * locked read and its write. Nothing can protect a write against an edit made in the instant
 * between the `getValues()` under the lock and the `setValues()` after it (a person does not take
 * locks), so that window is out of scope. The exception is a transaction: it holds the lock while
 * user code runs, and the spec promises its writes are re-checked by key against edits made in
 * that time, so the person also edits between the operations inside a transaction.
 */
import type * as SheetORM from '../../../src';
import type { AppsScriptEnv, CallInfo } from '../../../src/testing';
import { freshLibrary } from '../../support/library';
import { seedSheets } from '../../support/seed';
import { Cell, normKey, Row, SCHEMA, SheetName, Sheets, Store, TxStore } from './oracle';
import { seedRows, seedValues } from './seed';
import { Person } from './person';
import { describeOp, describePerson, describeStep, Exec, Op, PersonAction, Step, TxOp } from './ops';
import * as sem from './semantics';

/** One execution's copy of the library and its models. */
export function defineModels(lib: typeof SheetORM) {
  class Tag extends lib.Model {
    static _table = 'Tags';
  }
  class Post extends lib.Model {
    static _table = 'Posts';
    tags() {
      return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
    }
  }
  return { lib, Post, Tag };
}

/** A library instance with its models. */
export type Library = ReturnType<typeof defineModels>;
type PostModel = InstanceType<Library['Post']>;

/** The libraries of executions A, B and C (loaded once: loading is the slow part). */
export function loadLibraries(): Record<Exec, Library> {
  return { A: defineModels(freshLibrary()), B: defineModels(freshLibrary()), C: defineModels(freshLibrary()) };
}

type Fields = { title: Cell; views: Cell };

/** A model an execution read (or created) earlier, kept to be saved or deleted later, maybe stale. */
interface Slot {
  model: PostModel;
  /** The key the model was read with. */
  key: Cell;
  /** Attribute values as last read or saved (what sheetorm compares to find dirty attributes). */
  original: Fields;
  current: Fields;
}

/** A failure of the property (not of sheetorm's own error handling). */
class Mismatch extends Error {}

/** The error a transaction body throws on purpose. */
class PlannedError extends Error {
  constructor() {
    super('planned failure inside the transaction');
    this.name = 'PlannedError';
  }
}

interface Context {
  /** Another execution holds the script lock (this operation runs inside its call). */
  held: boolean;
  /** Inside a transaction: where changes go, slot updates to make if it commits or undo if it does not. */
  tx: { store: TxStore; onCommit: Array<() => void>; onRollback: Array<() => void>; deletedSlots: Set<number> } | null;
}

const WRITES = /^(Range\.(set|clear)|Sheet\.(delete|insert|append|clear))/;
const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);
const messageOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
const same = (a: Cell, b: Cell) => (a === null || a === '' ? b === null || b === '' : a === b);

/** One scenario's spreadsheet, oracle, executions and trace. */
export class World {
  readonly env: AppsScriptEnv;
  readonly oracle = new Sheets(seedRows());
  readonly slots: Record<Exec, Array<Slot | undefined>> = { A: [], B: [], C: [] };
  readonly trace: string[] = [];
  /** Operations and edits carried out (nested and in-transaction ones included). */
  ops = 0;
  /**
   * Other executions' operations run between a read's `getDataRange()` and its `getValues()`. Such a
   * read is not checked against the oracle: the range was fixed before the other execution wrote,
   * so the read sees its changes to existing rows but not its new rows, as in Apps Script (a read
   * takes no lock; it is not atomic with respect to another execution's write).
   */
  private tornReads = 0;
  private quiet = false;
  /** Inside a transaction's body (person edits there are checked by the transaction's re-check). */
  private inTx = false;
  private readonly problems: string[] = [];
  private readonly people: Person;

  /** `stats`: counts of what happened (expected errors, rollbacks, ...), shared across scenarios. */
  /** `sheetsApi`: the Sheets advanced service is enabled, so reads and scattered writes go through it. */
  constructor(
    private readonly libs: Record<Exec, Library>,
    private readonly stats: Record<string, number> = {},
    sheetsApi = false,
  ) {
    this.env = seedSheets(seedValues(), { sheetsApi });
    this.people = new Person(this.env, this.oracle);
  }

  /** Runs the steps, checking the sheets against the oracle after each. */
  run(steps: readonly Step[]): void {
    this.check('seed');
    steps.forEach((step, i) => {
      this.trace.push(`${i + 1}. ${describeStep(step)}`);
      try {
        this.step(step);
      } catch (error) {
        if (!(error instanceof Mismatch)) this.problems.push(`unexpected ${messageOf(error)}`);
      }
      if (this.problems.length) this.failWith(this.problems.join('\n'));
      this.check(`step ${i + 1}`);
    });
  }

  private step(step: Step): void {
    if (step.kind === 'person') return this.person(step.action);
    const during = step.during;
    let pending = !!during;
    let count = 0;
    const runDuring = (inRead: boolean) => {
      pending = false;
      if (during) this.nested(during, inRead);
    };
    let previous = '';
    const off = this.env.beforeCall((call: CallInfo) => {
      if (this.quiet || call.execution !== step.x) return;
      const between = previous === 'Sheet.getDataRange' && call.method === 'Range.getValues';
      previous = call.method;
      if (pending && during && ++count === during.at) runDuring(between);
    });
    try {
      this.env.run(step.x, () => this.op(step.x, step.op, { held: false, tx: null }));
    } finally {
      off();
    }
    // The operation made fewer calls than `at`: the other execution runs after it.
    if (pending) runDuring(false);
  }

  /** Another execution's operation, run inside a call of the current one (`inRead`: its `getValues()`). */
  private nested(during: { x: Exec; op: Op }, inRead: boolean): void {
    try {
      const held = this.lockHeld();
      if (inRead && !held) this.tornReads++;
      const from = this.env.calls.all().length;
      this.note(`   ${during.x} runs now (script lock ${held ? 'held by the running execution' : 'free'})`, held ? 'nested op, lock held' : 'nested op, lock free');
      this.env.run(during.x, () => this.op(during.x, during.op, { held, tx: null }));
      const writes = this.env.calls.all().slice(from).filter((c) => c.execution === during.x && WRITES.test(c.method));
      if (held && writes.length) this.mismatch(`${during.x} wrote (${writes.map((c) => c.method).join(', ')}) while another execution held the lock`);
    } catch (error) {
      // Thrown inside another execution's service call: keep it from being taken for a service failure.
      if (!(error instanceof Mismatch)) this.problems.push(`unexpected ${messageOf(error)}`);
    }
  }

  /** Whether some execution holds the script lock (probed by a bystander execution). */
  private lockHeld(): boolean {
    return this.silently(() =>
      this.env.run('probe', () => {
        const lock = LockService.getScriptLock();
        const got = lock.tryLock(0);
        if (got) lock.releaseLock();
        return !got;
      }),
    );
  }

  private silently<T>(fn: () => T): T {
    this.quiet = true;
    try {
      return fn();
    } finally {
      this.quiet = false;
    }
  }

  // ---- Operations ------------------------------------------------------------------------------

  private op(x: Exec, op: Op, ctx: Context): void {
    this.ops++;
    const { Post, Tag } = this.libs[x];
    const store: Store = ctx.tx ? ctx.tx.store : this.oracle;
    const label = `${x}: ${describeOp(op)}`;
    switch (op.t) {
      case 'create': {
        const attributes: Record<string, unknown> = { title: op.post.title, views: op.post.views };
        if (op.post.id !== undefined) attributes.id = op.post.id;
        const made = this.expect(ctx, label, () => Post.create(attributes), () => sem.createPosts(store, [op.post]), (model, ids) =>
          this.agree(label, model.getAttribute('id'), ids[0]),
        );
        if (made && op.slot !== undefined && !ctx.tx) this.slots[x][op.slot] = slotOf(made.value);
        return;
      }
      case 'createMany':
        this.expect(ctx, label, () => Post.createMany(op.posts.map((post) => ({ ...post }))), () => sem.createPosts(store, op.posts), (models, ids) =>
          this.agree(label, models.map((m) => m.getAttribute('id')), ids),
        );
        return;
      case 'read':
        return this.read(x, op, ctx, label);
      case 'save':
        return this.save(x, op, ctx, label);
      case 'delete': {
        const slot = this.slots[x][op.slot];
        if (!slot || ctx.tx?.deletedSlots.has(op.slot)) return this.note(`   (slot ${op.slot} of ${x} is empty)`, 'slot empty: skipped');
        const done = this.expect(ctx, label, () => slot.model.delete(), () => sem.deletePost(store, slot.key));
        if (!done) return;
        if (ctx.tx) {
          ctx.tx.deletedSlots.add(op.slot);
          ctx.tx.onCommit.push(() => this.clearSlot(x, slot));
        } else this.clearSlot(x, slot);
        return;
      }
      case 'bulkUpdate':
        this.expect(ctx, label, () => Post.where('views', '>', op.minViews).update({ title: op.title }), () => sem.updateTitles(store, op.minViews, op.title), (n, m) => this.agree(label, n, m));
        return;
      case 'deleteIds':
        this.expect(ctx, label, () => Post.whereIn('id', op.ids).delete(), () => sem.deleteIds(store, op.ids), (n, m) => this.agree(label, n, m));
        return;
      case 'deleteBelow':
        this.expect(ctx, label, () => Post.where('views', '<', op.maxViews).delete(), () => sem.deleteBelow(store, op.maxViews), (n, m) => this.agree(label, n, m));
        return;
      case 'attach':
      case 'detach':
      case 'sync':
        return this.pivot(x, op, ctx, label, store);
      case 'createTag':
        this.expect(ctx, label, () => Tag.create({ name: op.name }), () => sem.createTag(store, op.name), (tag, id) => this.agree(label, tag.getAttribute('id'), id));
        return;
      case 'tx':
        return this.transaction(x, op, ctx, label);
    }
  }

  private read(x: Exec, op: Extract<Op, { t: 'read' }>, ctx: Context, label: string): void {
    const torn = this.tornReads;
    const found = this.libs[x].Post.find(op.id);
    const row = sem.findPost(this.oracle, op.id);
    // A read does not wait for the lock: while another execution is writing it may see part of the write.
    if (!ctx.held && torn === this.tornReads) this.agreeRow(label, found, row);
    else this.note(`   (read raced with another execution's write: not checked)`, 'read raced with a write: not checked');
    this.slots[x][op.slot] = found ? slotOf(found) : undefined;
  }

  private save(x: Exec, op: Extract<TxOp, { t: 'save' }>, ctx: Context, label: string): void {
    const slot = this.slots[x][op.slot];
    if (!slot || ctx.tx?.deletedSlots.has(op.slot)) return this.note(`   (slot ${op.slot} of ${x} is empty)`, 'slot empty: skipped');
    if (op.title !== undefined) slot.model.setAttribute('title', (slot.current.title = op.title));
    if (op.views !== undefined) slot.model.setAttribute('views', (slot.current.views = op.views));
    const dirty: Partial<Fields> = {};
    (['title', 'views'] as const).forEach((name) => {
      if (!same(slot.current[name], slot.original[name])) dirty[name] = slot.current[name];
    });
    const store = ctx.tx ? ctx.tx.store : this.oracle;
    // Nothing dirty: save() writes nothing and does not look for the row.
    const expected = () => (Object.keys(dirty).length ? sem.savePost(store, slot.key, dirty) : { value: 0 });
    const done = this.expect(ctx, label, () => slot.model.save(), expected);
    if (!done) return;
    // A save inside a transaction marks the model clean at once; a rollback restores what it was.
    const before = slot.original;
    slot.original = { ...slot.current };
    ctx.tx?.onRollback.push(() => (slot.original = before));
  }

  private pivot(x: Exec, op: Extract<TxOp, { t: 'attach' | 'detach' | 'sync' }>, ctx: Context, label: string, store: Store): void {
    const torn = this.tornReads;
    const parent = this.libs[x].Post.find(op.post);
    // The oracle reads too: inside a transaction, this is when the transaction reads Posts.
    const row = sem.findPost(store, op.post);
    if (!ctx.held && torn === this.tornReads) this.agreeRow(`${label} (finding the post)`, parent, row);
    if (!parent) return this.note(`   (post ${op.post} not found)`, 'relation op: post not found');
    const tags = parent.related('tags') as unknown as {
      attach(ids: number[]): void;
      detach(ids?: number[]): number;
      sync(ids: number[]): { attached: unknown[]; detached: unknown[] };
    };
    if (op.t === 'attach') this.expect(ctx, label, () => tags.attach(op.tags), () => sem.attach(store, op.post, op.tags));
    else if (op.t === 'detach') {
      this.expect(ctx, label, () => (op.tags ? tags.detach(op.tags) : tags.detach()), () => sem.detach(store, op.post, op.tags), (removed, n) => this.agree(label, removed, n));
    } else {
      this.expect(ctx, label, () => tags.sync(op.tags), () => sem.sync(store, op.post, op.tags), (got, want) =>
        this.agree(label, { attached: got.attached, detached: got.detached.length }, want),
      );
    }
  }

  private transaction(x: Exec, op: Extract<Op, { t: 'tx' }>, ctx: Context, label: string): void {
    const tx = { store: new TxStore(this.oracle), onCommit: [] as Array<() => void>, onRollback: [] as Array<() => void>, deletedSlots: new Set<number>() };
    const rollback = () => tx.onRollback.reverse().forEach((fn) => fn());
    const planned = new PlannedError();
    let started = false;
    let error: unknown = null;
    const outer = this.inTx;
    this.inTx = true;
    try {
      this.libs[x].lib.transaction(() => {
        started = true;
        op.body.forEach((sub, i) => {
          if (sub.t === 'person') {
            this.note(`   ${describePerson(sub.action)} (inside ${x}'s transaction)`, 'person edit inside a transaction');
            this.person(sub.action);
          } else this.op(x, sub, { held: false, tx });
          if (op.throwAfter === i) throw planned;
        });
      });
    } catch (e) {
      error = e;
    } finally {
      this.inTx = outer;
    }
    if (error instanceof Mismatch) throw error;
    if (!started) {
      if (errorName(error) === 'LockTimeoutError' && ctx.held) return this.note('   → LockTimeoutError (lock held)', 'transaction: LockTimeoutError (lock held)');
      return this.mismatch(`${label}: the transaction did not run: ${messageOf(error)}`);
    }
    if (op.throwAfter !== null) {
      if (error !== planned) this.mismatch(`${label}: expected the planned error to propagate, got ${error ? messageOf(error) : 'success'}`);
      rollback();
      return this.note('   → rolled back (planned error)', 'transaction: rolled back (planned error)');
    }
    const want = tx.store.commit();
    if (want.error !== (error ? errorName(error) : undefined)) {
      this.mismatch(`${label}: commit ${error ? `threw ${messageOf(error)}` : 'succeeded'}, expected ${want.error || 'success'}`);
    }
    if (error) rollback();
    else tx.onCommit.forEach((fn) => fn());
    this.note(`   → ${error ? messageOf(error) : 'committed'}`, `transaction: ${error ? errorName(error) : 'committed'}`);
  }

  /**
   * Runs sheetorm's side and the oracle's side of an operation and checks they agree. The oracle is
   * consulted after sheetorm's call returns, when it has seen everything that ran before it.
   * Returns sheetorm's result, or null when the operation failed (as expected).
   */
  private expect<T, R>(ctx: Context, label: string, real: () => T, oracle: () => sem.Result<R>, agree?: (got: T, want: R) => void): { value: T } | null {
    let got: T | undefined;
    let error: unknown = null;
    try {
      got = real();
    } catch (e) {
      if (e instanceof Mismatch) throw e;
      error = e;
    }
    if (error && errorName(error) === 'LockTimeoutError') {
      if (!ctx.held) this.mismatch(`${label}: ${messageOf(error)}, though no other execution held the lock`);
      this.note('   → LockTimeoutError (another execution holds the lock)', 'LockTimeoutError (lock held)');
      return null;
    }
    const want = oracle();
    if (error) {
      if (want.error !== errorName(error)) this.mismatch(`${label}: threw ${messageOf(error)}; expected ${want.error || 'success'}`);
      this.note(`   → ${errorName(error)} (expected)`, `expected ${errorName(error)}`);
      return null;
    }
    if (want.error) this.mismatch(`${label}: succeeded; expected ${want.error}`);
    agree?.(got as T, want.value as R);
    return { value: got as T };
  }

  private agree(label: string, got: unknown, want: unknown): void {
    if (JSON.stringify(got) !== JSON.stringify(want)) this.mismatch(`${label}: returned ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }

  private agreeRow(label: string, found: PostModel | null, row: Row | undefined): void {
    const got = found && [found.getAttribute('id'), found.getAttribute('title'), found.getAttribute('views')];
    const want = row ? [row.cells[0], row.cells[1], row.cells[2]] : null;
    this.agree(label, got, want);
  }

  private clearSlot(x: Exec, slot: Slot): void {
    const at = this.slots[x].indexOf(slot);
    if (at >= 0) this.slots[x][at] = undefined;
  }

  // ---- The person --------------------------------------------------------------------------------

  /** A person's edit, in the sheet and in the oracle. */
  person(action: PersonAction): void {
    this.ops++;
    const skipped = this.silently(() => this.env.run('person', () => this.people.edit(action, this.inTx)));
    if (skipped) this.note(`   (skipped: ${skipped})`, `person edit skipped (${skipped})`);
  }


  // ---- Checks ------------------------------------------------------------------------------------

  /** The sheets equal the oracle: values, formulas, and no duplicate keys in Posts or Tags. */
  check(when: string): void {
    for (const name of Object.keys(SCHEMA) as SheetName[]) {
      const oracle = this.oracle.sheet(name);
      const values = this.env.sheetValues(name);
      const expected = oracle.expectedValues();
      if (JSON.stringify(values) !== JSON.stringify(expected)) {
        this.failWith(`${when}: sheet ${name} differs from the oracle\n  sheet:  ${rowsText(values)}\n  oracle: ${rowsText(expected)}`);
      }
      const formulas = this.env.sheetFormulas(name);
      if (JSON.stringify(formulas) !== JSON.stringify(oracle.expectedFormulas())) {
        this.failWith(`${when}: formulas of ${name} differ\n  sheet:  ${rowsText(formulas)}\n  oracle: ${rowsText(oracle.expectedFormulas())}`);
      }
      if (name !== 'PostTag') {
        const keys = values.slice(1).map((row) => normKey(row[0])).filter((key) => key !== '');
        if (new Set(keys).size !== keys.length) this.failWith(`${when}: duplicate keys in ${name}: ${keys.join(', ')}`);
      }
    }
  }

  private note(line: string, stat?: string): void {
    this.trace.push(line);
    if (stat) this.stats[stat] = (this.stats[stat] || 0) + 1;
  }

  private mismatch(message: string): never {
    this.problems.push(message);
    throw new Mismatch(message);
  }

  private failWith(message: string): never {
    throw new Error(`${message}\n\nTrace:\n${this.trace.join('\n')}`);
  }
}

function slotOf(model: PostModel): Slot {
  const fields = { title: model.getAttribute('title') as Cell, views: model.getAttribute('views') as Cell };
  return { model, key: model.getAttribute('id') as Cell, original: { ...fields }, current: { ...fields } };
}

function rowsText(rows: unknown[][]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n          ');
}
