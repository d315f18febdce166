import {
  citizenDossierListResponse,
  citizenDossierResponse,
  citizenNotificationPreferences,
  citizenSupplementAnswer,
  citizenWithdrawalBody,
  noContentSchema,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCitizen } from '../citizen-auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { readUpload } from '../files/read-upload.ts';
import { ACCEPTED_MEDIA_TYPES } from '../files/sniff.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import { backfillApplicantIdHmac } from './identity-match.ts';
import {
  citizenDossier,
  citizenResult,
  listCitizenDossiers,
  requestWithdrawal,
  submitSupplement,
  supplementItemNumbers,
} from './service.ts';
import { citizenPreferences, saveCitizenPreferences } from './store.ts';

const idParams = z.object({ id: z.uuid() });

/** My dossiers (hồ sơ của tôi) and notification choices of the signed-in citizen. */
export function citizenDossierRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // Dossiers written before migration 0033 get their identity HMAC once the server is up.
    app.addHook('onReady', async () => {
      await backfillApplicantIdHmac(ctx);
    });

    r.get(
      '/dossiers',
      {
        schema: {
          tags: ['citizen'],
          summary:
            "The signed-in citizen's dossiers: online ones and counter ones under their identity number",
          response: answers({ 200: citizenDossierListResponse }),
        },
      },
      async (request) => listCitizenDossiers(ctx, requireCitizen(request), requestLocale(request)),
    );

    r.get(
      '/dossiers/:id',
      {
        schema: {
          tags: ['citizen'],
          summary:
            "One of the citizen's dossiers: status, timeline, due date and time left, supplement asked",
          params: idParams,
          response: answers({ 200: citizenDossierResponse }),
        },
      },
      async (request) =>
        citizenDossier(ctx, requireCitizen(request), request.params.id, requestLocale(request)),
    );

    r.post(
      '/dossiers/:id/supplement',
      {
        schema: {
          tags: ['citizen'],
          summary:
            'Answer a supplement request online: multipart, one file per item asked for in field "item_<number>"',
          params: idParams,
          response: answers({ 200: citizenSupplementAnswer }),
        },
      },
      async (request) => {
        const session = requireCitizen(request);
        if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
        const files = new Map<number, { data: Buffer; filename: string }>();
        // Exactly as many files as items asked for, each read up to the upload limit and refused
        // as soon as it is over: memory stays within (items asked) × (upload limit).
        const asked = await supplementItemNumbers(ctx, session, request.params.id);
        if (asked.length > 0) {
          const parts = request.parts({
            limits: { files: asked.length, fileSize: ctx.config.uploadMaxBytes, fields: 10 },
          });
          try {
            for await (const part of parts) {
              if (part.type !== 'file') continue;
              const number = Number(/^item_(\d{1,3})$/.exec(part.fieldname)?.[1] ?? Number.NaN);
              if (!asked.includes(number) || files.has(number)) {
                part.file.resume();
                throw new Problem(422, 'supplement_items_mismatch', {
                  items: part.fieldname.replace(/^item_/, '').slice(0, 10),
                });
              }
              const data = await readUpload(part, ctx.config.uploadMaxBytes);
              files.set(number, { data, filename: part.filename || `muc-${number}` });
            }
          } catch (err) {
            if ((err as { code?: string }).code === 'FST_FILES_LIMIT') {
              throw new Problem(413, 'supplement_too_many_files', { count: asked.length });
            }
            throw err;
          }
        }
        return submitSupplement(ctx, session, request.params.id, files);
      },
    );

    r.post(
      '/dossiers/:id/withdrawal',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Ask to withdraw the dossier, with a reason (the agency accepts or refuses)',
          params: idParams,
          body: citizenWithdrawalBody,
          response: answers({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        await requestWithdrawal(ctx, requireCitizen(request), request.params.id, request.body);
        return reply.status(204).send();
      },
    );

    r.get(
      '/dossiers/:id/result',
      {
        schema: {
          tags: ['citizen'],
          summary: "Download the dossier's electronic result (404 result_not_electronic when there is none)",
          params: idParams,
          response: answers({
            200: fileAnswer('The result document', Object.keys(ACCEPTED_MEDIA_TYPES)),
          }),
        },
      },
      async (request, reply) => {
        const doc = await citizenResult(ctx, requireCitizen(request), request.params.id);
        const safeName = doc.filename.replace(/[^\w.-]+/g, '_');
        return reply
          .type(doc.media_type)
          .header('Content-Disposition', `attachment; filename="${safeName}"`)
          .send(doc.data);
      },
    );

    r.get(
      '/notification-preferences',
      {
        schema: {
          tags: ['citizen'],
          summary: 'The language and channels the citizen is told on',
          response: answers({ 200: citizenNotificationPreferences }),
        },
      },
      async (request) => {
        const session = requireCitizen(request);
        const p = await citizenPreferences(ctx.db, session.citizen.id);
        return {
          locale: p?.locale ?? 'vi',
          channels: (p?.notify_channels ?? ['email']) as ('email' | 'sms' | 'zalo')[],
        };
      },
    );

    r.put(
      '/notification-preferences',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Choose the language and channels (email now; SMS and Zalo are not available yet)',
          body: citizenNotificationPreferences,
          response: answers({ 200: citizenNotificationPreferences }),
        },
      },
      async (request) => {
        const session = requireCitizen(request);
        const { locale, channels } = request.body;
        if (channels.some((c) => c !== 'email')) throw new Problem(422, 'channel_not_available');
        const unique = [...new Set(channels)];
        await saveCitizenPreferences(ctx.db, session.citizen.id, { locale, channels: unique });
        return { locale, channels: unique };
      },
    );
  };
}
