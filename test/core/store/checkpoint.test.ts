import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdleCheckpointer } from '../../../core/store/checkpoint.js';
import { openDatabase } from '../../../core/store/db.js';
import { tempDir } from '../../helpers/core.js';

let cleanup = () => {};
afterEach(() => cleanup());

function storeWithOneMegabyteInTheLog() {
  const t = tempDir();
  cleanup = t.cleanup;
  const file = path.join(t.dir, 'packdesk.db');
  const db = openDatabase(file, 1);
  const checkpointer = new IdleCheckpointer(db, { idleMs: 20, maxDelayMs: 10_000 });
  const dbSize = () => fs.statSync(file).size;
  const before = dbSize();
  db.prepare("INSERT INTO settings (key, value) VALUES ('blob', ?)").run('x'.repeat(1 << 20));
  return { db, checkpointer, dbSize, before, wal: `${file}-wal` };
}

describe('IdleCheckpointer', () => {
  it('leaves committed pages in the log until the store goes quiet', async () => {
    const { db, checkpointer, dbSize, before } = storeWithOneMegabyteInTheLog();
    expect(dbSize()).toBe(before); // no automatic checkpoint inside the commit
    checkpointer.touch();
    await new Promise((r) => setTimeout(r, 100));
    expect(dbSize()).toBeGreaterThan(before + (1 << 20) - 1);
    db.close();
  });

  it('keeps postponing while activity goes on, until the longest delay', async () => {
    const { db, checkpointer, dbSize, before } = storeWithOneMegabyteInTheLog();
    const t0 = Date.now();
    checkpointer.touch(t0);
    await new Promise((r) => setTimeout(r, 10));
    checkpointer.touch(t0 + 10);
    expect(dbSize()).toBe(before);
    checkpointer.touch(t0 + 10_001); // past maxDelayMs: run at once
    await new Promise((r) => setTimeout(r, 5));
    expect(dbSize()).toBeGreaterThan(before + (1 << 20) - 1);
    db.close();
  });

  it('empties the log on close', () => {
    const { db, checkpointer, wal } = storeWithOneMegabyteInTheLog();
    expect(fs.statSync(wal).size).toBeGreaterThan(1 << 20);
    checkpointer.close();
    expect(fs.statSync(wal).size).toBe(0);
    db.close();
  });
});
