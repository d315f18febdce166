import { type ActorRole, DOSSIER_ACTIONS, DOSSIER_STATES, type Role } from '@motcua/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedUnits, requireSession } from '../auth/guard.ts';
import type { Session } from '../auth/sessions.ts';
import { pagingQuery } from '../catalogue/public-routes.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import {
  DOCX_MIME,
  FORM_CODES,
  formInfo,
  PDF_MIME,
  renderFormDocx,
  renderFormPdf,
} from '../documents/index.ts';
import { FormDataError } from '../documents/model.ts';
import { acceptUpload } from '../files/store.ts';
import { findReplay, idempotencyKey, remember, requestHash } from '../http/idempotency.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { descendantIds } from '../org/tree.ts';
import { parseVietnamInstant, vietnamInstantText } from '../time.ts';
import { applicantSchema } from './applicant.ts';
import { formContext } from './forms.ts';
import { listDossiers } from './list.ts';
import { type Actor, createDossier, performAction, rolesOnDossier } from './service.ts';
import { type DossierRecord, loadDossier } from './store.ts';
import { dossierDetail } from './views.ts';

export const STAFF: readonly Role[] = [
  'counter_officer',
  'specialist',
  'head_of_unit',
  'leader',
  'reform_officer',
  'administrator',
];
const idParams = z.object({ id: z.uuid() });

const createBody = z.strictObject({
  procedureId: z.uuid(),
  channel: z.enum(['counter', 'post', 'online']),
  /** The unit receiving the dossier; defaults to the counter officer's unit. */
  receivingUnitId: z.uuid().optional(),
  applicant: applicantSchema,
  decision: z.enum(['receive', 'refuse']).default('receive'),
  checklist: z
    .array(
      z.strictObject({
        document: z.string().trim().min(1).max(1000),
        received: z.boolean(),
        copies: z.number().int().min(1).max(100).optional(),
      }),
    )
    .max(200)
    .optional(),
  reason: z.string().trim().min(1).max(4000).optional(),
});

const actionBody = z.strictObject({
  /** The version of the dossier the user saw; a newer one means someone else acted first. */
  version: z.number().int().min(1),
  input: z.record(z.string(), z.unknown()).default({}),
});

export function actorOf(session: Session): Actor {
  return {
    userId: session.user.id,
    name: session.user.fullName,
    grants: session.roles.map((r) => ({ role: r.role, unitId: r.unitId })),
  };
}

/** The capacities in which the signed-in user stands towards a dossier (none: it is not theirs to see). */
function rolesOf(db: Queryable, session: Session, dossier: DossierRecord) {
  return rolesOnDossier(db, actorOf(session), { ...dossier, applicantUserId: dossier.snapshot.applicantId });
}

