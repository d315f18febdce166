import { receiptAddressSchema } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedUnits, requireRole } from '../auth/guard.ts';
import { publicUrlMissing } from '../config.ts';
import type { AppContext } from '../context.ts';
import { DOCX_MIME, PDF_MIME, renderFormDocx, renderFormPdf } from '../documents/index.ts';
import type { FormContext } from '../documents/model.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { latestCheckpoints } from '../jobs/audit-checkpoint.ts';
import { descendantIds } from '../org/tree.ts';
import { registerEntries, unitAndParentNames } from './register-store.ts';

const MAX_ROWS = 2000;
// The register lists applicants' addresses and phones: for the people who work on the dossiers.
const REGISTER_READERS = ['counter_officer', 'head_of_unit', 'leader'] as const;

/**
 * The register (sổ theo dõi hồ sơ, form 07) of the dossiers a counter received over a period, as
 * the paper book the one-stop desk keeps.
 */
export function registerRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/dossiers/receipt-address',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'The address the QR code of receipts (form 01) opens, and whether it is the localhost default of a deployment without PUBLIC_URL',
          response: answers({ 200: receiptAddressSchema }),
        },
      },
      async (request) => {
        requireRole(request, ['counter_officer', 'head_of_unit', 'leader', 'administrator']);
        return {
          publicUrl: ctx.config.publicUrl,
          configured: ctx.config.publicUrlConfigured,
          missing: publicUrlMissing(ctx.config),
        };
      },
    );
    r.get(
      '/dossiers/register/:file',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Form 07, the register of dossiers received from `from` to `to` (Vietnam dates), as PDF or DOCX',
          params: z.object({ file: z.enum(['07.pdf', '07.docx']) }),
          querystring: z.object({ from: z.iso.date(), to: z.iso.date(), unit: z.uuid().optional() }),
          response: answers({ 200: fileAnswer('Form 07 as PDF or DOCX', [PDF_MIME, DOCX_MIME]) }),
        },
      },
      async (request, reply) => {
        const session = requireRole(request, REGISTER_READERS);
        const { from, to, unit } = request.query;
        if (to < from) throw new Problem(400, 'malformed_request');
        const scope = await descendantIds(ctx.db, grantedUnits(session, REGISTER_READERS));
        if (unit && !scope.has(unit)) throw new Problem(403, 'unit_outside_scope');
        const rows = await registerEntries(ctx.db, {
          from,
          to,
          scope: [...scope],
          unit: unit ?? null,
          limit: MAX_ROWS,
        });
        const place = await unitAndParentNames(ctx.db, unit ?? session.roles[0]?.unitId ?? null);
        const checkpoints = await latestCheckpoints(ctx.db, [...new Set(rows.map((row) => row.agency_id))]);
        const now = ctx.now();
        const context: FormContext = {
          agency: {
            name: place?.name ?? '',
            ...(place?.parent ? { parentName: place.parent } : {}),
            place: (place?.parent ?? place?.name ?? '').replace(/^Ủy ban nhân dân\s+/i, ''),
          },
          receivingUnit: { name: place?.name ?? '' },
          dossier: {
            code: '',
            procedureName: '',
            fieldName: '',
            receivedAt: now,
            dueAt: now,
            channel: 'counter',
          },
          applicant: { name: '' },
          register: rows.map((row) => ({
            number: row.number,
            code: row.code,
            procedureName: row.procedure_name,
            applicantName: row.applicant.name,
            ...(row.applicant.address ? { applicantAddress: row.applicant.address } : {}),
            ...(row.applicant.phone ? { applicantPhone: row.applicant.phone } : {}),
            leadUnit: row.lead_unit,
            receivedAt: new Date(row.received_at),
            dueAt: new Date(row.due_at),
            ...(row.snapshot.returnedAt ? { returnedAt: new Date(row.snapshot.returnedAt) } : {}),
            ...(row.snapshot.returnChannel ? { returnMethod: row.snapshot.returnChannel } : {}),
          })),
          auditCheckpoints: checkpoints,
          registerPeriod: { from: new Date(`${from}T00:00:00+07:00`), to: new Date(`${to}T00:00:00+07:00`) },
          lookupUrl: ctx.config.publicUrl,
          issuedAt: now,
        };
        const pdf = request.params.file.endsWith('.pdf');
        const data = pdf ? await renderFormPdf('07', context) : await renderFormDocx('07', context);
        return reply
          .type(pdf ? PDF_MIME : DOCX_MIME)
          .header(
            'Content-Disposition',
            `${pdf ? 'inline' : 'attachment'}; filename="so-theo-doi-ho-so-${from}-${to}.${pdf ? 'pdf' : 'docx'}"`,
          )
          .send(data);
      },
    );
  };
}
