/** The operations of the interleaving property test, their generators and how they print. */
import fc from 'fast-check';
import { PostInput } from './semantics';

/** A simulated execution. */
export type Exec = 'A' | 'B' | 'C';

/** What a person does in the spreadsheet UI. `at` picks a row: 0 is the first data row, 1 below the last. */
export type PersonAction =
  | { t: 'insertPost'; at: number; blank: boolean; views: number | null; formula: boolean }
  | { t: 'insertPivot'; at: number; post: number; tag: number }
  | { t: 'deleteRow'; sheet: 'Posts' | 'PostTag'; at: number }
  | { t: 'note'; sheet: 'Posts' | 'PostTag'; at: number; text: string }
  | { t: 'formula'; at: number; on: boolean };

/** Operations allowed inside a transaction (a person may act between them). */
export type TxOp =
  | { t: 'create'; post: PostInput; slot?: number }
  | { t: 'createMany'; posts: PostInput[] }
  | { t: 'save'; slot: number; title?: string; views?: number | null }
  | { t: 'delete'; slot: number }
  | { t: 'bulkUpdate'; minViews: number; title: string }
  | { t: 'deleteIds'; ids: Array<number | string> }
  | { t: 'deleteBelow'; maxViews: number }
  | { t: 'attach'; post: number; tags: number[] }
  | { t: 'detach'; post: number; tags: number[] | null }
  | { t: 'sync'; post: number; tags: number[] };

/** Everything an execution can do. */
export type Op =
  | TxOp
  | { t: 'read'; slot: number; id: number | string }
  | { t: 'createTag'; name: string }
  | { t: 'tx'; body: Array<TxOp | { t: 'person'; action: PersonAction }>; throwAfter: number | null };

/** One step: an execution's operation (maybe with another's run inside it), or a person's edit. */
export type Step =
  | { kind: 'op'; x: Exec; op: Op; during: { at: number; x: Exec; op: Op } | null }
  | { kind: 'person'; action: PersonAction };

// ---- Generators -------------------------------------------------------------------------------

const TITLES = ['alpha', 'beta', 'gamma', '=1+1', '+5', '-3', '@me', '00123', 'TRUE', "'q", 'Ünï ✓', '=SUM(A:A)'];
const title = fc.constantFrom(...TITLES);
const views = fc.option(fc.integer({ min: 0, max: 9 }), { nil: null, freq: 6 });
const slot = fc.integer({ min: 0, max: 1 });
const postId = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 9 }), weight: 8 }, { arbitrary: fc.constantFrom('p1', 'p2'), weight: 1 });
const pivotPost = fc.integer({ min: 1, max: 8 });
const tags = fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 });
const at = fc.double({ min: 0, max: 1, noNaN: true }).map((n) => Math.round(n * 100) / 100);
const postInput = fc.record({ title, views });

const person: fc.Arbitrary<PersonAction> = fc.oneof(
  fc.record({ t: fc.constant('insertPost' as const), at, blank: fc.boolean(), views, formula: fc.boolean() }),
  fc.record({ t: fc.constant('insertPivot' as const), at, post: pivotPost, tag: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ t: fc.constant('deleteRow' as const), sheet: fc.constantFrom('Posts' as const, 'Posts' as const, 'PostTag' as const), at }),
  fc.record({ t: fc.constant('note' as const), sheet: fc.constantFrom('Posts' as const, 'PostTag' as const), at, text: fc.constantFrom('checked', 'TODO', 'n/a') }),
  fc.record({ t: fc.constant('formula' as const), at, on: fc.boolean() }),
);

const txOp: fc.Arbitrary<TxOp> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('create' as const), post: fc.record({ id: fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined, freq: 4 }), title, views }, { requiredKeys: ['title', 'views'] }), slot: fc.option(slot, { nil: undefined }) }, { requiredKeys: ['t', 'post'] }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('createMany' as const), posts: fc.array(postInput, { minLength: 1, maxLength: 4 }) }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('save' as const), slot, title, views }, { requiredKeys: ['t', 'slot'] }), weight: 4 },
  { arbitrary: fc.record({ t: fc.constant('delete' as const), slot }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('bulkUpdate' as const), minViews: fc.integer({ min: 0, max: 9 }), title }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('deleteIds' as const), ids: fc.uniqueArray(postId, { minLength: 1, maxLength: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('deleteBelow' as const), maxViews: fc.integer({ min: 0, max: 3 }) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('attach' as const), post: pivotPost, tags }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('detach' as const), post: pivotPost, tags: fc.option(tags, { nil: null, freq: 4 }) }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('sync' as const), post: pivotPost, tags: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }) }), weight: 2 },
);

