/** Runs after each test: uninstalls the Apps Script stand-in. */
import { cleanup } from './seed';

afterEach(() => cleanup());
