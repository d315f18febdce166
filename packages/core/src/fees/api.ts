import { z } from 'zod';

/** The fees API's bodies and answers (server validates with them, web infers its types from them). */

export const FEE_REQUEST_STATUSES = ['open', 'paid', 'exempt', 'cancelled'] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'gateway'] as const;
export const STATEMENT_LINE_STATUSES = ['matched', 'unmatched', 'assigned', 'dismissed'] as const;
export const UNMATCHED_REASONS = [
  'no_code',
  'amount_differs',
  'ambiguous',
  'duplicate_line',
  'already_paid',
] as const;

/** Roles that see and record payments and statements, on their agency only. */
export const FEE_ROLES = ['finance', 'counter_officer'] as const;

export const bankAccountBody = z.strictObject({
  bankBin: z.string().regex(/^\d{6}$/),
  accountNumber: z.string().regex(/^[0-9A-Za-z]{1,19}$/),
  accountName: z.string().trim().min(2).max(100),
});

export const bankAccountView = bankAccountBody.extend({ id: z.uuid() });
export const bankAccountListResponse = z.object({ items: z.array(bankAccountView) });

export const feeRequestBody = z.strictObject({
  dossierId: z.uuid(),
  /** The dossier version the officer saw. */
  version: z.number().int().min(1),
  accountId: z.uuid(),
  /** Only when the catalogue has no confirmed amount for some fee. */
  items: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(300),
        amountVnd: z.number().int().min(1).max(1_000_000_000_000),
      }),
    )
    .max(50)
    .optional(),
});

export const exemptionBody = z.strictObject({
  reason: z.string().trim().min(10).max(1000),
  percent: z.number().int().min(1).max(100),
});

export const recordPaymentBody = z.strictObject({
  method: z.enum(['cash', 'bank_transfer']),
  amountVnd: z.number().int().min(1),
  note: z.string().trim().max(1000).optional(),
});

export const feeRequestView = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  reference: z.string(),
  items: z.array(z.object({ name: z.string(), amountVnd: z.number().int() })),
  catalogueAmountVnd: z.number().int(),
  amountVnd: z.number().int(),
  status: z.enum(FEE_REQUEST_STATUSES),
  exemptionReason: z.string().nullable(),
  account: bankAccountView,
  /** The VietQR payload (NAPAS EMVCo) to pay by transfer; null unless open. */
  vietQr: z.string().nullable(),
  payment: z
    .object({
      id: z.uuid(),
      method: z.enum(PAYMENT_METHODS),
      amountVnd: z.number().int(),
      paidAt: z.string(),
      receiptNumber: z.string(),
    })
    .nullable(),
});

/** The fee requests of one dossier, newest first. */
export const feeRequestListResponse = z.object({ items: z.array(feeRequestView) });

export const statementImportResponse = z.object({
  statementId: z.uuid(),
  lines: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  duplicates: z.number().int(),
});

export const statementLineView = z.object({
  id: z.uuid(),
  row: z.number().int(),
  bookedOn: z.string(),
  amountVnd: z.number().int(),
  description: z.string(),
  status: z.enum(STATEMENT_LINE_STATUSES),
  reason: z.string().nullable(),
  duplicate: z.boolean(),
  fileName: z.string(),
});
export const statementLineListResponse = z.object({ items: z.array(statementLineView) });

export const resolveLineBody = z.discriminatedUnion('resolution', [
  z.strictObject({ resolution: z.literal('assign'), feeRequestId: z.uuid() }),
  /** The dossier code the person read on the line; its open fee request on the line's account is paid. */
  z.strictObject({ resolution: z.literal('assign_dossier'), dossierCode: z.string().trim().min(3).max(50) }),
  z.strictObject({ resolution: z.literal('dismiss'), reason: z.string().trim().min(10).max(1000) }),
]);

export const reconciliationResponse = z.object({
  day: z.string(),
  accountId: z.uuid(),
  /** Open requests of the account at the end of the day plus those paid that day. */
  expectedVnd: z.number().int(),
  receivedVnd: z.number().int(),
  matchedVnd: z.number().int(),
  unmatchedVnd: z.number().int(),
  payments: z.number().int(),
  unmatchedLines: z.number().int(),
  byMethod: z.object({ bank_transfer: z.number().int(), cash: z.number().int(), gateway: z.number().int() }),
});

export type FeeRequestView = z.infer<typeof feeRequestView>;
export type StatementLineView = z.infer<typeof statementLineView>;
export type ReconciliationView = z.infer<typeof reconciliationResponse>;
