import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../../core/api/dispatch.js';
import type { InputArg, Method, Result } from '../../core/api/contract.js';
import { createCore, type Core, type CoreOptions } from '../../core/core.js';
import { fixedClock } from '../../core/domain/clock.js';

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'packdesk-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** 2026-11-26 09:00 UTC: a fixed "now" so deadlines in tests are exact. */
export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

export interface TestCore extends Core {
  clock: ReturnType<typeof fixedClock>;
  dbPath: string;
  dir: string;
  /** Calls a method through dispatch; resolves with the result or rejects with PackdeskError. */
  call<M extends Method>(method: M, input: InputArg<M>): Promise<Result<M>>;
  dispose(): void;
}

/** A core on a real SQLite file in a temp folder, with a clock the test moves. */
export function testCore(start = T0, opts: Partial<Omit<CoreOptions, 'dbPath' | 'clock'>> = {}): TestCore {
  const { dir, cleanup } = tempDir();
  const clock = fixedClock(start);
  const dbPath = path.join(dir, 'packdesk.db');
  const core = createCore({ dbPath, clock, log: { error: () => {} }, ...opts });
  return {
    ...core,
    clock,
    dbPath,
    dir,
    call: (method, input) => call(core.dispatch, method, input),
    dispose: () => {
      core.close();
      cleanup();
    },
  };
}
