import { isNotificationKind, type NotificationLocale, renderTemplate, vietnamDayText } from '@motcua/core';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { type ClaimedMessage, claim, markFailed, markGivenUp, markSent } from '../jobs/outbox.ts';
import { channelFor, type NotificationChannel, type Recipient } from './channel.ts';
import { templateFor } from './templates-store.ts';

/** Attempts before a message is given up on (its error stays on the row). */
export const MAX_ATTEMPTS = 8;
/** Claims older than this are taken to be abandoned by a worker that stopped mid-send. */
export const LEASE_MS = 5 * 60_000;

/** Waits after the nth failed attempt: 1, 2, 4, … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** What the worker reports; ids and kinds only, never addresses, names or identity numbers. */
export interface DeliveryLog {
  info(entry: { outboxId: number; kind: string; outcome: string; channel?: string }): void;
  warn(entry: { outboxId: number; kind: string; attempts: number; error: string; gaveUp: boolean }): void;
}

export interface DeliveryResult {
  sent: number;
  skipped: number;
  failed: number;
  gaveUp: number;
}

async function recipientOf(db: Queryable, id: string): Promise<Recipient | null> {
  const rows = await db.query<{
    full_name: string;
    email: string | null;
    phone: string | null;
    locale: NotificationLocale;
    notify_channels: Recipient['channels'];
  }>('SELECT full_name, email, phone, locale, notify_channels FROM app_user WHERE id = $1 AND active', [id]);
  const r = rows[0];
  if (!r) return null;
  return {
    userId: id,
    name: r.full_name,
    email: r.email,
    phone: r.phone,
    locale: r.locale,
    channels: r.notify_channels,
  };
}

/** A citizen of the portal: an account without a name (email code sign-in) is addressed by its email. */
async function citizenRecipientOf(db: Queryable, id: string): Promise<Recipient | null> {
  const rows = await db.query<{
    full_name: string | null;
    email: string | null;
    locale: NotificationLocale;
    notify_channels: Recipient['channels'];
  }>('SELECT full_name, email, locale, notify_channels FROM citizen_account WHERE id = $1', [id]);
  const r = rows[0];
  if (!r) return null;
  return {
    userId: id,
    name: r.full_name ?? r.email ?? '',
    email: r.email,
    phone: null,
    locale: r.locale,
    channels: r.notify_channels,
  };
}

/**
 * The address typed in on the sign-in page, for the one-time sign-in code (whoever asks may have no
 * account yet): in the language the page was in, by email, the only channel that has it.
 */
function addressRecipientOf(m: ClaimedMessage): Recipient | null {
  const payload = m.payload;
  if (m.kind !== 'citizen.signin_code' || typeof payload.email !== 'string' || payload.email === '')
    return null;
  return {
    userId: '',
    name: payload.email,
    email: payload.email,
    phone: null,
    locale: payload.locale === 'en' ? 'en' : 'vi',
    channels: ['email'],
  };
}

/**
 * The items a supplement request asks for, one a line as the request numbers them: "1. Bản sao hộ
 * chiếu còn hạn: Hộ chiếu đã hết hạn" (what is asked, then the officer's reason); null without any.
 */
function supplementItemsText(items: unknown): string | null {
  if (!Array.isArray(items) || items.length === 0) return null;
  return items
    .map((item: { number?: unknown; description?: unknown; reason?: unknown }, i) => {
      const description = typeof item.description === 'string' ? item.description : '';
      const reason = typeof item.reason === 'string' && item.reason !== '' ? `: ${item.reason}` : '';
      return `${typeof item.number === 'number' ? item.number : i + 1}. ${description}${reason}`;
    })
    .join('\n');
}

