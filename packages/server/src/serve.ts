import { buildApp } from './app.ts';
import { type Config, publicUrlMissing } from './config.ts';
import { loadSigningKey } from './dossiers/audit-key.ts';
import { CHECKPOINT_INTERVAL_MS, startCheckpoints } from './jobs/audit-checkpoint.ts';
import { startDeadlineSweep } from './jobs/deadline-sweep.ts';
import { EMBEDDED_STATISTICS_INTERVAL_MS, startEmbeddedStatistics } from './jobs/embedded-statistics.ts';
import { configuredChannels, workerName } from './notifications/start.ts';
import { startNotificationDelivery } from './notifications/worker.ts';
import { startTaskReminders } from './reform/reminders.ts';
import { openContext } from './runtime.ts';
import { seedDemoData } from './seed/first-start.ts';

/**
 * Starts Motcua: migrate, seed an empty database with the demo office, listen. On SIGTERM or
 * SIGINT it stops accepting connections, lets requests in flight finish (up to the grace period),
 * then closes the database, so no acknowledged change is lost.
 */
export async function serve(config: Config): Promise<void> {
  // A missing or wrong key file stops the start before the database is touched.
  const keyWarnings: string[] = [];
  const signingKey = await loadSigningKey(config, (message) => keyWarnings.push(message));
  const ctx = await openContext(config, { readReplica: true });
  const app = await buildApp(ctx);
  ctx.db.onStatusChange((status, cause) => {
    if (status.reachable) app.log.info({ database: ctx.db.kind }, 'database reachable again');
    else
      app.log.error(
        { database: ctx.db.kind, reason: status.reason, error: cause?.message },
        'database unreachable',
      );
  });
  for (const message of keyWarnings) app.log.warn(message);
  app.log.info({ fingerprint: signingKey.fingerprint }, 'audit checkpoints are signed with this key');
  if (publicUrlMissing(config)) {
    app.log.warn(
      { publicUrl: config.publicUrl },
      'PUBLIC_URL is not set: the QR code on receipts points to this localhost address, which citizens cannot open; set PUBLIC_URL to the address they reach Motcua at',
    );
  }
  if (ctx.migrations.length > 0) app.log.info({ migrations: ctx.migrations }, 'database migrated');
  if (config.seedDemo) {
    const seeded = await seedDemoData(ctx, {
      count: config.seedDemoDossiers,
      onProgress: (done, total) => app.log.info({ done, total }, 'seeding the demo office'),
    });
    if (seeded.seeded) app.log.info(seeded, 'demo data seeded');
  }
  const stopSweep =
    config.sweepIntervalSeconds > 0
      ? startDeadlineSweep(ctx, config.sweepIntervalSeconds * 1000, (err) =>
          app.log.error({ err }, 'deadline sweep failed'),
        )
      : async () => {};
  // Reform task reminders run on the same beat as the deadline sweep (their dedupe keys make them once).
  const stopReminders = startTaskReminders(ctx, Math.max(60, config.sweepIntervalSeconds) * 1000, (err) =>
    app.log.error({ err }, 'reform task reminders failed'),
  );
  const stopCheckpoints = startCheckpoints(ctx, signingKey, CHECKPOINT_INTERVAL_MS, {
    error: (err) => app.log.error({ err }, 'audit checkpoint failed'),
    refused: (problem) => app.log.error({ problem }, 'audit chain does not verify: checkpoint not signed'),
  });
  // The embedded database has no autovacuum: its planner statistics are refreshed here.
  const stopStatistics = startEmbeddedStatistics(ctx.db, EMBEDDED_STATISTICS_INTERVAL_MS, (err) =>
    app.log.error({ err }, 'refreshing the embedded database statistics failed'),
  );
  // Notifications leave the outbox only when there is a channel to send them through (SMTP_URL).
  const channels = configuredChannels(config);
  const stopDelivery =
    channels.length > 0
      ? startNotificationDelivery(ctx, channels, config.notifyIntervalSeconds * 1000, {
          worker: workerName(),
          log: {
            info: (entry) => app.log.info(entry, 'notification delivered'),
            warn: (entry) => app.log.warn(entry, 'notification not delivered'),
          },
          onError: (err) => app.log.error({ err }, 'notification delivery failed'),
        })
      : async () => {};
  if (channels.length === 0) app.log.info('SMTP_URL is not set: notifications stay in the outbox');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown grace period over; exiting');
      process.exit(1);
    }, config.shutdownGraceSeconds * 1000);
    timer.unref();
    // Keep-alive connections that finish their last request while we close would hold the server
    // open: close each as soon as it is idle.
    const idle = setInterval(() => app.server.closeIdleConnections(), 50);
    try {
      await app.close();
      clearInterval(idle);
      await stopSweep();
      await stopReminders();
      await stopDelivery();
      await stopCheckpoints();
      await stopStatistics();
      await ctx.db.close();
      await ctx.readDb?.close();
      app.log.info('stopped');
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: ctx.db.kind, port: config.port }, 'Motcua is ready');
}
