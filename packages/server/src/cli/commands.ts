import type { readFile as ReadFile, writeFile as WriteFile } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import { importCatalogue } from '../catalogue/import.ts';
import { searchCatalogue } from '../catalogue/search.ts';
import {
  readCatalogueJson,
  readCatalogueWorkbook,
  writeCatalogueJson,
  writeCatalogueWorkbook,
} from '../catalogue/workbook.ts';
import type { Config } from '../config.ts';
import { verifyAuditChain } from '../dossiers/audit-chain.ts';
import { Problem } from '../http/problem.ts';
import { openContext } from '../runtime.ts';
import { seedDemoData } from '../seed/first-start.ts';
import { serve } from '../serve.ts';

interface CommandInput {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  config: () => Config;
  readFile: typeof ReadFile;
  writeFile: typeof WriteFile;
}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(input: CommandInput): Promise<number>;
}

const ENV_NOTE =
  'The database is PGlite under DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set.';

export const commands: Record<string, Command> = {
  serve: {
    summary: 'Migrate, seed an empty database with demo data, and serve the web app and API',
    usage: `Usage: npx motcua serve\n\nServes Motcua on PORT (default 3000). Set SEED_DEMO=false to start empty.\n${ENV_NOTE}`,
    options: {},
    async run({ config }) {
      await serve(config());
      return 0;
    },
  },
  migrate: {
    summary: 'Apply pending database migrations',
    usage: `Usage: npx motcua migrate\n\n${ENV_NOTE}`,
    options: {},
    async run({ config }) {
      const ctx = await openContext(config());
      console.log(
        ctx.migrations.length ? `Applied: ${ctx.migrations.join(', ')}` : 'The database is up to date.',
      );
      await ctx.db.close();
      return 0;
    },
  },
  seed: {
    summary: 'Load the demo organisation, catalogue and accounts into an empty database',
    usage: `Usage: npx motcua seed\n\nDoes nothing when the database already has an organisation.\n${ENV_NOTE}`,
    options: {},
    async run({ config }) {
      const ctx = await openContext(config());
      const result = await seedDemoData(ctx, { count: ctx.config.seedDemoDossiers });
      if (result.seeded) {
        console.log(
          `Seeded ${result.units} units, ${result.procedures} procedures, ${result.users} accounts, ${result.dossiers ?? 0} dossiers.`,
        );
      } else {
        console.log('The database already has data; nothing was seeded.');
      }
      await ctx.db.close();
      return 0;
    },
  },
  'import-catalogue': {
    summary: 'Import procedures from an .xlsx or .json file (all or nothing)',
    usage: `Usage: npx motcua import-catalogue FILE [--publish] [--dry-run] [--lang en]

Imports each procedure as a new procedure or as the new draft of the one with the same agency
and code. --publish also publishes every imported draft. --dry-run checks everything and
imports nothing. Any error and nothing is imported; each error names its sheet and row.
${ENV_NOTE}`,
    options: { publish: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, lang: { type: 'string' } },
    async run({ values, positionals, config, readFile }) {
      const file = positionals[0];
      if (!file) {
        console.error('Missing FILE. Run "npx motcua import-catalogue --help".');
        return 2;
      }
      const locale = values.lang === 'en' ? 'en' : 'vi';
      const data = await readFile(file);
      const isJson = file.toLowerCase().endsWith('.json');
      if (!isJson && !file.toLowerCase().endsWith('.xlsx')) {
        console.error('Only .xlsx or .json files can be imported.');
        return 2;
      }
      const read = isJson ? await readCatalogueJson(data, locale) : await readCatalogueWorkbook(data, locale);
      if (read.errors.length > 0)
        throw new Problem(422, 'import_invalid', { count: read.errors.length }, read.errors);
      const ctx = await openContext(config());
      try {
        const result = await importCatalogue(
          ctx.db,
          read.procedures.map((content, i) => ({
            content,
            sheet: isJson ? 'json' : 'Thủ tục',
            row: read.rows?.[i] ?? i + 2,
          })),
          {
            publish: values.publish === true,
            dryRun: values['dry-run'] === true,
            actorId: null,
            now: ctx.now(),
            locale,
          },
        );
        console.log(
          `${result.dryRun ? 'Dry run: would import' : 'Imported'} ${result.total} procedures ` +
            `(${result.created} new, ${result.updated} updated, ${result.published} published).`,
        );
        return 0;
      } finally {
        await ctx.db.close();
      }
    },
  },
  'verify-audit': {
    summary: 'Check the hash chain of every dossier event and name the first broken one',
    usage: `Usage: npx motcua verify-audit

Recomputes the hash of every dossier event, agency by agency, in order. Exits 0 when the whole
history is intact; otherwise prints the first event that does not verify and exits 1.
${ENV_NOTE}`,
    options: {},
    async run({ config }) {
      const ctx = await openContext(config());
      try {
        const result = await verifyAuditChain(ctx.db);
        if (!result.firstProblem) {
          console.log(`Audit chain intact: ${result.events} events in ${result.agencies} agencies.`);
          return 0;
        }
        const p = result.firstProblem;
        console.error(
          `Audit chain BROKEN at agency ${p.agencyId}, event #${p.chainSeq}${p.eventId ? ` (id ${p.eventId})` : ''}: ${p.reason}. ` +
            `${result.events} events before it verified.`,
        );
        return 1;
      } finally {
        await ctx.db.close();
      }
    },
  },
  'export-catalogue': {
    summary: 'Export the procedures in force to an .xlsx or .json file',
    usage: `Usage: npx motcua export-catalogue FILE [--drafts]

Writes the procedures in force (with --drafts: each procedure's draft where it has one).
The format follows the file's extension: .xlsx or .json.
${ENV_NOTE}`,
    options: { drafts: { type: 'boolean' } },
    async run({ values, positionals, config, writeFile }) {
      const file = positionals[0];
      if (!file || !/\.(xlsx|json)$/i.test(file)) {
        console.error('Give a FILE ending in .xlsx or .json. Run "npx motcua export-catalogue --help".');
        return 2;
      }
      const ctx = await openContext(config());
      try {
        const { rows } = await searchCatalogue(ctx.db, {
          statuses: ['in_force', 'amended', 'draft'],
          page: 1,
          pageSize: 100_000,
        });
        const contents = rows
          .map((r) => (values.drafts ? (r.draft_content ?? r.content) : r.content))
          .filter((c): c is NonNullable<typeof c> => c !== null);
        await writeFile(
          file,
          file.toLowerCase().endsWith('.json')
            ? writeCatalogueJson(contents)
            : await writeCatalogueWorkbook(contents),
        );
        console.log(`Exported ${contents.length} procedures to ${file}.`);
        return 0;
      } finally {
        await ctx.db.close();
      }
    },
  },
};
