import {
  CATALOGUE_EDITORS,
  draftCreateBody,
  draftSubmitBody,
  draftSubmittedResponse,
  draftUpdateBody,
  draftView,
  eformBody,
  eformResponse,
} from '@motcua/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantedUnits, requireRole } from '../auth/guard.ts';
import { procedureAgencyId } from '../catalogue/procedures.ts';
import { requireCitizen } from '../citizen-auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { readUpload } from '../files/read-upload.ts';
import { ACCEPTED_MEDIA_TYPES } from '../files/sniff.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { agenciesAmong } from '../org/units.ts';
import {
  draftDocumentFile,
  removeDraftDocument,
  resumeDraft,
  saveDraft,
  startDraft,
  submitDraft,
  uploadDraftDocument,
} from './service.ts';
import { eformOf, saveEform } from './store.ts';

const procedureParams = z.object({ procedureId: z.uuid() });
const idParams = z.object({ id: z.uuid() });
const itemParams = z.object({ procedureId: z.uuid(), item: z.coerce.number().int().min(0).max(199) });
const draftQuery = z.object({ draftId: z.uuid() });

/**
 * /api/v1/citizen/drafts: a signed-in citizen's online application, kept on the server (resumed on
 * any device), saved page by page with an optimistic version, submitted once through submit_online.
 */
export function onlineSubmissionRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['online-submission'];

    r.post(
      '/citizen/drafts',
      {
        schema: {
          tags,
          summary: 'Start the online application of a procedure, or resume the open draft',
          body: draftCreateBody,
          response: answers({ 200: draftView, 201: draftView }),
        },
      },
      async (request, reply) => {
        const session = requireCitizen(request);
        const { created, draft } = await ctx.db.transaction((tx) =>
          startDraft(ctx, tx, session, request.body.procedureId),
        );
        return reply.code(created ? 201 : 200).send(draft);
      },
    );

    r.get(
      '/citizen/drafts/:procedureId',
      {
        schema: {
          tags,
          summary: "The signed-in citizen's open draft of the procedure (404 for anyone else)",
          params: procedureParams,
          response: answers({ 200: draftView }),
        },
      },
      async (request) => resumeDraft(ctx.db, requireCitizen(request), request.params.procedureId),
    );

    r.put(
      '/citizen/drafts/:procedureId',
      {
        schema: {
          tags,
          summary: 'Save answers (the page given is validated); 409 when the version is stale',
          params: procedureParams,
          body: draftUpdateBody,
          response: answers({ 200: draftView }),
        },
      },
      async (request) => {
        const session = requireCitizen(request);
        return ctx.db.transaction((tx) =>
          saveDraft(ctx, tx, session, request.params.procedureId, request.body, requestLocale(request)),
        );
      },
    );

    r.post(
      '/citizen/drafts/:procedureId/submit',
      {
        schema: {
          tags,
          summary: 'Submit the draft (engine submit_online); a retry answers the same dossier',
          params: procedureParams,
          body: draftSubmitBody,
          response: answers({ 200: draftSubmittedResponse, 201: draftSubmittedResponse }),
        },
      },
      async (request, reply) => {
        const session = requireCitizen(request);
        const out = await ctx.db.transaction((tx) =>
          submitDraft(ctx, tx, session, request.params.procedureId, request.body, requestLocale(request)),
        );
        return reply.code(out.created ? 201 : 200).send(out.body);
      },
    );

    r.post(
      '/citizen/drafts/:procedureId/documents/:item',
      {
        schema: {
          tags,
          summary:
            'Upload the file of a checklist item (PDF, PNG, JPEG, TIFF, DOCX; checked by content as at the counter), replacing the earlier one — multipart "draftId" then file "file"',
          params: itemParams,
          response: answers({ 200: draftView }),
        },
      },
      async (request) => {
        const session = requireCitizen(request);
        if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
        const file = await request.file();
        if (!file) throw new Problem(400, 'import_file_missing');
        const data = await readUpload(file, ctx.config.uploadMaxBytes);
        const fields = file.fields as Record<string, { value?: unknown } | undefined>;
        const parsed = draftQuery.safeParse({ draftId: fields.draftId?.value });
        if (!parsed.success) throw new Problem(404, 'draft_not_found');
        const { draftId } = parsed.data;
        return ctx.db.transaction((tx) =>
          uploadDraftDocument(ctx, tx, session, request.params.procedureId, {
            draftId,
            item: request.params.item,
            data,
            filename: file.filename.slice(0, 300),
          }),
        );
      },
    );

    r.delete(
      '/citizen/drafts/:procedureId/documents/:item',
      {
        schema: {
          tags,
          summary: 'Remove the file of a checklist item from the draft',
          params: itemParams,
          querystring: draftQuery,
          response: answers({ 200: draftView }),
        },
      },
      async (request) => {
        const session = requireCitizen(request);
        const { procedureId, item } = request.params;
        return ctx.db.transaction((tx) =>
          removeDraftDocument(ctx, tx, session, procedureId, request.query.draftId, item),
        );
      },
    );

    r.get(
      '/citizen/drafts/:procedureId/documents/:item',
      {
        schema: {
          tags,
          summary: 'Download the file uploaded for a checklist item (the owner only)',
          params: itemParams,
          response: answers({
            200: fileAnswer('The file as it was uploaded', Object.keys(ACCEPTED_MEDIA_TYPES)),
          }),
        },
      },
      async (request, reply) => {
        const session = requireCitizen(request);
        const doc = await draftDocumentFile(ctx, session, request.params.procedureId, request.params.item);
        const safeName = doc.filename.replace(/[^\w.-]+/g, '_');
        return reply
          .type(doc.mediaType)
          .header('Content-Disposition', `attachment; filename="${safeName}"`)
          .send(doc.data);
      },
    );

    /** The catalogue editor's access to a procedure: in their agencies, else not found. */
    const assertEditable = async (request: FastifyRequest, procedureId: string) => {
      const session = requireRole(request, CATALOGUE_EDITORS);
      const units = await descendantIds(ctx.db, grantedUnits(session, CATALOGUE_EDITORS));
      const agencyIds = new Set(await agenciesAmong(ctx.db, [...units]));
      const agencyId = await procedureAgencyId(ctx.db, procedureId);
      if (!agencyId || !agencyIds.has(agencyId)) throw new Problem(404, 'procedure_not_found');
      return session;
    };

    r.get(
      '/admin/procedures/:id/eform',
      {
        schema: {
          tags,
          summary: "The procedure's e-form (null when it has none)",
          params: idParams,
          response: answers({ 200: eformResponse }),
        },
      },
      async (request) => {
        await assertEditable(request, request.params.id);
        const eform = await eformOf(ctx.db, request.params.id);
        return {
          procedureId: request.params.id,
          form: eform?.form ?? null,
          updatedAt: eform?.updatedAt.toISOString() ?? null,
        };
      },
    );

    r.put(
      '/admin/procedures/:id/eform',
      {
        schema: {
          tags,
          summary: "Replace the procedure's e-form (pages of fields, labels, hints, validation)",
          params: idParams,
          body: eformBody,
          response: answers({ 200: eformResponse }),
        },
      },
      async (request) => {
        const session = await assertEditable(request, request.params.id);
        await saveEform(ctx.db, request.params.id, request.body.form, session.user.id, ctx.now());
        const eform = (await eformOf(ctx.db, request.params.id))!;
        return { procedureId: request.params.id, form: eform.form, updatedAt: eform.updatedAt.toISOString() };
      },
    );
  };
}
