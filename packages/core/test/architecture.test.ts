/**
 * The one-way dependencies of docs/ARCHITECTURE.md, checked on the source files:
 * web → (HTTP API) → server → core, and core does no I/O.
 *
 * - core imports only its own files and the packages it declares in packages/core/package.json,
 *   never Node's modules (web runs core in the browser too), server, web, or database/HTTP libraries;
 * - server never imports from web;
 * - web never imports from server (it talks to it over HTTP); it may import @motcua/core.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Core's type-check has no Node types (core runs in the browser too), so this file reads the
// sources through the TypeScript compiler's own file system helpers rather than node:fs.

/** Collapses '.' and '..' in a '/'-separated path. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '.' && !(part === '' && out.length > 0)) out.push(part);
  }
  return out.join('/');
}

const dirname = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** The repository root: the nearest folder above the working directory holding packages/core. */
function findRoot(): string {
  let dir = ts.sys.getCurrentDirectory().replaceAll('\\', '/');
  while (!ts.sys.fileExists(`${dir}/packages/core/package.json`)) {
    const up = dirname(dir);
    if (!up || up === dir) throw new Error('architecture test: cannot find the repository root');
    dir = up;
  }
  return dir;
}

const ROOT = findRoot();
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

type PackageName = 'core' | 'server' | 'web';

interface SourceImport {
  /** Path from the repository root. */
  file: string;
  line: number;
  specifier: string;
}

/** Every import, export-from, dynamic import() and require() of one source text. */
function importsOf(file: string, text: string): SourceImport[] {
  const info = ts.preProcessFile(text, true, true);
  const lineOf = (pos: number) => text.slice(0, pos).split('\n').length;
  return info.importedFiles.map((ref) => ({ file, line: lineOf(ref.pos), specifier: ref.fileName }));
}

function importsOfPackage(pkg: PackageName): SourceImport[] {
  const src = `${ROOT}/packages/${pkg}/src`;
  if (!ts.sys.directoryExists(src)) return [];
  return ts.sys
    .readDirectory(src, SOURCE_EXTENSIONS)
    .filter((abs) => !abs.endsWith('.d.ts'))
    .sort()
    .flatMap((abs) => importsOf(abs.slice(ROOT.length + 1), ts.sys.readFile(abs) ?? ''));
}

// Node's built-in modules (node:module's builtinModules), each also reachable as 'node:<name>'.
const NODE_BUILTINS = new Set(
  (
    'assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns ' +
    'domain events fs http http2 https inspector module net os path perf_hooks process punycode querystring ' +
    'readline repl stream string_decoder sys timers tls trace_events tty url util v8 vm wasi worker_threads zlib'
  ).split(' '),
);
const isNodeBuiltin = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0] ?? s);

/** Libraries that do I/O (databases, HTTP, mail, files, documents) or render UI: never in core. */
const IO_PACKAGES = [
  'pg',
  'postgres',
  '@electric-sql/pglite',
  'pg-boss',
  'kysely',
  'drizzle-orm',
  'fastify',
  '@fastify/',
  'fastify-',
  'undici',
  'ws',
  'nodemailer',
  'openid-client',
  'exceljs',
  'docx',
  'pdfmake',
  'pdf-lib',
  'react',
  'react-dom',
  'vite',
];

const isRelative = (s: string) => s.startsWith('./') || s.startsWith('../');
const isAbsolute = (s: string) => s.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s) || s.startsWith('file:');

/** The package name of a bare specifier: 'a/b' → 'a', '@s/a/b' → '@s/a'. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const matchesPackage = (specifier: string, name: string) =>
  name.endsWith('/') || name.endsWith('-')
    ? specifier.startsWith(name)
    : specifier === name || specifier.startsWith(`${name}/`);

/** The workspace package a path (relative to the root) falls in, if any. */
function packageAt(path: string): PackageName | undefined {
  const match = /^packages\/(core|server|web)(\/|$)/.exec(path);
  return match?.[1] as PackageName | undefined;
}

function where(i: SourceImport): string {
  return `${i.file}:${i.line} imports '${i.specifier}'`;
}

