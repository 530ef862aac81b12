/**
 * Runs one export in a process of its own, for tests of folders that could hang it: the parent
 * kills it when it does not finish, which an in-process test could not do to a blocked thread.
 * argv: database path, export folder, file to import first. Prints the outcome as JSON.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createCore } from '../../../core/core.js';
import { fixedClock } from '../../../core/domain/clock.js';
import { exportFileName } from '../../../core/features/exporting.js';
import { T0 } from '../../helpers/core.js';

const [dbPath, dir, orders, pipeAt] = process.argv.slice(2) as [string, string, string, string | undefined];
const core = createCore({ dbPath, clock: fixedClock(T0), log: { error: () => {} } });
await core.dispatch('import.orders', { path: orders });
// A pipe where the export's temporary file goes: opening it to write waits for a reader forever.
if (pipeAt === 'pipe') execFileSync('mkfifo', [path.join(dir, `${exportFileName(T0, 0)}.partial`)]);
const res = await core.dispatch('export.orders', { dir, from: 0 });
core.close();
process.stdout.write(JSON.stringify(res));
