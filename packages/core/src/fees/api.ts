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
  /** Why the officer entered these amounts (at least 10 characters); required with `items`. */
  reason: z.string().trim().min(10).max(1000).optional(),
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

/**
 * What the catalogue says the dossier owes: every fee priced (`charge`), none (`free`), or some
 * fee without a confirmed amount (`needs_officer`: the officer enters those, with a reason).
 */
export const feeCatalogueView = z.object({
  kind: z.enum(['charge', 'free', 'needs_officer']),
  /** Fees with a confirmed amount. */
  priced: z.array(z.object({ name: z.string(), amountVnd: z.number().int() })),
  /** Names of the fees the officer must price. */
  unpriced: z.array(z.string()),
});

/** The fee requests of one dossier, newest first, and what its catalogue prices. */
export const feeRequestListResponse = z.object({
  items: z.array(feeRequestView),
  catalogue: feeCatalogueView,
});

/**
 * How to pay a dossier's open fee by transfer, as the public lookup and the citizen's page show it:
 * the agency's account, the amount and the dossier code as the reference; nothing about the citizen.
 */
export const publicPaymentSchema = z.object({
  bankBin: z.string(),
  /** The bank's name, when the BIN is a known NAPAS member. */
  bankName: z.string().nullable(),
  accountNumber: z.string(),
  accountName: z.string(),
  amountVnd: z.number().int(),
  /** The dossier code, to write as the transfer's description. */
  reference: z.string(),
  /** The VietQR code of this payment, as PNG (public). */
  qrUrl: z.string(),
});
export type PublicPayment = z.infer<typeof publicPaymentSchema>;
export type FeeCatalogueView = z.infer<typeof feeCatalogueView>;

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