/** The rule broken by one import of `pkg`, or undefined. */
function breach(pkg: PackageName, i: SourceImport, coreDependencies: readonly string[]): string | undefined {
  const s = i.specifier;
  const resolved = isRelative(s) ? normalise(`${dirname(i.file)}/${s}`) : undefined;
  const target = resolved === undefined ? undefined : packageAt(resolved);
  const outside = resolved !== undefined && target !== pkg;
  const mentions = (other: PackageName) =>
    matchesPackage(s, `@motcua/${other}`) ||
    s.includes(`packages/${other}/`) ||
    (outside && target === other);

  if (pkg === 'core') {
    if (mentions('server') || mentions('web')) return `${where(i)}: core must not depend on server or web`;
    if (isAbsolute(s)) return `${where(i)}: core imports by relative path or package name only`;
    if (outside) return `${where(i)}: core must not reach outside packages/core`;
    if (isRelative(s)) return undefined;
    if (isNodeBuiltin(s)) {
      return `${where(i)}: core does no I/O and runs in the browser too, so no Node modules`;
    }
    if (IO_PACKAGES.some((name) => matchesPackage(s, name))) return `${where(i)}: core does no I/O`;
    if (!coreDependencies.includes(packageOf(s))) {
      return `${where(i)}: core may only use packages declared in packages/core/package.json`;
    }
    return undefined;
  }
  if (pkg === 'server' && mentions('web')) {
    return `${where(i)}: server must not depend on web`;
  }
  if (pkg === 'web' && mentions('server')) {
    return `${where(i)}: web talks to server only over the HTTP API, it must not import it`;
  }
  return undefined;
}

function coreDependencies(): string[] {
  const manifest = JSON.parse(ts.sys.readFile(`${ROOT}/packages/core/package.json`) ?? '{}') as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
}

describe('architecture: dependencies point one way', () => {
  const deps = coreDependencies();

  it.each(['core', 'server', 'web'] as const)('%s/src imports only what it may', (pkg) => {
    const breaches = importsOfPackage(pkg)
      .map((i) => breach(pkg, i, deps))
      .filter((b): b is string => b !== undefined);
    expect(breaches, `\n${breaches.join('\n')}\n`).toEqual([]);
  });

  it('sees the imports it checks', () => {
    // Guards against a scanner that silently finds nothing.
    const core = importsOfPackage('core');
    expect(core.length).toBeGreaterThan(0);
    expect(core.some((i) => i.file === 'packages/core/src/index.ts' && isRelative(i.specifier))).toBe(true);
  });

  it('finds every form of import, with its line', () => {
    const text = [
      "import a from 'node:fs';",
      "import type { B } from '@motcua/server';",
      "export * from '../../web/src/app.ts';",
      '// a comment: not an import',
      "const c = await import('pg');",
      "import './side-effect.ts';",
    ].join('\n');
    expect(importsOf('packages/core/src/x.ts', text).map((i) => `${i.line} ${i.specifier}`)).toEqual([
      '1 node:fs',
      '2 @motcua/server',
      '3 ../../web/src/app.ts',
      '5 pg',
      '6 ./side-effect.ts',
    ]);
  });

  it('names the file and the import of each breach', () => {
    const at = (file: string, specifier: string): SourceImport => ({ file, line: 3, specifier });
    const core = (s: string, file = 'packages/core/src/dossier/state.ts') =>
      breach('core', at(file, s), ['zod']);

    expect(core('node:fs')).toBe(
      "packages/core/src/dossier/state.ts:3 imports 'node:fs': core does no I/O and runs in the browser too, so no Node modules",
    );
    for (const bad of [
      'fs',
      'node:child_process',
      'http',
      'node:net',
      'pg',
      '@electric-sql/pglite',
      '@electric-sql/pglite/contrib/unaccent',
      '@motcua/server',
      '@motcua/web/src/x.ts',
      '../../../server/src/db/database.ts',
      '../../../../scripts/x.mjs',
      '/etc/passwd',
      'left-pad',
    ]) {
      expect(core(bad), bad).toMatch(/^packages\/core\/src\/dossier\/state\.ts:3 imports '.+': core /);
    }
    for (const good of ['zod', 'zod/mini', './transitions.ts', '../calendar/lunar.ts']) {
      expect(core(good), good).toBeUndefined();
    }

    const server = (s: string) => breach('server', at('packages/server/src/app.ts', s), []);
    expect(server('@motcua/web')).toBe(
      "packages/server/src/app.ts:3 imports '@motcua/web': server must not depend on web",
    );
    expect(server('../../web/src/pages/home.tsx')).toMatch(/server must not depend on web/);
    for (const good of ['@motcua/core', 'node:fs', 'pg', './db/database.ts']) {
      expect(server(good), good).toBeUndefined();
    }

    const web = (s: string) => breach('web', at('packages/web/src/api/client.ts', s), []);
    expect(web('@motcua/server')).toMatch(
      /^packages\/web\/src\/api\/client\.ts:3 imports '@motcua\/server': web /,
    );
    expect(web('../../../server/src/db/database.ts')).toMatch(/web talks to server only over the HTTP API/);
    for (const good of ['@motcua/core', 'react', './types.ts']) {
      expect(web(good), good).toBeUndefined();
    }
  });
});
