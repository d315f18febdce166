#!/usr/bin/env node
// `npm test`: everything, in order, stopping at the first failure with its exit code.
//   1. system packages the tests need (chromium, PostgreSQL, fonts)
//   2. lint and format check (Biome)
//   3. type-check
//   4. all test projects (vitest); extra arguments go to vitest, e.g. `npm test -- --project core`
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitestArgs = process.argv.slice(2);
const colour = process.stdout.isTTY && !process.env.NO_COLOR;
/** @param {string} s */
const bold = (s) => (colour ? `\x1b[1m${s}\x1b[22m` : s);
/** @param {string} s */
const red = (s) => (colour ? `\x1b[31m${s}\x1b[39m` : s);
/** @param {string} s */
const green = (s) => (colour ? `\x1b[32m${s}\x1b[39m` : s);

/** @param {string} name */
const bin = (name) => join(root, 'node_modules/.bin', name);

const stages = [
  { title: 'System packages for the tests', command: 'bash', args: ['scripts/ensure-test-deps.sh'] },
  {
    title: 'Lint and format (biome ci)',
    command: bin('biome'),
    args: ['ci', ...(colour ? [] : ['--colors=off']), '.'],
  },
  { title: 'Type-check', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  { title: 'Tests (vitest)', command: bin('vitest'), args: ['run', ...vitestArgs] },
];

const started = Date.now();
/** @param {number} since a Date.now() */
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

for (const [index, stage] of stages.entries()) {
  console.log(
    `\n${bold(`▶ [${index + 1}/${stages.length}] ${stage.title}`)}  ${[stage.command.replace(`${root}/`, ''), ...stage.args].join(' ')}`,
  );
  const stageStarted = Date.now();
  const result = spawnSync(stage.command, stage.args, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(red(`✗ ${stage.title}: could not run ${stage.command}: ${result.error.message}`));
    if (/** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT')
      console.error('  (are the dependencies installed? run: npm ci)');
    process.exit(127);
  }
  const code = result.status ?? (result.signal ? 128 + (constants.signals[result.signal] ?? 0) : 1);
  if (code !== 0) {
    console.error(
      red(
        bold(`\n✗ ${stage.title} failed (${result.signal ?? `exit ${code}`}) after ${seconds(stageStarted)}`),
      ),
    );
    process.exit(code);
  }
  console.log(green(`✓ ${stage.title} (${seconds(stageStarted)})`));
}

console.log(green(bold(`\n✓ All checks passed in ${seconds(started)}`)));
