import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as tar from 'tar';

/** Folders PostgreSQL rebuilds or fills at start: kept in the archive, but empty. */
const KEPT_EMPTY = [
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
];

/**
 * What PostgreSQL's documentation says to leave out of a file-level backup: files of the running
 * server, and the contents of the folders above (the WAL comes separately, after the copy).
 */
const EXCLUDED = new Set(['postmaster.pid', 'postmaster.opts', 'pg_internal.init', ...KEPT_EMPTY]);

/** True when a PostgreSQL server is running on the cluster folder (its lock file names a live process). */
export async function clusterRunning(clusterDir: string): Promise<boolean> {
  const lock = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(lock)) return false;
  const pid = Number((await readFile(lock, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An online backup of the embedded cluster with PostgreSQL's own low-level backup API
 * (`pg_backup_start` / `pg_backup_stop`): the files are copied while the server runs, a temporary
 * replication slot keeps every WAL segment written meanwhile, and the archive holds the
 * `backup_label` that makes PostgreSQL replay that WAL to a consistent state when it starts from
 * the restored folder. Writes a gzipped tar.
 */
export async function backupCluster(options: {
  clusterDir: string;
  serverUrl: string;
  file: string;
}): Promise<void> {
  const clusterDir = path.resolve(options.clusterDir);
  const client = new pg.Client({ connectionString: options.serverUrl });
  await client.connect();
  const staging = `${options.file}.partial`;
  try {
    // Reserves WAL from now on for as long as this session lives, as pg_basebackup does.
    await client.query(
      `SELECT pg_create_physical_replication_slot('sl_backup_' || pg_backend_pid(), true, true)`,
    );
    await client.query(`SELECT pg_backup_start(label => 'supported-living backup', fast => true)`);
    const entries = (await readdir(clusterDir)).filter((name) => !EXCLUDED.has(name));
    let stopped = false;
    try {
      await tar.create(
        {
          gzip: true,
          file: staging,
          cwd: clusterDir,
          portable: true,
          filter: (entryPath) =>
            !path.basename(entryPath).startsWith('pgsql_tmp') &&
            path.basename(entryPath) !== 'pg_internal.init',
        },
        entries,
      );
      const { rows } = await client.query<{ labelfile: string; spcmapfile: string | null }>(
        'SELECT labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => false)',
      );
      stopped = true;
      // The WAL from the start of the copy to its end, and the label that says where to replay from.
      await appendToArchive(staging, clusterDir, rows[0]!.labelfile, rows[0]!.spcmapfile);
    } finally {
      if (!stopped) await client.query('SELECT pg_backup_stop(wait_for_archive => false)').catch(() => {});
    }
    await rename(staging, options.file);
  } finally {
    await client.end();
  }
}

/**
 * tar cannot append to a gzipped archive, so the first pass is rewritten with the WAL segments and
 * the backup label added: read back, then written again with the extra entries.
 */
async function appendToArchive(
  archive: string,
  clusterDir: string,
  label: string,
  tablespaceMap: string | null,
): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'sl-backup-'));
  try {
    await tar.extract({ file: archive, cwd: work });
    for (const dir of KEPT_EMPTY) await mkdir(path.join(work, dir), { recursive: true });
    const walDir = path.join(clusterDir, 'pg_wal');
    for (const name of await readdir(walDir)) {
      if (/^[0-9A-F]{24}$/.test(name)) await cp(path.join(walDir, name), path.join(work, 'pg_wal', name));
    }
    await writeFile(path.join(work, 'backup_label'), label);
    if (tablespaceMap) await writeFile(path.join(work, 'tablespace_map'), tablespaceMap);
    await tar.create({ gzip: true, file: archive, cwd: work, portable: true }, await readdir(work));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Puts a backup in place of the (stopped) cluster. The current folder is kept beside it, renamed,
 * so a restore is never the only copy of anything. Files get the owner of the folder they replace
 * (the `postgres` user when the program runs as root).
 */
export async function restoreCluster(options: {
  clusterDir: string;
  file: string;
  now?: Date;
}): Promise<string | null> {
  const clusterDir = path.resolve(options.clusterDir);
  if (await clusterRunning(clusterDir)) {
    throw new Error(
      'The database is running: stop the system (Ctrl-C or SIGTERM) before restoring a backup.',
    );
  }
  if (!existsSync(options.file)) throw new Error(`No backup file at ${options.file}`);
  let previous: string | null = null;
  let owner: { uid: number; gid: number } | null = null;
  if (existsSync(clusterDir)) {
    const info = await stat(clusterDir);
    owner = { uid: info.uid, gid: info.gid };
    previous = `${clusterDir}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(clusterDir, previous);
  }
  await mkdir(clusterDir, { recursive: true });
  await tar.extract({ file: options.file, cwd: clusterDir });
  await chmod(clusterDir, 0o700);
  if (owner && process.getuid?.() === 0) await chownTree(clusterDir, owner.uid, owner.gid);
  return previous;
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid, gid);
    else await chown(full, uid, gid);
  }
}

/** A database on a server of its own (DATABASE_URL): PostgreSQL's pg_dump / pg_restore. */
export function dumpDatabase(url: string, file: string): Promise<void> {
  return run('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${url}`]);
}

export function restoreDatabase(url: string, file: string): Promise<void> {
  return run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    `--dbname=${url}`,
    file,
  ]);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error) =>
      reject(
        new Error(
          `${command} could not be started (${(error as NodeJS.ErrnoException).code}): install PostgreSQL's client tools of the server's major version`,
        ),
      ),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}
