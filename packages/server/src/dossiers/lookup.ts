import { DOSSIER_ACTION_LABELS, DOSSIER_STATE_INFO, type DossierAction, isDossierCode } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { maskedApplicant } from './applicant.ts';
import { findByCode } from './store.ts';

/**
 * The public lookup (tra cứu hồ sơ) a receipt's QR code opens: where the dossier stands, with the
 * applicant's data masked and no officer named. Rate-limited, since codes are sequential.
 */
export function lookupRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/dossiers/lookup',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Public status of a dossier by its code, personal data masked',
          querystring: z.object({
            code: z
              .string({ error: 'dossier_code_required' })
              .trim()
              .min(1, { error: 'dossier_code_required' })
              .max(60),
            lang: z.enum(['vi', 'en']).optional(),
          }),
        },
        config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      },
      async (request) => {
        const code = request.query.code.toUpperCase();
        if (!isDossierCode(code)) throw new Problem(400, 'dossier_code_format');
        const dossier = await findByCode(ctx.db, code);
        if (!dossier) throw new Problem(404, 'dossier_not_found');
        const locale = requestLocale(request);
        const [procedure] = await ctx.db.query<{ name: string; code: string; agency: string }>(
          `SELECT v.content->>'name' AS name, v.content->>'code' AS code, a.name AS agency
             FROM procedure_version v, org_unit a WHERE v.id = $1 AND a.id = $2`,
          [dossier.procedureVersionId, dossier.agencyId],
        );
        const events = await ctx.db.query<{ at: Date; action: DossierAction; to_state: string }>(
          'SELECT at, action, to_state FROM dossier_event WHERE dossier_id = $1 ORDER BY dossier_seq',
          [dossier.id],
        );
        const s = dossier.snapshot;
        const info = DOSSIER_STATE_INFO[dossier.state];
        return {
          code: dossier.code,
          status: { code: info.nationalCode, name: info.label[locale], state: dossier.state },
          procedure: { code: procedure?.code ?? s.procedure.code, name: procedure?.name ?? '' },
          agency: procedure?.agency ?? null,
          applicant: maskedApplicant(dossier.applicant),
          submittedAt: s.submittedAt,
          receivedAt: s.receivedAt,
          dueAt: s.dueAt,
          returnedAt: s.returnedAt,
          endedAt: s.endedAt,
          timeline: events.map((e) => ({
            at: new Date(e.at).toISOString(),
            action: e.action,
            title: DOSSIER_ACTION_LABELS[e.action]?.title[locale] ?? e.action,
            state: e.to_state,
            stateLabel:
              DOSSIER_STATE_INFO[e.to_state as keyof typeof DOSSIER_STATE_INFO]?.label[locale] ?? e.to_state,
          })),
        };
      },
    );
  };
}
