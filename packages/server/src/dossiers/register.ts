import { receiptAddressSchema } from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedUnits, requireRole } from '../auth/guard.ts';
import { publicUrlMissing } from '../config.ts';
import type { AppContext } from '../context.ts';
import { DOCX_MIME, PDF_MIME, renderFormDocx, renderFormPdf } from '../documents/index.ts';
import type { FormContext, RegisterRow } from '../documents/model.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { latestCheckpoints } from '../jobs/audit-checkpoint.ts';
import { descendantIds } from '../org/tree.ts';
import type { Applicant } from './applicant.ts';

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
        const rows = await ctx.db.query<{
          agency_id: string;
          code: string;
          number: number;
          applicant: Applicant;
          procedure_name: string;
          lead_unit: string;
          received_at: Date;
          due_at: Date;
          snapshot: { returnedAt: string | null; returnChannel: RegisterRow['returnMethod'] | null };
        }>(
          // The number is the entry's in its unit's book for the year, as printed on the receipt (form 01).
          `SELECT d.agency_id, d.code, d.applicant,
                  (SELECT count(*)::int FROM dossier o
                    WHERE o.receiving_unit_id = d.receiving_unit_id AND o.code IS NOT NULL AND o.received_at IS NOT NULL
                      AND date_trunc('year', o.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                        = date_trunc('year', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                      AND (o.received_at, o.code) <= (d.received_at, d.code)) AS number, v.content->>'name' AS procedure_name, a.name AS lead_unit, d.received_at, d.due_at, d.snapshot
             FROM dossier d JOIN procedure_version v ON v.id = d.procedure_version_id JOIN org_unit a ON a.id = d.agency_id
            WHERE d.code IS NOT NULL AND d.received_at IS NOT NULL
              AND (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1::date AND $2::date
              AND d.receiving_unit_id = ANY($3::uuid[]) AND ($4::uuid IS NULL OR d.receiving_unit_id = $4)
            ORDER BY d.received_at LIMIT $5`,
          [from, to, [...scope], unit ?? null, MAX_ROWS],
        );
        const [place] = await ctx.db.query<{ name: string; parent: string | null }>(
          `SELECT u.name, p.name AS parent FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.id = $1`,
          [unit ?? session.roles[0]?.unitId],
        );
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
