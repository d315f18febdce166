import {
  DEFAULT_TEMPLATES,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationLocale,
  type NotificationTemplateView,
  type NotificationText,
  placeholdersMissingFromEdit,
} from '@motcua/core';
import type { Queryable } from '../db/database.ts';

interface Row {
  kind: string;
  locale: NotificationLocale;
  subject: string;
  body: string;
  updated_at: Date;
}

const view = (
  kind: NotificationKind,
  locale: NotificationLocale,
  row: Row | undefined,
): NotificationTemplateView => ({
  kind,
  locale,
  subject: row?.subject ?? DEFAULT_TEMPLATES[kind][locale].subject,
  body: row?.body ?? DEFAULT_TEMPLATES[kind][locale].body,
  placeholders: [...NOTIFICATION_KINDS[kind]],
  customised: !!row,
  updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  missingFromDefault: row ? placeholdersMissingFromEdit(kind, locale, row) : [],
});

/** The text in force for a kind and language: the administrator's, or the shipped default. */
export async function templateFor(
  db: Queryable,
  kind: NotificationKind,
  locale: NotificationLocale,
): Promise<NotificationTemplateView> {
  const rows = await db.query<Row>(
    'SELECT kind, locale, subject, body, updated_at FROM notification_template WHERE kind = $1 AND locale = $2',
    [kind, locale],
  );
  return view(kind, locale, rows[0]);
}

export async function listTemplates(db: Queryable): Promise<NotificationTemplateView[]> {
  const rows = await db.query<Row>(
    'SELECT kind, locale, subject, body, updated_at FROM notification_template',
  );
  const stored = new Map(rows.map((r) => [`${r.kind}:${r.locale}`, r]));
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).flatMap((kind) =>
    (['vi', 'en'] as const).map((locale) => view(kind, locale, stored.get(`${kind}:${locale}`))),
  );
}

export async function saveTemplate(
  db: Queryable,
  kind: NotificationKind,
  locale: NotificationLocale,
  text: NotificationText,
  by: string,
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO notification_template (kind, locale, subject, body, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (kind, locale) DO UPDATE
       SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at,
           updated_by = EXCLUDED.updated_by`,
    [kind, locale, text.subject, text.body, now, by],
  );
}

/** Drops the administrator's edit: the shipped default is in force again. */
export async function restoreDefaultTemplate(
  db: Queryable,
  kind: NotificationKind,
  locale: NotificationLocale,
): Promise<boolean> {
  const rows = await db.query<{ kind: string }>(
    'DELETE FROM notification_template WHERE kind = $1 AND locale = $2 RETURNING kind',
    [kind, locale],
  );
  return rows.length > 0;
}
