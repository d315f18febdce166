import {
  assigneeListSchema,
  attachedDocumentSchema,
  DOCUMENT_UPLOAD_ROLES,
  DOSSIER_ACTIONS,
  DOSSIER_STATES,
  type DossierAccess,
  dossierDetailSchema,
  dossierListSchema,
  dossierQueueUnits,
  removedDocumentSchema,
} from '@motcua/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../auth/guard.ts';
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
import { readUpload } from '../files/read-upload.ts';
import { ACCEPTED_MEDIA_TYPES } from '../files/sniff.ts';
import { answerOnce } from '../http/idempotency.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { parseVietnamInstant, vietnamInstantText } from '../time.ts';
import { recordPersonalDataRead } from './access-log.ts';
import { applicantSchema } from './applicant.ts';
import { attachDocument, DOCUMENT_KINDS, findDocument, removeDocument } from './documents.ts';
import { formContext } from './forms.ts';
import { listDossiers } from './list.ts';
import { staffWithRoles } from './read-store.ts';
import { type Actor, accessToDossier, actOnDossier, type CommandOutcome, createDossier } from './service.ts';
import { type DossierRecord, loadDossier } from './store.ts';
import { dossierDetail } from './views.ts';

const idParams = z.object({ id: z.uuid() });

const createBody = z.strictObject({
  procedureId: z.uuid(),
  channel: z.enum(['counter', 'post', 'online']),
  /** Counter or post: the receiving unit (default: the officer's first counter). Online: the agency's designated unit. */
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

/** How the signed-in user stands towards a dossier: may they see it, as staff, acting in which roles. */
function accessOf(db: Queryable, session: Session, dossier: DossierRecord) {
  return accessToDossier(db, actorOf(session), { ...dossier, applicantUserId: dossier.snapshot.applicantId });
}

export function dossierRoutes(ctx: AppContext) {
  /**
   * Loads a dossier the user may see (staff working on it, a reader the agency granted access, or
   * its applicant); 404 otherwise, so its existence is not disclosed.
   */
  const visible = async (request: FastifyRequest, id: string) => {
    const session = requireSession(request);
    const dossier = await loadDossier(ctx.db, id);
    if (!dossier) throw new Problem(404, 'dossier_not_found');
    const access = await accessOf(ctx.db, session, dossier);
    if (!access.read) throw new Problem(404, 'dossier_not_found');
    return { session, dossier, access, roles: access.roles };
  };

  /** Records a staff member's read of the applicant's data (who, when, which dossier, what). */
  const recordRead = (
    db: Queryable,
    session: Session,
    dossier: DossierRecord,
    access: DossierAccess,
    what: 'detail' | 'form' | 'document',
    item: string | null = null,
  ) =>
    access.staff
      ? recordPersonalDataRead(db, {
          at: ctx.now(),
          agencyId: dossier.agencyId,
          dossierId: dossier.id,
          userId: session.user.id,
          access: access.roles.length > 0 ? access.roles.join(',') : 'read_grant',
          what,
          item,
        })
      : Promise.resolve();

  /** The dossier as the user sees it, with the actions open to them now; a staff read is recorded. */
  const detail = async (
    db: Queryable,
    request: FastifyRequest,
    session: Session,
    dossier: DossierRecord,
    access: DossierAccess,
  ) => {
    await recordRead(db, session, dossier, access, 'detail');
    return dossierDetail(
      db,
      dossier,
      { id: session.user.id, roles: access.roles },
      requestLocale(request),
      ctx.now(),
    );
  };

  /** The answer to a command, built from what it wrote: the row as stored and the access it computed. */
  const answer = (tx: Queryable, request: FastifyRequest, session: Session, outcome: CommandOutcome) =>
    recordRead(tx, session, outcome.record, outcome.access, 'detail').then(() =>
      dossierDetail(
        tx,
        outcome.record,
        { id: session.user.id, roles: outcome.access.roles },
        requestLocale(request),
        ctx.now(),
        outcome.calendar,
      ),
    );

  const once = (
    request: FastifyRequest,
    reply: FastifyReply,
    scope: string,
    work: (tx: Queryable) => Promise<{ status: number; body: unknown }>,
  ) => answerOnce(ctx, request, reply, scope, request.body, work);

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
          response: answers({ 201: dossierDetailSchema }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const body = request.body;
        const online = body.channel === 'online';
        if (body.decision === 'refuse' && !body.reason) {
          throw new Problem(422, 'validation_failed', {}, undefined, [
            { code: 'custom', path: ['reason'], message: 'refusal_reason_required', input: undefined },
          ]);
        }
        return once(request, reply, `dossier-create:${session.user.id}`, async (tx) => {
          const outcome = await createDossier(
            ctx,
            tx,
            {
              procedureId: body.procedureId,
              channel: body.channel,
              receivingUnitId: body.receivingUnitId,
              applicant: body.applicant,
              applicantUserId: online ? session.user.id : null,
              decision: body.decision,
              checklist: body.checklist,
              reason: body.reason,
            },
            actorOf(session),
          );
          return { status: 201, body: await answer(tx, request, session, outcome) };
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
          response: answers({ 200: dossierListSchema }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const scope = await descendantIds(ctx.db, dossierQueueUnits(session.roles));
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
          response: answers({ 200: dossierDetailSchema }),
        },
      },
      async (request) => {
        const { session, dossier, access } = await visible(request, request.params.id);
        return detail(ctx.db, request, session, dossier, access);
      },
    );

    r.get(
      '/dossiers/:id/assignees',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'People who can be assigned the current step: its role, in the unit holding the dossier',
          params: idParams,
          response: answers({ 200: assigneeListSchema }),
        },
      },
      async (request) => {
        const { dossier, access } = await visible(request, request.params.id);
        // Staff names are for staff; the applicant follows the dossier, not the people on it.
        if (!access.staff) throw new Problem(403, 'forbidden');
        const step = dossier.snapshot.step
          ? dossier.snapshot.procedure.steps[dossier.snapshot.step.index]
          : null;
        const unit = dossier.currentUnitId ?? dossier.agencyId;
        const units = [...(await descendantIds(ctx.db, [unit]))];
        const roles = step ? [step.role] : ['specialist', 'head_of_unit'];
        return { items: await staffWithRoles(ctx.db, roles, units) };
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
          response: answers({ 200: dossierDetailSchema }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        // Keys are the user's own: another user's action with the same key is theirs, not a replay.
        const scope = `dossier-action:${request.params.id}:${session.user.id}`;
        return once(request, reply, scope, async (tx) => {
          const outcome = await actOnDossier(
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
          return { status: 200, body: await answer(tx, request, session, outcome) };
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
          response: answers({ 200: fileAnswer('The form as PDF or DOCX', [PDF_MIME, DOCX_MIME]) }),
        },
      },
      async (request, reply) => {
        const { session, dossier, access } = await visible(request, request.params.id);
        const [form, ext] = request.params.file.split('.') as [(typeof FORM_CODES)[number], 'docx' | 'pdf'];
        await recordRead(ctx.db, session, dossier, access, 'form', form);
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
          response: answers({ 201: attachedDocumentSchema }),
        },
      },
      async (request, reply) => {
        const { session, dossier, roles } = await visible(request, request.params.id);
        if (!roles.some((r) => DOCUMENT_UPLOAD_ROLES.includes(r))) throw new Problem(403, 'forbidden');
        if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
        const file = await request.file();
        if (!file) throw new Problem(400, 'import_file_missing');
        const data = await readUpload(file, ctx.config.uploadMaxBytes);
        const fields = file.fields as Record<string, { value?: unknown } | undefined>;
        const name =
          String(fields.name?.value ?? file.filename)
            .trim()
            .slice(0, 300) || file.filename;
        const kindValue = String(fields.kind?.value ?? 'scan');
        const kind = DOCUMENT_KINDS.find((k) => k === kindValue) ?? 'other';
        const doc = await attachDocument(ctx, dossier, session.user, {
          data,
          filename: file.filename.slice(0, 300),
          name,
          kind,
        });
        return reply.status(201).send(doc);
      },
    );

    r.delete(
      '/dossiers/:id/documents/:documentId',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Remove an attached document: it leaves the dossier and its download, stays stored, and the removal is a document_removed event',
          params: z.object({ id: z.uuid(), documentId: z.uuid() }),
          response: answers({ 200: removedDocumentSchema }),
        },
      },
      async (request, reply) => {
        const { session, dossier, roles } = await visible(request, request.params.id);
        if (!roles.some((r) => DOCUMENT_UPLOAD_ROLES.includes(r))) throw new Problem(403, 'forbidden');
        const at = await removeDocument(ctx, dossier, session.user, request.params.documentId);
        return reply.status(200).send({ id: request.params.documentId, removedAt: at.toISOString() });
      },
    );

    r.get(
      '/dossiers/:id/documents/:documentId',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Download an attached document',
          params: z.object({ id: z.uuid(), documentId: z.uuid() }),
          response: answers({
            200: fileAnswer('The document as it was uploaded', Object.keys(ACCEPTED_MEDIA_TYPES)),
          }),
        },
      },
      async (request, reply) => {
        const { session, dossier, access } = await visible(request, request.params.id);
        const doc = await findDocument(ctx.db, dossier.agencyId, dossier.id, request.params.documentId);
        if (!doc) throw new Problem(404, 'not_found');
        await recordRead(ctx.db, session, dossier, access, 'document', request.params.documentId);
        const safeName = doc.filename.replace(/[^\w.-]+/g, '_');
        return reply
          .type(doc.media_type)
          .header('Content-Disposition', `attachment; filename="${safeName}"`)
          .send(await ctx.files.get(doc.sha256));
      },
    );
  };
}
