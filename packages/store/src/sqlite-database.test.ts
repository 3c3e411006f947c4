import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteDatabase } from './sqlite-database.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

test('weir.db and its -wal and -shm files are readable by their owner only, whatever the umask', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'weir-sqlite-'));
  const previousUmask = process.umask(0o022);
  try {
    const path = join(dir, 'data', 'weir.db');
    const db = new SqliteDatabase(path);
    await db.execute('CREATE TABLE t (x INTEGER)');
    await db.execute('INSERT INTO t (x) VALUES ($1)', [1]);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      assert.ok(existsSync(file), `${file} exists while the store is open`);
      assert.equal(modeOf(file).toString(8), '600', file);
    }
    assert.equal(modeOf(join(dir, 'data')).toString(8), '700');
    await db.close();
  } finally {
    process.umask(previousUmask);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store file left world-readable by an older Weir is narrowed to 0600 on open', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'weir-sqlite-'));
  try {
    const path = join(dir, 'weir.db');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const db = new SqliteDatabase(path);
    assert.equal(modeOf(path).toString(8), '600');
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