const txBody = fc.array(
  fc.oneof({ arbitrary: txOp, weight: 3 }, { arbitrary: person.map((action) => ({ t: 'person' as const, action })), weight: 2 }),
  { minLength: 1, maxLength: 4 },
);

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: txOp, weight: 8 },
  { arbitrary: fc.record({ t: fc.constant('read' as const), slot, id: postId }), weight: 6 },
  { arbitrary: fc.record({ t: fc.constant('createTag' as const), name: title }), weight: 1 },
  {
    arbitrary: txBody.chain((body) =>
      fc.record({ t: fc.constant('tx' as const), body: fc.constant(body), throwAfter: fc.option(fc.integer({ min: 0, max: body.length - 1 }), { nil: null, freq: 2 }) }),
    ),
    weight: 3,
  },
);

/** Steps over `names` (2 or 3 executions); about one in three operations has another execution's run inside it. */
export function stepsArb(names: Exec[], minLength: number, maxLength: number): fc.Arbitrary<Step[]> {
  const exec = fc.constantFrom(...names);
  const opStep = fc
    .tuple(exec, op, fc.option(fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: names.length - 1 }), op), { nil: null, freq: 2 }))
    .map(([x, main, inner]): Step => ({
      kind: 'op',
      x,
      op: main,
      during: inner && { at: inner[0], x: names[(names.indexOf(x) + inner[1]) % names.length], op: inner[2] },
    }));
  const personStep = person.map((action): Step => ({ kind: 'person', action }));
  return fc.array(fc.oneof({ arbitrary: opStep, weight: 5 }, { arbitrary: personStep, weight: 1 }), { minLength, maxLength, size: 'medium' });
}

// ---- Printing ---------------------------------------------------------------------------------

const show = (value: unknown): string => JSON.stringify(value);

/** One operation, readable: `create {"title":"=1+1","views":3} → slot 1`. */
export function describeOp(o: Op | { t: 'person'; action: PersonAction }): string {
  switch (o.t) {
    case 'create':
      return `Post.create(${show(o.post)})${o.slot === undefined ? '' : ` → slot ${o.slot}`}`;
    case 'createMany':
      return `Post.createMany(${show(o.posts)})`;
    case 'read':
      return `slot ${o.slot} = Post.find(${show(o.id)})`;
    case 'save':
      return `slot ${o.slot}: set ${show({ title: o.title, views: o.views })}, save()`;
    case 'delete':
      return `slot ${o.slot}.delete()`;
    case 'bulkUpdate':
      return `Post.where('views', '>', ${o.minViews}).update({ title: ${show(o.title)} })`;
    case 'deleteIds':
      return `Post.whereIn('id', ${show(o.ids)}).delete()`;
    case 'deleteBelow':
      return `Post.where('views', '<', ${o.maxViews}).delete()`;
    case 'attach':
    case 'sync':
      return `Post.find(${o.post}).related('tags').${o.t}(${show(o.tags)})`;
    case 'detach':
      return `Post.find(${o.post}).related('tags').detach(${o.tags ? show(o.tags) : ''})`;
    case 'createTag':
      return `Tag.create({ name: ${show(o.name)} })`;
    case 'tx':
      return `transaction(() => { ${o.body.map(describeOp).join('; ')}${o.throwAfter === null ? '' : ` — throws after #${o.throwAfter + 1}`} })`;
    case 'person':
      return describePerson(o.action);
  }
}

/** A person's edit, readable. */
export function describePerson(a: PersonAction): string {
  switch (a.t) {
    case 'insertPost':
      return a.blank ? `person inserts a blank Posts row at ${a.at}` : `person inserts a Posts row at ${a.at} (views ${a.views}${a.formula ? ', with formula' : ''})`;
    case 'insertPivot':
      return `person inserts PostTag row [${a.post}, ${a.tag}] at ${a.at}`;
    case 'deleteRow':
      return `person deletes the ${a.sheet} row at ${a.at}`;
    case 'note':
      return `person writes note ${show(a.text)} in the ${a.sheet} row at ${a.at}`;
    case 'formula':
      return `person ${a.on ? 'types =C{row}*2 into' : 'clears'} the double cell of the Posts row at ${a.at}`;
  }
}

/** One step, readable. */
export function describeStep(step: Step): string {
  if (step.kind === 'person') return describePerson(step.action);
  const inner = step.during ? `   ⟂ before ${step.x}'s call #${step.during.at}: ${step.during.x}: ${describeOp(step.during.op)}` : '';
  return `${step.x}: ${describeOp(step.op)}${inner}`;
}

/** A sequence with a readable rendering for fast-check's counterexample report. */
export interface Scenario {
  names: Exec[];
  steps: Step[];
}

/** Scenarios of `minLength`–`maxLength` steps over 2 or 3 executions. */
export function scenarioArb(minLength: number, maxLength: number): fc.Arbitrary<Scenario> {
  return fc
    .constantFrom<Exec[]>(['A', 'B'], ['A', 'B', 'C'])
    .chain((names) => stepsArb(names, minLength, maxLength).map((steps) => ({ names, steps })))
    .map((scenario) =>
      Object.assign(scenario, {
        [fc.toStringMethod]: () => `\n${scenario.steps.map((step, i) => `  ${i + 1}. ${describeStep(step)}`).join('\n')}\n`,
      }),
    );
}
