import {
  DOSSIER_ACTION_LABELS,
  DOSSIER_ACTIONS,
  DOSSIER_STATE_INFO,
  type DossierAction,
  type DossierState,
  dossierLookupSchema,
  isDossierCode,
  type Outcome,
  type ReturnChannel,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { maskedApplicant } from './applicant.ts';
import { describeEvent, describeStanding, type PublicEvent, whatNext } from './lookup-wording.ts';
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
          response: answers({ 200: dossierLookupSchema }),
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
        const events = await publicEvents(ctx, dossier.id);
        const [holder] = await ctx.db.query<{ name: string }>('SELECT name FROM org_unit WHERE id = $1', [
          dossier.currentUnitId,
        ]);
        const agency = procedure?.agency ?? '';
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
          standing: describeStanding(s, dossier.state, holder?.name ?? null, agency, locale),
          whatNext: whatNext(s, dossier.state, locale),
          timeline: events.map((e) => ({
            at: e.at,
            action: e.action,
            title: DOSSIER_ACTION_LABELS[e.action]?.title[locale] ?? e.action,
            description: describeEvent(e, s, agency, locale),
            state: e.toState,
            stateLabel: DOSSIER_STATE_INFO[e.toState]?.label[locale] ?? e.toState,
          })),
        };
      },
    );
  };
}

/**
 * The dossier's events with only what the public may read of them: the step started, the outcome,
 * how the result went out, and the unit holding the dossier after each (from the control sheet).
 */
async function publicEvents(ctx: AppContext, dossierId: string): Promise<(PublicEvent & { at: string })[]> {
  const rows = await ctx.db.query<{
    at: Date;
    action: DossierAction;
    to_state: DossierState;
    step_index: number | null;
    outcome: Outcome | null;
    channel: ReturnChannel | null;
    unit_name: string | null;
  }>(
    `SELECT e.at, e.action, e.to_state,
            (e.payload->'startedStep'->>'index')::int AS step_index,
            e.payload->>'outcome' AS outcome,
            e.payload->>'channel' AS channel,
            (SELECT u.name FROM dossier_handover h JOIN org_unit u ON u.id = h.to_unit_id
              WHERE h.dossier_id = e.dossier_id AND h.at = e.at AND h.note = e.action
              ORDER BY h.seq DESC LIMIT 1) AS unit_name
       FROM dossier_event e
      -- The lifecycle only: attaching a scan is the office's own work, not a step of the dossier.
      WHERE e.dossier_id = $1 AND e.action = ANY($2::text[]) ORDER BY e.dossier_seq`,
    [dossierId, [...DOSSIER_ACTIONS]],
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    action: r.action,
    toState: r.to_state,
    stepIndex: r.step_index,
    outcome: r.outcome === 'granted' || r.outcome === 'refused' ? r.outcome : null,
    channel: r.action === 'return_result' ? r.channel : null,
    unitName: r.unit_name,
  }));
}
