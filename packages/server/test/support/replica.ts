/**
 * A streaming replica (hot standby) of a test cluster from `startPostgres`: `pg_basebackup -R`
 * copies the primary into a fresh temporary folder and writes the standby settings, then the copy
 * starts on its own loopback port and follows the primary's WAL. `stop()` deletes it again.
 */
import { spawn } from 'node:child_process';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin, freePort, postgresUserIds, quote, runner, waitForPostgres } from './postgres.ts';

export interface RunningReplica {
  /** postgres:// URL of the replica's `postgres` database (read only). */
  url: string;
  stop(): Promise<void>;
}

export async function startReplica(primaryUrl: string): Promise<RunningReplica> {
  const bin = await findPostgresBin();
  const asPostgresUser = process.getuid?.() === 0;
  const run = runner(asPostgresUser);
  const folder = await mkdtemp(join(tmpdir(), 'motcua-pg-replica-'));
  const dataDir = join(folder, 'data');
  if (asPostgresUser) {
    const { uid, gid } = postgresUserIds();
    await chown(folder, uid, gid);
  }
  const primary = new URL(primaryUrl);
  const pgCtl = join(bin, 'pg_ctl');
  // If this process dies without stop(), a detached watchdog stops the replica and deletes it.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ` +
        `${run.shell(pgCtl, ['stop', '--pgdata', dataDir, '--mode=immediate', '--wait', '--silent'])} >/dev/null 2>&1; ` +
        `rm -rf ${quote(folder)}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  try {
    await run.run(
      join(bin, 'pg_basebackup'),
      [
        '--host=127.0.0.1',
        `--port=${primary.port}`,
        `--username=${primary.username}`,
        `--pgdata=${dataDir}`,
        '--write-recovery-conf',
        '--wal-method=stream',
        '--checkpoint=fast',
        '--no-sync',
      ],
      folder,
    );
    const port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-c port=${port}`,
      `-c unix_socket_directories='${folder}'`,
      // A hot standby needs at least the primary's max_connections (startPostgres sets 300).
      '-c max_connections=300',
      '-c hot_standby=on',
      '-c fsync=off',
      '-c timezone=UTC',
    ].join(' ');
    await run.run(
      pgCtl,
      [
        'start',
        '--pgdata',
        dataDir,
        '--log',
        join(folder, 'replica.log'),
        '--options',
        options,
        '--wait',
        '--timeout=60',
        '--silent',
      ],
      folder,
    );
    const url = `postgres://${primary.username}@127.0.0.1:${port}/postgres`;
    await waitForPostgres(url);
    return {
      url,
      async stop() {
        try {
          await run.run(pgCtl, ['stop', '--pgdata', dataDir, '--mode=fast', '--wait', '--silent'], folder);
        } finally {
          watchdog.kill();
          await rm(folder, { recursive: true, force: true, maxRetries: 3 });
        }
      },
    };
  } catch (err) {
    const log = await readFile(join(folder, 'replica.log'), 'utf8').catch(() => '');
    if (log) (err as Error).message += `\n--- replica.log ---\n${log}`;
    watchdog.kill();
    await run.run(pgCtl, ['stop', '--pgdata', dataDir, '--mode=immediate', '--wait'], folder).catch(() => {});
    await rm(folder, { recursive: true, force: true, maxRetries: 3 });
    throw err;
  }
}
