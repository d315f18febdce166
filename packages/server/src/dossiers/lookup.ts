import {
  DOSSIER_ACTION_LABELS,
  DOSSIER_ACTIONS,
  DOSSIER_STATE_INFO,
  dossierLookupSchema,
  isDossierCode,
  isHistoryOf,
  stepChangeOf,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { publicPayment } from '../fees/service.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { publicShipments } from '../postal/service.ts';
import { maskedApplicant } from './applicant.ts';
import { historyOf } from './history.ts';
import { type LookupRow, readForLookup } from './lookup-store.ts';
import { describeEvent, describeStanding, type PublicEvent, whatNext } from './lookup-wording.ts';
import { toRecord } from './store.ts';

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
        const row = await readForLookup(ctx.db, code);
        if (!row) throw new Problem(404, 'dossier_not_found');
        const dossier = toRecord(row);
        const locale = requestLocale(request);
        const events = publicEvents(row);
        const agency = row.agency_name ?? '';
        const s = dossier.snapshot;
        const info = DOSSIER_STATE_INFO[dossier.state];
        return {
          code: dossier.code,
          status: { code: info.nationalCode, name: info.label[locale], state: dossier.state },
          procedure: { code: row.procedure_code ?? s.procedure.code, name: row.procedure_name ?? '' },
          agency: row.agency_name,
          applicant: maskedApplicant(dossier.applicant),
          submittedAt: s.submittedAt,
          receivedAt: s.receivedAt,
          dueAt: s.dueAt,
          returnedAt: s.returnedAt,
          endedAt: s.endedAt,
          standing: describeStanding(s, dossier.state, row.holder_name, agency, locale),
          whatNext: whatNext(s, dossier.state, locale),
          postal: publicShipments(
            row.postal.map((p) => ({ ...p, recorded_at: new Date(p.recorded_at) })),
            locale,
          ),
          // A fee is open only while the dossier waits for payment, so only then is it read.
          payment:
            dossier.state === 'awaiting_payment'
              ? await publicPayment(ctx.db, dossier.agencyId, dossier.id)
              : null,
          timeline: events.map((e) => ({
            at: e.at,
            action: e.action,
            title: DOSSIER_ACTION_LABELS[e.action].title[locale],
            description: describeEvent(e, s, agency, locale),
            state: e.toState,
            stateLabel: DOSSIER_STATE_INFO[e.toState].label[locale],
          })),
        };
      },
    );
  };
}

/**
 * The dossier's events with only what the public may read of them: the step started, the outcome,
 * how the result went out, and the unit holding the dossier after each (from the control sheet row
 * written with the event, at the same instant).
 */
function publicEvents(row: LookupRow): (PublicEvent & { at: string })[] {
  const history = historyOf(row.events);
  const handovers = row.handovers;
  // The lifecycle only: attaching a scan is the office's own work, not a step of the dossier.
  return history.flatMap((e) => {
    if (!isHistoryOf(e, ...DOSSIER_ACTIONS)) return [];
    const handover = handovers.findLast((h) => h.note === e.action && Date.parse(h.at) === Date.parse(e.at));
    return [
      {
        at: e.at,
        action: e.action,
        toState: e.toState,
        stepIndex: stepChangeOf(e.payload).started?.index ?? null,
        outcome: isHistoryOf(e, 'approve') ? e.payload.outcome : null,
        channel: isHistoryOf(e, 'return_result') ? e.payload.channel : null,
        unitName: handover?.to_unit ?? null,
      },
    ];
  });
}
