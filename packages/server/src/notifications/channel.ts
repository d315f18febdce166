import type { NotificationChannelKind, NotificationLocale } from '@motcua/core';

/** Whom a message goes to: a staff user (app_user) or a citizen of the portal (citizen_account). */
export interface Recipient {
  /** The app_user or citizen_account id. */
  userId: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: NotificationLocale;
  /** The channels the person chose, in order of preference. */
  channels: NotificationChannelKind[];
}

export interface OutgoingMessage {
  /** The outbox row: the same row always makes the same message id, so a resend is recognised. */
  outboxId: number;
  recipient: Recipient;
  subject: string;
  body: string;
}

/**
 * A way of reaching people. Email is built; an SMS gateway or Zalo's official-account API is a
 * new implementation of this interface, added to the worker's list, with no change elsewhere.
 */
export interface NotificationChannel {
  kind: NotificationChannelKind;
  /** Whether this recipient has what the channel needs (an email address, a phone number). */
  canReach(recipient: Recipient): boolean;
  /** Sends or throws; a throw is retried later with the same outbox id. */
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void> | void;
}

/** The first channel the recipient chose that is configured and can reach them. */
export function channelFor(
  recipient: Recipient,
  channels: readonly NotificationChannel[],
): NotificationChannel | null {
  for (const kind of recipient.channels) {
    const channel = channels.find((c) => c.kind === kind && c.canReach(recipient));
    if (channel) return channel;
  }
  return null;
}
