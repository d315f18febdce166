/**
 * Global setup of the `e2e` test project: builds the web app when its bundle is missing or older
 * than its sources, starts a test mailbox (a real SMTP server, read over HTTP) and a real OpenID
 * provider standing in for VNeID, then starts the real server (`motcua serve`) on a free loopback
 * port with a fresh data folder (so a fresh embedded database), sending its email to the mailbox and
 * signing citizens in at the provider. The tests get `inject('baseUrl')`, `inject('mailUrl')` and
 * `inject('citizens')`. The teardown stops the server, the provider and the mailbox and deletes the folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startMailbox } from './mailbox.ts';
import { startOidcProvider } from './oidc-provider.ts';
import { TEST_PEOPLE, type TestPerson } from './people.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the server under test. */
    baseUrl: string;
    /** http://127.0.0.1:<port> of the test mailbox: GET /messages?to=<address> (see mailbox.ts). */
    mailUrl: string;
    /** The people the test OpenID provider signs in (see people.ts). */
    citizens: TestPerson[];
  }
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WEB = join(ROOT, 'packages/web');
const HEALTH_TIMEOUT_MS = 120_000;

const log = (message: string) => process.stderr.write(`[e2e] ${message}\n`);

/** Newest modification time of the files under `path` (a file or a folder), skipping build output. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** The web bundle is stale when any source of it (web itself, or core, which it bundles) is newer. */
function webBuildIsStale(): boolean {
  const built = join(WEB, 'dist/index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(WEB),
    newestMtime(join(ROOT, 'packages/core/src')),
    newestMtime(join(ROOT, 'packages/core/package.json')),
  );
  return sources > statSync(built).mtimeMs;
}

/** Runs a command in the repository root; on failure rejects with its output. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** Keeps the last `limit` characters of a stream, for error messages. */
function tail(limit = 20_000) {
  let text = '';
  return {
    push(chunk: Buffer) {
      text = (text + chunk.toString('utf8')).slice(-limit);
    },
    get text() {
      return text;
    },
  };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (webBuildIsStale()) {
    log('building the web app (npm run build -w @motcua/web) …');
    const started = Date.now();
    await run('npm', ['run', 'build', '-w', '@motcua/web']);
    log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const mailbox = await startMailbox();
  const oidcCallback = `${baseUrl}/api/v1/citizen/auth/oidc/callback`;
  const provider = await startOidcProvider(oidcCallback);
  // A fresh embedded database in dataDir: never a DATABASE_URL inherited from the shell.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const server = spawn(process.execPath, [join(ROOT, 'packages/server/bin/motcua.mjs'), 'serve'], {
    cwd: ROOT,
    // A smaller demo office than the default keeps the start quick; the pages still show a working office.
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO_DOSSIERS: '60',
      // Every test file signs in through the one server from the same address: the per-address
      // sign-in limit (10 a minute by default, tested in the server's auth tests) would refuse them.
      LOGIN_RATE_PER_MINUTE: '1000',
      CITIZEN_CODE_RATE_PER_MINUTE: '1000',
      PUBLIC_URL: baseUrl,
      // Every notification goes to the test mailbox, delivered within a second or two.
      SMTP_URL: mailbox.smtpUrl,
      MAIL_FROM: 'Bộ phận Một cửa <motcua@e2e.example.vn>',
      NOTIFY_INTERVAL_SECONDS: '1',
      // Citizens sign in with "VNeID" at the test OpenID provider.
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URL: oidcCallback,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = tail();
  const stdout = tail();
  server.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  server.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  let spawnError: Error | undefined;
  server.on('error', (err) => {
    spawnError = err;
  });

  // If this process dies without running the teardown, a detached watchdog stops the server and
  // deletes its data folder.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; kill ${server.pid ?? 0} 2>/dev/null; sleep 3; rm -rf '${dataDir}'`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      if (!(await waitForExit(server, 15_000))) {
        log('server did not exit 15 s after SIGTERM; killing it');
        server.kill('SIGKILL');
        await waitForExit(server, 5_000);
      }
    }
    watchdog.kill();
    await provider.close();
    await mailbox.close();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  for (;;) {
    const exited = server.exitCode !== null || server.signalCode !== null || spawnError;
    if (exited || Date.now() > deadline) {
      await stop();
      const why = spawnError
        ? `could not be started: ${spawnError.message}`
        : exited
          ? `exited (${server.signalCode ?? `code ${server.exitCode}`}) before answering`
          : `did not answer GET /api/health with 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${lastProblem})`;
      throw new Error(
        `The server (node packages/server/bin/motcua.mjs serve, ${baseUrl}) ${why}.\n` +
          `--- server stderr ---\n${stderr.text || '(empty)'}\n--- server stdout ---\n${stdout.text || '(empty)'}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) break;
      lastProblem = `HTTP ${response.status}`;
    } catch (err) {
      lastProblem = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  project.provide('baseUrl', baseUrl);
  project.provide('mailUrl', mailbox.httpUrl);
  project.provide(
    'citizens',
    TEST_PEOPLE.map((person) => ({ ...person })),
  );
  return stop;
}
