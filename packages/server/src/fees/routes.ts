import {
  bankAccountBody,
  bankAccountListResponse,
  bankAccountView,
  exemptionBody,
  feeRequestBody,
  feeRequestListResponse,
  feeRequestView,
  isDossierCode,
  reconciliationResponse,
  recordPaymentBody,
  resolveLineBody,
  statementImportResponse,
  statementLineListResponse,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import { PDF_MIME } from '../documents/index.ts';
import { findByCode } from '../dossiers/store.ts';
import { readUpload } from '../files/read-upload.ts';
import { Problem } from '../http/problem.ts';
import { answers, fileAnswer } from '../http/responses.ts';
import * as fees from './service.ts';
import { vietQrPng } from './vietqr.ts';

const idParams = z.object({ id: z.uuid() });

/** /api/v1/fees: fee requests, payments, bank statements and reconciliation, for finance and counter roles. */
export function feeRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['fees'];

    r.get(
      '/accounts',
      {
        schema: {
          tags,
          summary: "The agency's collection accounts",
          response: answers({ 200: bankAccountListResponse }),
        },
      },
      async (request) => ({ items: await fees.listAccounts(ctx.db, requireSession(request)) }),
    );

    r.post(
      '/accounts',
      {
        schema: {
          tags,
          summary: 'Declare a collection account (finance): bank BIN, number, name',
          body: bankAccountBody,
          response: answers({ 201: bankAccountView }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        return reply
          .status(201)
          .send(await ctx.db.transaction((tx) => fees.addAccount(tx, session, request.body)));
      },
    );

    r.post(
      '/requests',
      {
        schema: {
          tags,
          summary: 'Ask for the fee of a dossier (amount from the catalogue); the dossier waits for payment',
          body: feeRequestBody,
          response: answers({ 201: feeRequestView }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        const view = await ctx.db.transaction((tx) => fees.requestFee(ctx, tx, session, request.body));
        return reply.status(201).send(view);
      },
    );

    r.get(
      '/requests/:id',
      {
        schema: {
          tags,
          summary: 'A fee request, its VietQR payload and payment',
          params: idParams,
          response: answers({ 200: feeRequestView }),
        },
      },
      async (request) => fees.feeRequest(ctx.db, requireSession(request), request.params.id),
    );

    r.get(
      '/dossiers/:id/requests',
      {
        schema: {
          tags,
          summary: 'The fee requests of a dossier, newest first',
          params: idParams,
          response: answers({ 200: feeRequestListResponse }),
        },
      },
      async (request) => fees.dossierRequests(ctx.db, requireSession(request), request.params.id),
    );

    r.get(
      '/requests/:id/vietqr.png',
      {
        schema: {
          tags,
          summary: 'The VietQR code to pay an open fee by bank transfer, as PNG',
          params: idParams,
          response: answers({ 200: fileAnswer('VietQR PNG', ['image/png']) }),
        },
      },
      async (request, reply) => {
        const view = await fees.feeRequest(ctx.db, requireSession(request), request.params.id);
        if (!view.vietQr) throw new Problem(409, 'fee_already_paid');
        return reply.type('image/png').send(await vietQrPng(view.vietQr));
      },
    );

    r.post(
      '/requests/:id/exemption',
      {
        schema: {
          tags,
          summary: 'Exempt the fee wholly or partly, with the reason (audited)',
          params: idParams,
          body: exemptionBody,
          response: answers({ 200: feeRequestView }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction((tx) => fees.exemptFee(ctx, tx, session, request.params.id, request.body));
      },
    );

    r.post(
      '/requests/:id/payments',
      {
        schema: {
          tags,
          summary: 'Record a payment (cash or transfer); confirms the dossier; a second one is refused',
          params: idParams,
          body: recordPaymentBody,
          response: answers({ 200: feeRequestView }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        return ctx.db.transaction((tx) =>
          fees.recordPayment(ctx, tx, session, request.params.id, request.body),
        );
      },
    );

    r.get(
      '/payments/:id/receipt.pdf',
      {
        schema: {
          tags,
          summary: 'The receipt (biên lai) of a payment, as PDF',
          params: idParams,
          response: answers({ 200: fileAnswer('Receipt PDF', [PDF_MIME]) }),
        },
      },
      async (request, reply) => {
        const pdf = await fees.receiptOf(ctx.db, requireSession(request), request.params.id);
        return reply
          .type(PDF_MIME)
          .header('content-disposition', 'inline; filename="bien-lai.pdf"')
          .send(pdf);
      },
    );

    r.post(
      '/accounts/:id/statements',
      {
        schema: {
          tags,
          summary: 'Import a bank statement CSV (multipart field "file"); matched lines confirm payments',
          params: idParams,
          response: answers({ 201: statementImportResponse }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        if (!request.isMultipart()) throw new Problem(415, 'unsupported_media_type');
        const file = await request.file();
        if (!file) throw new Problem(400, 'import_file_missing');
        const data = await readUpload(file, ctx.config.uploadMaxBytes);
        const result = await ctx.db.transaction((tx) =>
          fees.importStatement(ctx, tx, session, request.params.id, {
            name: file.filename.slice(0, 300),
            data,
          }),
        );
        return reply.status(201).send(result);
      },
    );

    r.get(
      '/unmatched',
      {
        schema: {
          tags,
          summary: 'Statement lines no fee matched, for a person to resolve',
          response: answers({ 200: statementLineListResponse }),
        },
      },
      async (request) => ({ items: await fees.unmatched(ctx.db, requireSession(request)) }),
    );

    r.post(
      '/unmatched/:id',
      {
        schema: {
          tags,
          summary: 'Resolve an unmatched line: assign it to a fee request, or dismiss it with a reason',
          params: idParams,
          body: resolveLineBody,
          response: answers({ 204: z.null() }),
        },
      },
      async (request, reply) => {
        const session = requireSession(request);
        await ctx.db.transaction((tx) => fees.resolveLine(ctx, tx, session, request.params.id, request.body));
        return reply.status(204).send(null);
      },
    );

    r.get(
      '/reconciliation',
      {
        schema: {
          tags,
          summary: 'One day of one account: expected, received, matched, unmatched',
          querystring: z.object({ accountId: z.uuid(), day: z.iso.date() }),
          response: answers({ 200: reconciliationResponse }),
        },
      },
      async (request) =>
        fees.reconcile(ctx.db, requireSession(request), request.query.accountId, request.query.day),
    );
  };
}

/**
 * /api/v1/public/dossiers/:code/payment-qr.png: the VietQR code of a dossier's open fee, for the
 * lookup page and the citizen's page. Public and rate-limited like the lookup: the code carries only
 * the agency's account, the amount and the dossier code, nothing about the citizen.
 */
export function publicFeeRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/public/dossiers/:code/payment-qr.png',
      {
        schema: {
          tags: ['fees'],
          summary: "The VietQR code to pay a dossier's open fee by transfer, as PNG (no personal data)",
          params: z.object({ code: z.string().trim().min(1).max(60) }),
          response: answers({ 200: fileAnswer('VietQR PNG', ['image/png']) }),
        },
        config: { rateLimit: { max: 60, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const code = request.params.code.toUpperCase();
        if (!isDossierCode(code)) throw new Problem(400, 'dossier_code_format');
        const dossier = await findByCode(ctx.db, code);
        if (!dossier) throw new Problem(404, 'dossier_not_found');
        const open =
          dossier.state === 'awaiting_payment'
            ? await fees.openPayment(ctx.db, dossier.agencyId, dossier.id)
            : null;
        if (!open) throw new Problem(404, 'fee_nothing_to_pay');
        return reply
          .type('image/png')
          .header('cache-control', 'no-store')
          .send(await vietQrPng(open.payload));
      },
    );
  };
}
