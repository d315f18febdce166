import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { Problem, type ProblemDetailItem } from '../http/problem.ts';
import { commands } from './commands.ts';

const USAGE = `Motcua: electronic one-stop system (một cửa điện tử)

Usage: npx motcua <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`)
  .join('\n')}

Run "npx motcua <command> --help" for a command's options.
Configuration comes from environment variables (see README): PORT, DATA_DIR, DATABASE_URL, …`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      config: () => loadConfig(),
      readFile,
      writeFile,
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 78; // EX_CONFIG
    }
    if (err instanceof Problem && err.errors) {
      console.error(`${err.code}:`);
      for (const e of err.errors) console.error(`  ${formatError(e)}`);
      return 1;
    }
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

function formatError(e: ProblemDetailItem): string {
  const where = 'sheet' in e ? [e.sheet, `row ${e.row}`, e.column].filter(Boolean).join(', ') : e.path;
  return where ? `${where}: ${String(e.message)}` : String(e.message);
}
