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
import { describeProblem, verifyAuditChain } from '../dossiers/audit-chain.ts';
import {
  configuredPublicKeys,
  fingerprintOf,
  generateSigningKeyPem,
  loadSigningKey,
  parsePublicKey,
  parseSigningKey,
} from '../dossiers/audit-key.ts';
import { describeImportProblem } from '../history-import/describe.ts';
import { type ImportProblem, importHistory } from '../history-import/replay.ts';
import { Problem } from '../http/problem.ts';
import { writeCheckpoints } from '../jobs/audit-checkpoint.ts';
import { configuredChannels, workerName } from '../notifications/start.ts';
import { deliverNotifications } from '../notifications/worker.ts';
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
  'send-notifications': {
    summary: 'Deliver the notifications due in the outbox (email over SMTP_URL)',
    usage: `Usage: npx motcua send-notifications --once

Delivers every notification due now through the configured channels, then exits. Safe to run
beside the server: each message is claimed by one worker only. Needs SMTP_URL (and MAIL_FROM).
${ENV_NOTE}`,
    options: { once: { type: 'boolean' } },
    async run({ values, config }) {
      if (!values.once) {
        console.error('Only --once is supported; the server delivers continuously when SMTP_URL is set.');
        return 2;
      }
      const cfg = config();
      const channels = configuredChannels(cfg);
      if (channels.length === 0) {
        console.error('SMTP_URL is not set: there is no channel to send through.');
        return 78;
      }
      const ctx = await openContext(cfg);
      try {
        const r = await deliverNotifications(ctx, channels, { worker: workerName() });
        console.log(
          `Sent ${r.sent}, nothing to send for ${r.skipped}, to retry ${r.failed}, given up ${r.gaveUp}.`,
        );
        return 0;
      } finally {
        for (const c of channels) await c.close?.();
        await ctx.db.close();
      }
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
  'import-dossiers': {
    summary: 'Import dossiers from the previous one-stop system (.json, all or nothing)',
    usage: `Usage: npx motcua import-dossiers FILE.json [--dry-run] [--lang en]

Receives each dossier of FILE (docs/history-import.md) and replays its dated events through the
rules, each at its own time on the agency's calendar. Any refused dossier or event and nothing is
imported: each is printed as dossiers[i].events[j] with the rule's code and why. --dry-run checks
and reports everything and writes nothing. Dossiers imported before (same previous-system code)
are skipped, so running the same file twice imports it once.
${ENV_NOTE}`,
    options: { 'dry-run': { type: 'boolean' }, lang: { type: 'string' } },
    async run({ values, positionals, config, readFile }) {
      const file = positionals[0];
      if (!file) {
        console.error('Missing FILE. Run "npx motcua import-dossiers --help".');
        return 2;
      }
      const locale = values.lang === 'en' ? 'en' : 'vi';
      let body: unknown;
      try {
        body = JSON.parse((await readFile(file)).toString('utf8'));
      } catch (err) {
        console.error(`${file}: ${(err as Error).message}`);
        return 2;
      }
      const ctx = await openContext(config());
      const dryRun = values['dry-run'] === true;
      try {
        const result = await importHistory(ctx, body, {
          dryRun,
          importedBy: null,
          onProgress: (done, total) => {
            if (total >= 100 && done % 100 === 0) process.stderr.write(`  ${done}/${total}\r`);
          },
        });
        for (const p of result.problems) console.error(`  ${describeImportProblem(p, locale)}`);
        console.log(
          `${dryRun ? 'Dry run: would import' : 'Imported'} ${result.imported} of ${result.total} dossiers` +
            ` (${result.skipped.length} already imported, skipped)` +
            (result.problems.length
              ? `; ${result.problems.length} refused, nothing would be imported.`
              : '.'),
        );
        return result.problems.length > 0 ? 1 : 0;
      } catch (err) {
        const problems =
          err instanceof Problem ? (err.extra.problems as ImportProblem[] | undefined) : undefined;
        if (!problems) throw err;
        for (const p of problems) console.error(`  ${describeImportProblem(p, locale)}`);
        console.error(`Nothing was imported: ${problems.length} refused.`);
        return 1;
      } finally {
        await ctx.db.close();
      }
    },
  },
  'verify-audit': {
    summary: 'Check the audit history: every event, every dossier against it, every signed checkpoint',
    usage: `Usage: npx motcua verify-audit [--public-key FILE]...

Recomputes the hash of every dossier event, agency by agency, in order; checks that each dossier
row is in the state its last event left it in; and checks every signed checkpoint: its Ed25519
signature by a trusted key, and that the event it names still has the hash it signed. Exits 0
when everything holds; otherwise prints each problem (the first broken event of each agency,
each dossier, each checkpoint that fails) and exits 1.

The trusted key is the one of AUDIT_SIGNING_KEY_FILE (or the demo key under DATA_DIR); give
--public-key FILE (a PEM public or private key, repeatable) to trust others, e.g. an earlier key
or a copy kept apart from the server.
${ENV_NOTE}`,
    options: { 'public-key': { type: 'string', multiple: true } },
    async run({ values, config, readFile }) {
      const cfg = config();
      const trustedKeys = await configuredPublicKeys(cfg);
      const files = (values['public-key'] as string[] | undefined) ?? [];
      for (const file of files) {
        try {
          trustedKeys.push(parsePublicKey(await readFile(file)));
        } catch (err) {
          console.error(`--public-key ${file}: ${(err as Error).message}`);
          return 2;
        }
      }
      const ctx = await openContext(cfg);
      try {
        const result = await verifyAuditChain(ctx.db, { trustedKeys });
        const keys = trustedKeys.map(fingerprintOf).join(', ') || 'none';
        const summary =
          `${result.events} events in ${result.agencies} agencies, ${result.dossiers} dossiers, ` +
          `${result.checkpoints} checkpoints (trusted keys: ${keys})`;
        if (result.problems.length === 0) {
          console.log(`Audit chain intact: ${summary}.`);
          return 0;
        }
        console.error(`Audit chain BROKEN: ${result.problems.length} problems in ${summary}.`);
        for (const p of result.problems) console.error(`  ${describeProblem(p)}`);
        return 1;
      } finally {
        await ctx.db.close();
      }
    },
  },
  checkpoint: {
    summary: 'Sign the audit chain head of every agency that has new events (what the server does hourly)',
    usage: `Usage: npx motcua checkpoint

Verifies each agency's events since its last checkpoint and signs its chain head with the key of
AUDIT_SIGNING_KEY_FILE (or the demo key under DATA_DIR). Prints each checkpoint written; an agency
whose chain does not verify is not signed, is printed, and makes the command exit 1.
${ENV_NOTE}`,
    options: {},
    async run({ config }) {
      const cfg = config();
      const key = await loadSigningKey(cfg, (message) => console.error(message));
      const ctx = await openContext(cfg);
      try {
        const run = await writeCheckpoints(ctx, key);
        for (const c of run.written) {
          console.log(
            `Checkpoint ${c.id}: agency ${c.agencyId} at event #${c.chainSeq}, head ${c.headHash}, key ${c.keyFingerprint}`,
          );
        }
        if (run.written.length === 0 && run.refused.length === 0) console.log('No new events to sign.');
        for (const p of run.refused) console.error(`Not signed: ${describeProblem(p)}`);
        return run.refused.length > 0 ? 1 : 0;
      } finally {
        await ctx.db.close();
      }
    },
  },
  'create-signing-key': {
    summary: 'Create an Ed25519 key file for signing audit checkpoints',
    usage: `Usage: npx motcua create-signing-key FILE

Writes a new Ed25519 private key (PEM, readable by its owner only) to FILE, which must not exist,
and prints its fingerprint and public key. Keep FILE outside the database and its backups, set
AUDIT_SIGNING_KEY_FILE=FILE, and keep a copy of the public key apart for verify-audit --public-key.`,
    options: {},
    async run({ positionals, writeFile }) {
      const file = positionals[0];
      if (!file) {
        console.error('Missing FILE. Run "npx motcua create-signing-key --help".');
        return 2;
      }
      const pem = generateSigningKeyPem();
      try {
        await writeFile(file, pem, { flag: 'wx', mode: 0o600 });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        console.error(
          code === 'EEXIST' ? `${file} already exists; nothing was written.` : `${file}: ${code}`,
        );
        return 1;
      }
      const key = parseSigningKey(pem);
      console.log(`Created ${file}\nFingerprint: ${key.fingerprint}`);
      console.log(key.publicKey.export({ type: 'spki', format: 'pem' }).toString().trim());
      return 0;
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
