import type { NotificationPreferences } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

export async function preferencesOf(db: Queryable, userId: string): Promise<NotificationPreferences> {
  const rows = await db.query<{
    locale: NotificationPreferences['locale'];
    notify_channels: NotificationPreferences['channels'];
  }>('SELECT locale, notify_channels FROM app_user WHERE id = $1', [userId]);
  return { locale: rows[0]?.locale ?? 'vi', channels: rows[0]?.notify_channels ?? ['email'] };
}

export async function savePreferences(
  db: Queryable,
  userId: string,
  preferences: NotificationPreferences,
  now: Date,
): Promise<void> {
  await db.query('UPDATE app_user SET locale = $2, notify_channels = $3, updated_at = $4 WHERE id = $1', [
    userId,
    preferences.locale,
    preferences.channels,
    now,
  ]);
}
