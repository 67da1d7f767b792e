/** The in-memory state behind one createAppsScript() environment. */
import type { CallInfo } from './types';
import type { Scalar } from './parse';

/** One cell: its content (a value or a formula) and its formatting. */
export interface Cell {
  value?: Scalar;
  formula?: string;
  /** The number format. */
  format?: string;
  /**
   * Set when a Date was written to a cell without a number format: Sheets gives it a date format
   * then, so a number written there later reads back as a Date too.
   */
  dated?: true;
  /** Font weight bold (normal when absent). */
  bold?: true;
  /** Background colour as lowercase '#rrggbb' ('#ffffff' when absent). */
  background?: string;
}

/** The formatting fields of a cell: what clear({formatOnly}) empties and inserted rows copy. */
export const FORMAT_KEYS = ['format', 'dated', 'bold', 'background'] as const;

/** One sheet (tab) of a spreadsheet. */
export interface SheetData {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  /** Sparse: rows[r - 1][c - 1]. */
  rows: Array<Array<Cell | undefined> | undefined>;
  book: BookData;
  deleted: boolean;
}

/** One spreadsheet file. */
export interface BookData {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetData[];
  active: SheetData;
  world: World;
}

/** A mutual-exclusion lock shared by simulated executions. */
export interface Mutex {
  holder?: string;
}

/** A cache entry with its expiry on the fake clock. */
export interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** A beforeCall hook with its own re-entrancy guard. */
export interface Hook {
  fn: (call: CallInfo) => void;
  running: boolean;
}

/** Everything one environment simulates. */
export interface World {
  books: Map<string, BookData>;
  active: BookData;
  timeZone: string;
  now: number;
  calls: CallInfo[];
  hooks: Hook[];
  executions: string[];
  runDepth: Map<string, number>;
  mutexes: Map<string, Mutex>;
  caches: Map<string, Map<string, CacheEntry>>;
  properties: Map<string, Map<string, string>>;
  logs: string[];
}

/** The simulated execution making calls right now ("main" outside any run). */
export function currentExecution(world: World): string {
  return world.executions.length ? world.executions[world.executions.length - 1] : 'main';
}
