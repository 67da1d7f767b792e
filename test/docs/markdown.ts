/**
 * Reads README.md's code fences and seeded tables for the docs tests.
 *
 * Hidden comments (invisible on GitHub) tell the tests what a fence or table is:
 * - `<!-- test: sheet NAME -->` before a markdown table: the table seeds the sheet NAME;
 * - `<!-- test: library -->` before a ```js fence: the code is a script that added the library;
 * - `<!-- test: file PATH -->` before a fence: the fence is the file PATH of an npm project.
 */

/** One fenced block. */
export interface Fence {
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The `test:` comment right before it, if any (`library`, `file src/main.ts`). */
  marker: string | null;
}

const MARKER = /^<!--\s*test:\s*(.+?)\s*-->$/;

/** The fences of a markdown document, in order. */
export function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  let marker: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const open = /^```(\S*)$/.exec(line);
    if (open) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
      if (i >= lines.length) throw new Error(`README.md:${start + 1}: unclosed code fence`);
      found.push({ lang: open[1], code: body.join('\n'), line: start + 1, marker });
      marker = null;
      continue;
    }
    const hidden = MARKER.exec(line);
    if (hidden) marker = hidden[1];
    else if (line !== '') marker = null;
  }
  return found;
}

function cell(text: string): unknown {
  const value = text.trim();
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** The tables marked `<!-- test: sheet NAME -->`, as sheet name → rows (header first; numbers as numbers). */
export function seededSheets(markdown: string): Record<string, unknown[][]> {
  const lines = markdown.split('\n');
  const sheets: Record<string, unknown[][]> = {};
  lines.forEach((line, i) => {
    const hidden = MARKER.exec(line.trim());
    const name = hidden && /^sheet\s+(.+)$/.exec(hidden[1]);
    if (!name) return;
    const rows: unknown[][] = [];
    for (let j = i + 1; j < lines.length && lines[j].trim().startsWith('|'); j++) {
      const cells = lines[j].trim().replace(/^\||\|$/g, '').split('|');
      if (cells.every((c) => /^\s*:?-+:?\s*$/.test(c))) continue;
      rows.push(rows.length === 0 ? cells.map((c) => c.trim()) : cells.map(cell));
    }
    if (rows.length === 0) throw new Error(`README.md:${i + 1}: "${line.trim()}" is not followed by a table`);
    sheets[name[1]] = rows;
  });
  return sheets;
}