export function dossierRoutes(ctx: AppContext) {
  /** Loads a dossier the user may see (staff with a role on it, or its applicant); 404 otherwise. */
  const visible = async (request: FastifyRequest, id: string) => {
    const session = requireSession(request);
    const dossier = await loadDossier(ctx.db, id);
    if (!dossier) throw new Problem(404, 'dossier_not_found');
    const roles = await rolesOf(ctx.db, session, dossier);
    if (roles.length === 0) throw new Problem(404, 'dossier_not_found');
    return { session, dossier, roles };
  };

  /** The dossier as the user sees it, with the actions open to them now. */
  const detail = (
    db: Queryable,
    request: FastifyRequest,
    session: Session,
    dossier: DossierRecord,
    roles: readonly ActorRole[],
  ) => dossierDetail(db, dossier, { id: session.user.id, roles }, requestLocale(request), ctx.now());

  /** The same, read again inside the transaction that just changed the dossier. */
  const detailAfterChange = async (tx: Queryable, request: FastifyRequest, session: Session, id: string) => {
    const dossier = (await loadDossier(tx, id))!;
    return detail(tx, request, session, dossier, await rolesOf(tx, session, dossier));
  };

  /** Runs a creating request once per Idempotency-Key: a retry gets the first answer back. */
  const once = async (
    request: FastifyRequest,
    reply: FastifyReply,
    scope: string,
    work: (
      remember: (status: number, body: unknown) => Promise<void>,
      tx: Queryable,
    ) => Promise<{ status: number; body: unknown }>,
  ) => {
    const key = idempotencyKey(request);
    const hash = requestHash({ url: request.url, body: request.body });
    if (key) {
      const replay = await findReplay(ctx.db, scope, key, hash);
      if (replay) return reply.status(replay.status).header('Idempotent-Replayed', 'true').send(replay.body);
    }
    try {
      const result = await ctx.db.transaction(async (tx) => {
        const r = await work(async () => {}, tx);
        if (key) await remember(tx, scope, key, hash, r, ctx.now());
        return r;
      });
      return reply.status(result.status).send(result.body);
    } catch (err) {
      // A concurrent retry with the same key committed first: answer as it did.
      if (key && (err as { code?: string }).code === '23505') {
        const replay = await findReplay(ctx.db, scope, key, hash);
        if (replay)
          return reply.status(replay.status).header('Idempotent-Replayed', 'true').send(replay.body);
      }
      throw err;
    }
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/dossiers',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Receive a dossier at the counter or by post, refuse it (form 03), or submit it online; Idempotency-Key supported',
          body: createBody,
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const body = request.body;
        const online = body.channel === 'online';
        let receivingUnitId = body.receivingUnitId;
        if (!receivingUnitId) {
          const grant = session.roles.find((g) => g.role === (online ? 'citizen' : 'counter_officer'));
          if (!grant) throw new Problem(403, 'forbidden');
          receivingUnitId = online ? await procedureAgency(ctx, body.procedureId) : grant.unitId;
        }
        if (body.decision === 'refuse' && !body.reason) {
          throw new Problem(422, 'validation_failed', {}, undefined, [
            { code: 'custom', path: ['reason'], message: 'refusal_reason_required', input: undefined },
          ]);
        }
        return once(request, reply, `dossier-create:${session.user.id}`, async (_r, tx) => {
          const id = await createDossier(
            ctx,
            tx,
            {
              procedureId: body.procedureId,
              channel: body.channel,
              receivingUnitId: receivingUnitId!,
              applicant: body.applicant,
              applicantUserId: online ? session.user.id : null,
              decision: body.decision,
              checklist: body.checklist,
              reason: body.reason,
            },
            actorOf(session),
          );
          return { status: 201, body: await detailAfterChange(tx, request, session, id) };
        });
      },
    );

    r.get(
      '/dossiers',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Dossiers the user works on: filter by unit, state, assignee, due date, overdue; sorted by due date',
          querystring: z.object({
            unit: z.uuid().optional(),
            state: z.enum(DOSSIER_STATES).optional(),
            status: z.coerce.number().int().min(1).max(10).optional(),
            assignee: z.union([z.literal('me'), z.uuid()]).optional(),
            dueBefore: vietnamInstantText.optional(),
            overdue: z.enum(['true', 'false']).optional(),
            risk: z.enum(['at_risk']).optional(),
            dueToday: z.enum(['true', 'false']).optional(),
            open: z.enum(['true', 'false']).optional(),
            q: z.string().trim().max(200).optional(),
            sort: z.enum(['due', '-due', 'received', '-received']).default('due'),
            ...pagingQuery,
          }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const scope = await descendantIds(ctx.db, grantedUnits(session, STAFF));
        if (scope.size === 0) throw new Problem(403, 'forbidden');
        const q = request.query;
        return listDossiers(ctx.db, {
          scope: [...scope],
          unit: q.unit,
          state: q.state,
          nationalStatus: q.status,
          assignee: q.assignee === 'me' ? session.user.id : q.assignee,
          dueBefore: q.dueBefore ? parseVietnamInstant(q.dueBefore)!.toISOString() : undefined,
          overdue: q.overdue === 'true',
          atRisk: q.risk === 'at_risk',
          dueToday: q.dueToday === 'true',
          open: q.open === undefined ? undefined : q.open === 'true',
          q: q.q,
          sort: q.sort,
          page: q.page,
          pageSize: q.pageSize,
          now: ctx.now(),
          locale: requestLocale(request),
        });
      },
    );

    r.get(
      '/dossiers/:id',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'One dossier with its timeline, control sheet, documents and the actions open to the user',
          params: idParams,
        },
      },
      async (request) => {
        const { session, dossier, roles } = await visible(request, request.params.id);
        return detail(ctx.db, request, session, dossier, roles);
      },
    );

    r.get(
      '/dossiers/:id/assignees',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'People who can be assigned the current step: its role, in the unit holding the dossier',
          params: idParams,
        },
      },
      async (request) => {
        const { dossier } = await visible(request, request.params.id);
        const step = dossier.snapshot.step
          ? dossier.snapshot.procedure.steps[dossier.snapshot.step.index]
          : null;
        const unit = dossier.currentUnitId ?? dossier.agencyId;
        const units = [...(await descendantIds(ctx.db, [unit]))];
        const roles = step ? [step.role] : ['specialist', 'head_of_unit'];
        const items = await ctx.db.query<{ id: string; fullName: string; role: string }>(
          `SELECT DISTINCT u.id, u.full_name AS "fullName", r.role FROM app_user u JOIN user_role r ON r.user_id = u.id
            WHERE u.active AND r.role = ANY($1::text[]) AND r.unit_id = ANY($2::uuid[]) ORDER BY u.full_name`,
          [roles, units],
        );
        return { items };
      },
    );

    r.post(
      '/dossiers/:id/actions/:action',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Perform an action of the lifecycle (see the transition table); 409 says why when it is not allowed now',
          params: z.object({ id: z.uuid(), action: z.enum(DOSSIER_ACTIONS) }),
          body: actionBody,
        },
      },
      async (request, reply) => {
        const { session } = await visible(request, request.params.id);
        return once(request, reply, `dossier-action:${request.params.id}`, async (_r, tx) => {
          await performAction(
            ctx,
            tx,
            {
              dossierId: request.params.id,
              action: request.params.action,
              expectedVersion: request.body.version,
              input: request.body.input,
            },
            actorOf(session),
          );
          return { status: 200, body: await detailAfterChange(tx, request, session, request.params.id) };
        });
      },
    );

    r.get(
      '/dossiers/:id/forms/:file',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'A standard form (01-07) filled from the dossier, as DOCX or PDF, e.g. forms/01.pdf',
          params: z.object({
            id: z.uuid(),
            file: z.string().regex(new RegExp(`^(${FORM_CODES.join('|')})\\.(docx|pdf)$`)),
          }),
        },
      },
      async (request, reply) => {
        const { dossier } = await visible(request, request.params.id);
        const [form, ext] = request.params.file.split('.') as [(typeof FORM_CODES)[number], 'docx' | 'pdf'];
        const context = await formContext(ctx, dossier, form);
        try {
          const data =
            ext === 'pdf' ? await renderFormPdf(form, context) : await renderFormDocx(form, context);
          const filename = `mau-${form}-${dossier.code ?? dossier.id}.${ext}`;
          return reply
            .type(ext === 'pdf' ? PDF_MIME : DOCX_MIME)
            .header(
              'Content-Disposition',
              `${ext === 'pdf' ? 'inline' : 'attachment'}; filename="${filename}"`,
            )
            .header('X-Form-Title', encodeURIComponent(formInfo(form).title))
            .send(data);
        } catch (err) {
          if (err instanceof FormDataError) throw new Problem(409, 'form_not_available');
          throw err;
        }
      },
    );

    r.post(
      '/dossiers/:id/documents',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Attach a scan or document (PDF, PNG, JPEG, TIFF, DOCX; checked by content) — multipart field "file", optional "name" and "kind"',
          params: idParams,
        },
      },
      async (request, reply) => {
        const { session, dossier, roles } = await visible(request, request.params.id);
        if (!roles.some((r) => r !== 'citizen') && dossier.snapshot.applicantId !== session.user.id)
          throw new Problem(403, 'forbidden');
        if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
        const file = await request.file();
        if (!file) throw new Problem(400, 'import_file_missing');
        const data = await file.toBuffer().catch((err: { code?: string }) => {
          if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new Problem(
              413,
              'upload_too_large',
              { mb: Math.round(ctx.config.uploadMaxBytes / 1024 / 1024) },
              undefined,
              undefined,
              {
                maxBytes: ctx.config.uploadMaxBytes,
              },
            );
          }
          throw err;
        });
        const fields = file.fields as Record<string, { value?: unknown } | undefined>;
        const name =
          String(fields.name?.value ?? file.filename)
            .trim()
            .slice(0, 300) || file.filename;
        const kindValue = String(fields.kind?.value ?? 'scan');
        const kind = ['applicant', 'scan', 'supplement', 'result', 'other'].includes(kindValue)
          ? kindValue
          : 'other';
        const doc = await ctx.db.transaction(async (tx) => {
          const accepted = await acceptUpload(ctx.files, tx, data, ctx.config.uploadMaxBytes, ctx.now());
          const [row] = await tx.query<{ id: string }>(
            `INSERT INTO dossier_document (id, agency_id, dossier_id, kind, name, filename, sha256, uploaded_by, uploaded_at)
             VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [
              dossier.agencyId,
              dossier.id,
              kind,
              name,
              file.filename.slice(0, 300),
              accepted.sha256,
              session.user.id,
              ctx.now(),
            ],
          );
          return { id: row!.id, ...accepted, name, kind };
        });
        return reply.status(201).send(doc);
      },
    );

    r.get(
      '/dossiers/:id/documents/:documentId',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Download an attached document',
          params: z.object({ id: z.uuid(), documentId: z.uuid() }),
        },
      },
      async (request, reply) => {
        await visible(request, request.params.id);
        const [doc] = await ctx.db.query<{ sha256: string; filename: string; media_type: string }>(
          `SELECT d.sha256, d.filename, f.media_type FROM dossier_document d JOIN stored_file f ON f.sha256 = d.sha256
            WHERE d.id = $1 AND d.dossier_id = $2`,
          [request.params.documentId, request.params.id],
        );
        if (!doc) throw new Problem(404, 'not_found');
        const safeName = doc.filename.replace(/[^\w.-]+/g, '_');
        return reply
          .type(doc.media_type)
          .header('Content-Disposition', `attachment; filename="${safeName}"`)
          .send(await ctx.files.get(doc.sha256));
      },
    );
  };
}

async function procedureAgency(ctx: AppContext, procedureId: string): Promise<string> {
  const [row] = await ctx.db.query<{ agency_id: string }>('SELECT agency_id FROM procedure WHERE id = $1', [
    procedureId,
  ]);
  if (!row) throw new Problem(422, 'procedure_not_in_force');
  return row.agency_id;
}
