/** Counting calls, beforeCall hooks and simulated executions. */
import { currentExecution, World } from './model';
import type { CallInfo, CallLog } from './types';

/** Where a call lands, for the call log. */
export interface CallTarget {
  sheet?: string;
  spreadsheetId?: string;
}

/**
 * Records one call on a fake service object and runs it. Hooks run first: one that throws makes
 * the call fail without effect (the attempt is still logged); one that runs another execution
 * interleaves it before this call.
 */
export function invoke<T>(world: World, method: string, target: CallTarget, args: ArrayLike<unknown>, body: () => T): T {
  const call: CallInfo = { method, ...target, execution: currentExecution(world), args: Array.prototype.slice.call(args) };
  try {
    for (const hook of world.hooks.slice()) {
      if (hook.running) continue;
      hook.running = true;
      try {
        hook.fn(call);
      } finally {
        hook.running = false;
      }
    }
  } finally {
    world.calls.push(call);
  }
  return body();
}

/** Subscribes a hook; returns the unsubscribe function. */
export function addHook(world: World, fn: (call: CallInfo) => void): () => void {
  const hook = { fn, running: false };
  world.hooks.push(hook);
  return () => {
    const at = world.hooks.indexOf(hook);
    if (at !== -1) world.hooks.splice(at, 1);
  };
}

/** Runs fn as `execution`; when its outermost run ends, `onEnd` releases what it held. */
export function runAs<T>(world: World, execution: string, fn: () => T, onEnd: (execution: string) => void): T {
  world.executions.push(execution);
  world.runDepth.set(execution, (world.runDepth.get(execution) ?? 0) + 1);
  try {
    return fn();
  } finally {
    world.executions.pop();
    const depth = (world.runDepth.get(execution) ?? 1) - 1;
    if (depth === 0) {
      world.runDepth.delete(execution);
      onEnd(execution);
    } else {
      world.runDepth.set(execution, depth);
    }
  }
}

const READS = ['getValues', 'getDisplayValues', 'getFormulas', 'getValue', 'getFormula', 'getDisplayValue'].map((m) => `Range.${m}`);
const WRITES = ['Range.setValues', 'Range.setValue', 'Range.setFormulas', 'Range.setFormula', 'Range.sort', 'Sheet.appendRow', 'RangeList.setValue'];

/** The CallLog view of a world's calls. */
export function callLog(world: World): CallLog {
  const matching = (methods: string[] | undefined, filter: { sheet?: string; execution?: string } = {}) =>
    world.calls.filter(
      (call) =>
        (!methods || methods.includes(call.method)) &&
        (filter.sheet === undefined || call.sheet === filter.sheet) &&
        (filter.execution === undefined || call.execution === filter.execution),
    ).length;
  return {
    all: () => world.calls.slice(),
    count: (method, filter) => matching(method === undefined ? undefined : [method], filter),
    reads: (sheet) => matching(READS, { sheet }),
    writes: (sheet) => matching(WRITES, { sheet }),
    byMethod() {
      const counts: Record<string, number> = {};
      for (const call of world.calls) counts[call.method] = (counts[call.method] ?? 0) + 1;
      return counts;
    },
    reset() {
      world.calls.length = 0;
    },
  };
}
