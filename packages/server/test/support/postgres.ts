/**
 * A throwaway PostgreSQL cluster for tests: created in a fresh temporary folder, listening only on
 * 127.0.0.1 (and a unix socket inside that folder), and deleted again on `stop()`.
 *
 * PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to the
 * `postgres` OS user (which Debian's package creates) and its commands run through `runuser`.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface RunningPostgres {
  /** postgres:// URL of the cluster's `postgres` database, as superuser `motcua` (trust auth). */
  url: string;
  /** Stops the server at once, as a crash would (`pg_ctl stop -m immediate`); its files stay. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and files, after `kill()`. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /**
   * Wait for the commit record to be written before a commit returns (synchronous_commit on), so
   * that an acknowledged commit survives `kill()`. Off by default: faster, and enough when the
   * server is only ever stopped cleanly.
   */
  durableCommits?: boolean;
  /** More server settings (`-c name=value`), e.g. the benchmark's memory for a large database. */
  serverSettings?: Record<string, string>;
}

const SUPERUSER = 'motcua';
const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The `bin` folder of the newest PostgreSQL installed under /usr/lib/postgresql. */
export async function findPostgresBin(): Promise<string> {
  const versions = existsSync(POSTGRES_ROOT) ? await readdir(POSTGRES_ROOT) : [];
  const usable = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(POSTGRES_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  if (usable.length === 0) {
    throw new Error(
      `No PostgreSQL found under ${POSTGRES_ROOT}/<version>/bin. Run: bash scripts/ensure-test-deps.sh`,
    );
  }
  return join(POSTGRES_ROOT, usable[0]!, 'bin');
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

export interface Runner {
  /** Runs a PostgreSQL program as the user that owns the cluster; rejects with its output. */
  run(program: string, args: string[], cwd: string): Promise<string>;
  /** The same command line for a shell (used by the clean-up watchdog). */
  shell(program: string, args: string[]): string;
}

export const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

export function runner(asPostgresUser: boolean): Runner {
  const argv = (program: string, args: string[]): [string, string[]] =>
    asPostgresUser ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  return {
    run(program, args, cwd) {
      const [file, fileArgs] = argv(program, args);
      return new Promise((resolve, reject) => {
        execFile(file, fileArgs, { cwd, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
          if (err) {
            reject(new Error(`${program} failed: ${err.message}\n${stdout}\n${stderr}`.trim()));
          } else {
            resolve(stdout);
          }
        });
      });
    },
    shell(program, args) {
      const [file, fileArgs] = argv(program, args);
      return [file, ...fileArgs].map(quote).join(' ');
    },
  };
}

export function postgresUserIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'Running as root, and PostgreSQL refuses to run as root, but there is no `postgres` OS user to run it as. ' +
        'Install Debian postgresql (bash scripts/ensure-test-deps.sh) or run the tests as a normal user.',
    );
  }
}

/** Resolves once `url` accepts a connection and answers a query, or rejects after `timeoutMs`. */
export async function waitForPostgres(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL at ${url} did not accept connections: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Starts a new cluster. Startup takes a couple of seconds (initdb is most of it). The cluster is
 * tuned for tests, not durability: fsync and synchronous commit are off.
 */
export async function startPostgres(settings: PostgresOptions = {}): Promise<RunningPostgres> {
  const bin = await findPostgresBin();
  const asPostgresUser = process.getuid?.() === 0;
  const run = runner(asPostgresUser);
  const folder = await mkdtemp(join(tmpdir(), 'motcua-pg-'));
  const dataDir = join(folder, 'data');
  const logFile = join(folder, 'postgres.log');
  if (asPostgresUser) {
    const { uid, gid } = postgresUserIds();
    await chown(folder, uid, gid);
  }

  // If this process dies without calling stop() (a crash, a kill), a detached watchdog stops the
  // cluster and deletes its folder, so that no orphan postgres keeps running.
  let watchdog: ReturnType<typeof spawn> | undefined;
  const removeFolder = () => rm(folder, { recursive: true, force: true, maxRetries: 3 });

  try {
    await run.run(
      join(bin, 'initdb'),
      [
        '--pgdata',
        dataDir,
        '--auth=trust',
        `--username=${SUPERUSER}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
        '--no-instructions',
      ],
      folder,
    );

    const pgCtl = join(bin, 'pg_ctl');
    const stopArgs = ['stop', '--pgdata', dataDir, '--mode=fast', '--wait', '--timeout=30', '--silent'];
    watchdog = spawn(
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

    // The port is free when picked but another process may take it first: try a few times.
    let url = '';
    let port = 0;
    const startOn = (port: number) => {
      const options = [
        '-c listen_addresses=127.0.0.1',
        `-c port=${port}`,
        `-c unix_socket_directories='${folder}'`,
        '-c max_connections=300',
        '-c fsync=off',
        `-c synchronous_commit=${settings.durableCommits ? 'on' : 'off'}`,
        '-c full_page_writes=off',
        '-c timezone=UTC',
        ...Object.entries(settings.serverSettings ?? {}).map(([name, value]) => `-c ${name}=${value}`),
      ].join(' ');
      return run.run(
        pgCtl,
        [
          'start',
          '--pgdata',
          dataDir,
          '--log',
          logFile,
          '--options',
          options,
          '--wait',
          '--timeout=60',
          '--silent',
        ],
        folder,
      );
    };
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await startOn(port);
        url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
        break;
      } catch (err) {
        const log = await readFile(logFile, 'utf8').catch(() => '');
        if (attempt < 3 && /could not bind|Address already in use/i.test(log)) continue;
        throw new Error(`${(err as Error).message}\n--- postgres.log ---\n${log}`);
      }
    }
    await waitForPostgres(url);

    let stopped = false;
    return {
      url,
      async kill() {
        await run.run(pgCtl, ['stop', '--pgdata', dataDir, '--mode=immediate', '--wait', '--silent'], folder);
      },
      async restart() {
        await startOn(port);
        await waitForPostgres(url);
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await run.run(pgCtl, stopArgs, folder);
        } finally {
          watchdog?.kill();
          await removeFolder();
        }
      },
    };
  } catch (err) {
    watchdog?.kill();
    const pid = join(dataDir, 'postmaster.pid');
    if (existsSync(pid)) {
      await run
        .run(join(bin, 'pg_ctl'), ['stop', '--pgdata', dataDir, '--mode=immediate', '--wait'], folder)
        .catch(() => {});
    }
    await removeFolder();
    throw err;
  }
}

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a new empty database on the server of `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!DATABASE_NAME.test(name)) throw new Error(`Not a safe database name: ${name}`);
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`),
  );
  return withDatabase(adminUrl, name);
}

/** Drops a database made by `createDatabase`, closing whatever connections are still open to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!DATABASE_NAME.test(name)) throw new Error(`Not a safe database name: ${name}`);
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
