import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import type { NotificationChannel } from './channel.ts';
import { emailChannel } from './email.ts';

/** The channels configured in this process: email when SMTP_URL is set (SMS and Zalo not yet built). */
export function configuredChannels(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): NotificationChannel[] {
  return config.smtpUrl ? [emailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom })] : [];
}

/** This process's name on the claims it takes. */
export const workerName = () => `${hostname()}:${process.pid}`;
