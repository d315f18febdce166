import { createTransport } from 'nodemailer';
import type { NotificationChannel, OutgoingMessage } from './channel.ts';

export interface EmailSettings {
  /** smtp://user:pass@host:port or smtps://… (validated in config.ts). */
  smtpUrl: string;
  /** The From address, e.g. "Bộ phận Một cửa <motcua@example.gov.vn>". */
  from: string;
}

/** The Message-ID of an outbox row: stable across retries, so a resend after a crash is one message. */
export function messageIdOf(outboxId: number, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'motcua.local';
  return `<outbox-${outboxId}@${domain}>`;
}

/** Email over SMTP with nodemailer. */
export function emailChannel(settings: EmailSettings): NotificationChannel {
  const transport = createTransport({
    url: settings.smtpUrl,
    // Bounded well below the outbox lease, so a claim never outlives its send.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'email',
    canReach: (recipient) => !!recipient.email,
    async send(message: OutgoingMessage) {
      await transport.sendMail({
        from: settings.from,
        to: { name: message.recipient.name, address: message.recipient.email! },
        subject: message.subject,
        text: message.body,
        messageId: messageIdOf(message.outboxId, settings.from),
        headers: { 'X-Motcua-Outbox-Id': String(message.outboxId) },
      });
    },
    close: () => transport.close(),
  };
}
