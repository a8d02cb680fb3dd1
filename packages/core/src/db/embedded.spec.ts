import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedPassword, sharedBuffersMb, unreachableAncestor } from './embedded.js';

const GB = 1024 ** 3;

describe('the embedded PostgreSQL page cache', () => {
  it('takes a quarter of the machine, at least PostgreSQL’s default and at most 8 GB', () => {
    expect(sharedBuffersMb(0, 24 * GB)).toBe(6144);
    expect(sharedBuffersMb(0, 256 * GB)).toBe(8192);
    expect(sharedBuffersMb(0, 0.25 * GB)).toBe(128);
  });

  it('follows the setting when there is one', () => {
    expect(sharedBuffersMb(512, 24 * GB)).toBe(512);
  });
});

describe('the embedded PostgreSQL’s password and folder', () => {
  it('generates the password per data folder and keeps it there, never a published constant', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sl-pg-'));
    const first = embeddedPassword({ DATA_DIR: dir });
    expect(first.previous).toBeUndefined();
    expect(first.password).toMatch(/^[0-9a-f]{48}$/);
    expect(statSync(path.join(dir, 'postgres-password')).mode & 0o777).toBe(0o600);
    expect(embeddedPassword({ DATA_DIR: dir }).password).toBe(first.password);
    expect(embeddedPassword({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sl-pg-')) }).password).not.toBe(
      first.password,
    );
    expect(embeddedPassword({ DATA_DIR: dir, EMBEDDED_PG_PASSWORD: 'configured-one' }).password).toBe(
      'configured-one',
    );
  });

  it('moves a cluster of an earlier version off its fixed password, keeping the new one only after', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sl-pg-'));
    mkdirSync(path.join(dir, 'postgres'));
    writeFileSync(path.join(dir, 'postgres', 'PG_VERSION'), '18\n');
    const moved = embeddedPassword({ DATA_DIR: dir });
    expect(moved.previous).toBeTruthy();
    expect(moved.previous).not.toBe(moved.password);
    expect(existsSync(path.join(dir, 'postgres-password'))).toBe(false);
    moved.keep!();
    expect(embeddedPassword({ DATA_DIR: dir })).toEqual({ password: moved.password });
  });

  it('finds the folder the `postgres` user cannot pass (a home folder of mode 700), for a clear message as root', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'sl-home-'));
    chmodSync(home, 0o700);
    expect(await unreachableAncestor(path.join(home, '.data', 'postgres'))).toBe(home);
    chmodSync(home, 0o755);
    expect(await unreachableAncestor(path.join(home, '.data', 'postgres'))).toBeNull();
  });
});
