import { buildApp } from './app.ts';
import { type Config, publicUrlMissing } from './config.ts';
import { startDeadlineSweep } from './jobs/deadline-sweep.ts';
import { openContext } from './runtime.ts';
import { seedDemoOffice } from './seed/demo-office.ts';
import { seedDemo } from './seed/seed.ts';

/**
 * Starts Motcua: migrate, seed an empty database with the demo office, listen. On SIGTERM or
 * SIGINT it stops accepting connections, lets requests in flight finish (up to the grace period),
 * then closes the database, so no acknowledged change is lost.
 */
export async function serve(config: Config): Promise<void> {
  const ctx = await openContext(config);
  const app = await buildApp(ctx);
  if (publicUrlMissing(config)) {
    app.log.warn(
      { publicUrl: config.publicUrl },
      'PUBLIC_URL is not set: the QR code on receipts points to this localhost address, which citizens cannot open; set PUBLIC_URL to the address they reach Motcua at',
    );
  }
  if (ctx.migrations.length > 0) app.log.info({ migrations: ctx.migrations }, 'database migrated');
  if (config.seedDemo) {
    const seeded = await seedDemo(ctx.db, ctx.now());
    if (seeded.seeded) {
      app.log.info(seeded, 'demo data seeded');
      const office = await seedDemoOffice(ctx, { count: config.seedDemoDossiers });
      app.log.info(office, 'demo office seeded');
    }
  }
  const stopSweep =
    config.sweepIntervalSeconds > 0
      ? startDeadlineSweep(ctx, config.sweepIntervalSeconds * 1000, (err) =>
          app.log.error({ err }, 'deadline sweep failed'),
        )
      : async () => {};
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
      await ctx.db.close();
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
