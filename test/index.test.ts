/** sheetorm's public surface. */
import fs from 'node:fs';
import path from 'node:path';
import { VERSION } from '../src';

describe('VERSION', () => {
  it("is the package's version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
