import {
  isNotificationKind,
  NOTIFICATION_KINDS,
  NOTIFICATION_LOCALES,
  type NotificationKind,
  notificationPreferencesBody,
  notificationPreferencesResponse,
  notificationTemplateBody,
  notificationTemplateListResponse,
  notificationTemplateResponse,
  unknownPlaceholders,
} from '@motcua/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { grantedUnits, requireRole, requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { topLevelUnits } from '../org/units.ts';
import { preferencesOf, savePreferences } from './preferences-store.ts';
import { listTemplates, restoreDefaultTemplate, saveTemplate, templateFor } from './templates-store.ts';

const ADMIN = ['administrator'] as const;

const templateParams = z.object({
  kind: z.string().min(1).max(100),
  locale: z.enum(NOTIFICATION_LOCALES),
});

export function notificationRoutes(ctx: AppContext) {
  const kindOf = (kind: string): NotificationKind => {
    if (!isNotificationKind(kind)) throw new Problem(404, 'notification_kind_not_found', { kind });
    return kind;
  };
  /** Templates are the whole installation's: only an administrator over every top unit edits them. */
  const requireWholeTreeAdmin = async (request: FastifyRequest) => {
    const session = requireRole(request, ADMIN);
    const scope = await descendantIds(ctx.db, grantedUnits(session, ADMIN));
    const roots = await topLevelUnits(ctx.db);
    if (!roots.every((r) => scope.has(r))) throw new Problem(403, 'unit_outside_scope');
    return session;
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/admin/notification-templates',
      {
        schema: {
          tags: ['admin'],
          summary: 'Notification templates of every kind and language, with the placeholders each may use',
          response: answers({ 200: notificationTemplateListResponse }),
        },
      },
      async (request) => {
        requireRole(request, ADMIN);
        return { items: await listTemplates(ctx.db) };
      },
    );

    r.get(
      '/admin/notification-templates/:kind/:locale',
      {
        schema: {
          tags: ['admin'],
          summary: 'The notification template in force for a kind and language',
          params: templateParams,
          response: answers({ 200: notificationTemplateResponse }),
        },
      },
      async (request) => {
        requireRole(request, ADMIN);
        return templateFor(ctx.db, kindOf(request.params.kind), request.params.locale);
      },
    );

    r.put(
      '/admin/notification-templates/:kind/:locale',
      {
        schema: {
          tags: ['admin'],
          summary: 'Replace a notification template; a placeholder the kind does not have is refused',
          params: templateParams,
          body: notificationTemplateBody,
          response: answers({ 200: notificationTemplateResponse }),
        },
      },
      async (request) => {
        const session = await requireWholeTreeAdmin(request);
        const kind = kindOf(request.params.kind);
        const { locale } = request.params;
        const allowed = NOTIFICATION_KINDS[kind].map((p) => `{{${p}}}`).join(', ');
        const errors = (['subject', 'body'] as const).flatMap((field) => {
          const unknown = unknownPlaceholders(kind, request.body[field]);
          if (unknown.length === 0) return [];
          const names = unknown.map((p) => `{{${p}}}`).join(', ');
          return [
            {
              path: field,
              message: {
                vi: `Chỗ điền không dùng được: ${names}. Chỉ dùng được: ${allowed}`,
                en: `Unknown placeholder: ${names}. Allowed: ${allowed}`,
              },
            },
          ];
        });
        if (errors.length > 0) {
          const names = [
            ...new Set([
              ...unknownPlaceholders(kind, request.body.subject),
              ...unknownPlaceholders(kind, request.body.body),
            ]),
          ]
            .map((p) => `{{${p}}}`)
            .join(', ');
          throw new Problem(422, 'notification_template_unknown_placeholder', { names, allowed }, errors);
        }
        await ctx.db.transaction(async (tx) => {
          await saveTemplate(tx, kind, locale, request.body, session.user.id, ctx.now());
          await recordAudit(tx, {
            actorId: session.user.id,
            action: 'notification_template.update',
            subjectType: 'notification_template',
            subjectId: `${kind}:${locale}`,
            detail: { kind, locale, subject: request.body.subject },
          });
        });
        return templateFor(ctx.db, kind, locale);
      },
    );

    r.delete(
      '/admin/notification-templates/:kind/:locale',
      {
        schema: {
          tags: ['admin'],
          summary: "Restore the default: drop the administrator's edit, so the shipped template is in force",
          params: templateParams,
          response: answers({ 200: notificationTemplateResponse }),
        },
      },
      async (request) => {
        const session = await requireWholeTreeAdmin(request);
        const kind = kindOf(request.params.kind);
        const { locale } = request.params;
        await ctx.db.transaction(async (tx) => {
          if (!(await restoreDefaultTemplate(tx, kind, locale))) return;
          await recordAudit(tx, {
            actorId: session.user.id,
            action: 'notification_template.restore_default',
            subjectType: 'notification_template',
            subjectId: `${kind}:${locale}`,
            detail: { kind, locale },
          });
        });
        return templateFor(ctx.db, kind, locale);
      },
    );

    r.get(
      '/notifications/preferences',
      {
        schema: {
          tags: ['notifications'],
          summary: 'The language and channels the signed-in person is notified in',
          response: answers({ 200: notificationPreferencesResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return preferencesOf(ctx.db, session.user.id);
      },
    );

    r.put(
      '/notifications/preferences',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Choose the language and channels to be notified in (email by default)',
          body: notificationPreferencesBody,
          response: answers({ 200: notificationPreferencesResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const channels = [...new Set(request.body.channels)];
        await savePreferences(ctx.db, session.user.id, { locale: request.body.locale, channels }, ctx.now());
        return { locale: request.body.locale, channels };
      },
    );
  };
}