/** The values a template may use, from the row's payload and the dossier it is about. */
async function valuesOf(ctx: AppContext, m: ClaimedMessage, recipient: Recipient) {
  const dossier = m.dossierId
    ? (
        await ctx.db.query<{ code: string | null; procedure: string }>(
          'SELECT d.code, p.name AS procedure FROM dossier d JOIN procedure p ON p.id = d.procedure_id WHERE d.agency_id = $1 AND d.id = $2',
          [m.agencyId, m.dossierId],
        )
      )[0]
    : undefined;
  const dueAt = typeof m.payload.dueAt === 'string' ? vietnamDayText(m.payload.dueAt) : null;
  const surveyPath = typeof m.payload.surveyPath === 'string' ? m.payload.surveyPath : null;
  const text = (key: string) => (typeof m.payload[key] === 'string' ? (m.payload[key] as string) : null);
  /** A payload value given in both languages ({ vi, en }), in the recipient's. */
  const localised = (key: string) => {
    const v = m.payload[key] as Record<string, unknown> | undefined;
    return v && typeof v[recipient.locale] === 'string' ? (v[recipient.locale] as string) : null;
  };
  const ratePath = text('ratePath');
  return {
    reference: text('reference'),
    reason: text('reason'),
    reasons: localised('reasonsText'),
    rateUrl: ratePath ? new URL(ratePath, ctx.config.publicUrl).toString() : null,
    recipient: recipient.name,
    code: dossier?.code ?? (typeof m.payload.code === 'string' ? m.payload.code : null),
    procedure: dossier?.procedure ?? null,
    dueAt,
    minutes: typeof m.payload.expiresInMinutes === 'number' ? String(m.payload.expiresInMinutes) : null,
    surveyUrl: surveyPath ? new URL(surveyPath, ctx.config.publicUrl).toString() : null,
    items: supplementItemsText(m.payload.items),
  };
}

/**
 * Delivers the outbox messages due now, `batch` at a time until none is left. Each is claimed
 * (FOR UPDATE SKIP LOCKED, so workers in any number of processes never claim the same row), sent
 * through the recipient's channel, then closed by the worker that holds the claim. A worker that
 * dies between sending and closing leaves a claim that expires after LEASE_MS; the row is then
 * sent again with the same Message-ID (the outbox id), which mail systems recognise as one message.
 */
export async function deliverNotifications(
  ctx: AppContext,
  channels: readonly NotificationChannel[],
  options: { worker: string; log?: DeliveryLog; batch?: number },
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, skipped: 0, failed: 0, gaveUp: 0 };
  const seen = new Set<number>();
  for (;;) {
    const claimed = await claim(ctx.db, options.worker, options.batch ?? 20, ctx.now(), LEASE_MS);
    const fresh = claimed.filter((m) => !seen.has(m.id));
    if (fresh.length === 0) return result;
    for (const m of fresh) {
      seen.add(m.id);
      const close = async (outcome: string) => {
        await markSent(ctx.db, m, ctx.now(), options.worker, outcome);
        options.log?.info({ outboxId: m.id, kind: m.kind, outcome });
        if (outcome === 'sent') result.sent++;
        else result.skipped++;
      };
      if (!isNotificationKind(m.kind)) {
        await close('no_template');
        continue;
      }
      const recipient = m.recipientId
        ? await recipientOf(ctx.db, m.recipientId)
        : m.recipientCitizenId
          ? await citizenRecipientOf(ctx.db, m.recipientCitizenId)
          : addressRecipientOf(m);
      const channel = recipient ? channelFor(recipient, channels) : null;
      if (!recipient || !channel) {
        await close('no_channel');
        continue;
      }
      const template = await templateFor(ctx.db, m.kind, recipient.locale);
      const values = await valuesOf(ctx, m, recipient);
      try {
        await channel.send({
          outboxId: m.id,
          recipient,
          subject: renderTemplate(template.subject, values),
          body: renderTemplate(template.body, values),
        });
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        const gaveUp = m.attempts >= MAX_ATTEMPTS;
        if (gaveUp) {
          await markGivenUp(ctx.db, m, error, ctx.now());
          result.gaveUp++;
        } else {
          await markFailed(ctx.db, m, error, new Date(ctx.now().getTime() + retryDelayMs(m.attempts)));
          result.failed++;
        }
        // SMTP replies may quote the recipient's address; the log keeps the reason without it.
        const reason = error.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '…');
        options.log?.warn({ outboxId: m.id, kind: m.kind, attempts: m.attempts, error: reason, gaveUp });
        continue;
      }
      await close('sent');
    }
  }
}

/** Runs the delivery every `intervalMs` until stopped; a failed pass is logged and retried next time. */
export function startNotificationDelivery(
  ctx: AppContext,
  channels: readonly NotificationChannel[],
  intervalMs: number,
  options: { worker: string; log: DeliveryLog; onError: (err: unknown) => void },
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = deliverNotifications(ctx, channels, options)
      .catch(options.onError)
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    for (const c of channels) await c.close?.();
  };
}
