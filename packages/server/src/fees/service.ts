import { createHash, randomUUID } from 'node:crypto';
import {
  applyExemption,
  assessFees,
  FEE_ROLES,
  type FeeEntryRefusal,
  type FeeEntryRefusalCode,
  type FeeRequestView,
  feesToCharge,
  matchLine,
  type PaymentFigures,
  type PublicPayment,
  parseStatement,
  type ReconciliationView,
  type StatementLineView,
  vietnamDateOf,
} from '@motcua/core';
import iconv from 'iconv-lite';
import { Banks } from 'vietnam-qr-pay';
import { recordAudit } from '../audit.ts';
import type { Session } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { type Actor, performAction, SYSTEM } from '../dossiers/service.ts';
import { loadDossier } from '../dossiers/store.ts';
import type { ProblemCode } from '../http/messages.ts';
import { Problem } from '../http/problem.ts';
import { bankTransferGateway } from './gateway.ts';
import { receiptPdf } from './receipt.ts';
import * as store from './store.ts';

/** Fees' use cases: each checks who may act, in the caller's transaction. */

/** The agencies where the user holds a fee role (finance, counter); none → 403. */
export function feeAgencies(session: Session): string[] {
  const ids = session.roles
    .filter((g) => (FEE_ROLES as readonly string[]).includes(g.role) && g.agencyId)
    .map((g) => g.agencyId!);
  if (ids.length === 0) throw new Problem(403, 'forbidden');
  return [...new Set(ids)];
}

/** The one agency a request names, or the user's only one. */
export function feeAgency(session: Session, named?: string): string {
  const ids = feeAgencies(session);
  if (named) {
    if (!ids.includes(named)) throw new Problem(403, 'forbidden');
    return named;
  }
  return ids[0]!;
}

const actorOf = (session: Session): Actor => ({
  userId: session.user.id,
  name: session.user.fullName,
  grants: session.roles.map((r) => ({ role: r.role, unitId: r.unitId })),
});

export const receiptNumber = (year: number, n: number) => `${String(n).padStart(6, '0')}/${year}/BL`;

export async function addAccount(
  db: Queryable,
  session: Session,
  body: { bankBin: string; accountNumber: string; accountName: string },
) {
  if (!session.roles.some((g) => g.role === 'finance' && g.agencyId)) throw new Problem(403, 'forbidden');
  const agencyId = session.roles.find((g) => g.role === 'finance' && g.agencyId)!.agencyId!;
  return store.insertAccount(db, agencyId, randomUUID(), body);
}

export async function listAccounts(db: Queryable, session: Session) {
  return (await store.accounts(db, feeAgencies(session))).map(({ agencyId: _a, ...a }) => a);
}

async function view(db: Queryable, r: store.RequestRow): Promise<FeeRequestView> {
  const account = await store.account(db, r.agencyId, r.accountId);
  if (!account) throw new Problem(404, 'fee_account_not_found');
  const paid = await store.paymentOfRequest(db, r.agencyId, r.id);
  const instruction =
    r.status === 'open' && r.amount > 0
      ? await bankTransferGateway.instruct({ dossierCode: r.reference, amountVnd: r.amount, account })
      : null;
  return {
    id: r.id,
    dossierId: r.dossierId,
    reference: r.reference,
    items: r.items,
    catalogueAmountVnd: r.catalogueAmount,
    amountVnd: r.amount,
    status: r.status,
    exemptionReason: r.exemptionReason,
    account,
    vietQr: instruction?.kind === 'vietqr' ? instruction.payload : null,
    payment: paid
      ? {
          id: paid.id,
          method: paid.method,
          amountVnd: paid.amount,
          paidAt: new Date(paid.paidAt).toISOString(),
          receiptNumber: receiptNumber(paid.receiptYear, paid.receiptNumber),
        }
      : null,
  };
}

export async function feeRequest(db: Queryable, session: Session, id: string): Promise<FeeRequestView> {
  const r = await store.request(db, feeAgencies(session), id);
  if (!r) throw new Problem(404, 'fee_request_not_found');
  return view(db, r);
}

/** The fee requests of a dossier of the user's agencies, newest first, and what its catalogue prices. */
export async function dossierRequests(db: Queryable, session: Session, dossierId: string) {
  const agencies = feeAgencies(session);
  const dossier = await loadDossier(db, dossierId);
  if (!dossier || !agencies.includes(dossier.agencyId)) throw new Problem(404, 'dossier_not_found');
  const rows = await store.requestsOfDossier(db, dossier.agencyId, dossierId);
  const fees = await store.catalogueFees(db, dossier.procedureVersionId);
  const assessed = assessFees(fees);
  return {
    items: await Promise.all(rows.map((r) => view(db, r))),
    catalogue: {
      kind: assessed.kind,
      priced: fees.flatMap((f) =>
        f.amountVnd !== null && f.amountVnd > 0 ? [{ name: f.name, amountVnd: f.amountVnd }] : [],
      ),
      unpriced: assessed.kind === 'needs_officer' ? assessed.unconfirmed : [],
    },
  };
}

/** The public address of a dossier's VietQR code (the code alone: it carries no personal data). */
export const publicQrUrl = (code: string) =>
  `/api/v1/public/dossiers/${encodeURIComponent(code)}/payment-qr.png`;

/**
 * How to pay the dossier's open fee by transfer, for the citizen and the public lookup: the agency's
 * account, the amount, the dossier code and the VietQR payload; null when nothing is open to pay.
 */
export async function openPayment(
  db: Queryable,
  agencyId: string,
  dossierId: string,
): Promise<(PublicPayment & { payload: string }) | null> {
  const open = (await store.requestsOfDossier(db, agencyId, dossierId)).find(
    (r) => r.status === 'open' && r.amount > 0,
  );
  if (!open) return null;
  const account = await store.account(db, agencyId, open.accountId);
  if (!account) return null;
  const instruction = await bankTransferGateway.instruct({
    dossierCode: open.reference,
    amountVnd: open.amount,
    account,
  });
  if (instruction.kind !== 'vietqr') return null;
  return {
    bankBin: account.bankBin,
    bankName: Banks.find((b) => b.bin === account.bankBin)?.name ?? null,
    accountNumber: account.accountNumber,
    accountName: account.accountName,
    amountVnd: open.amount,
    reference: open.reference,
    qrUrl: publicQrUrl(open.reference),
    payload: instruction.payload,
  };
}

/** The public view of {@link openPayment}, without the payload. */
export async function publicPayment(db: Queryable, agencyId: string, dossierId: string) {
  const p = await openPayment(db, agencyId, dossierId);
  if (!p) return null;
  const { payload: _p, ...shown } = p;
  return shown;
}

/**
 * A counter officer asks for the dossier's fee: the amount from the catalogue (or entered, when the
 * catalogue has none confirmed), the agency's account; the engine's request_payment moves the
 * dossier to "awaiting payment" (status 6) in the same transaction.
 */
export async function requestFee(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  body: {
    dossierId: string;
    version: number;
    accountId: string;
    items?: { name: string; amountVnd: number }[] | undefined;
    reason?: string | undefined;
  },
): Promise<FeeRequestView> {
  const agencies = feeAgencies(session);
  const dossier = await loadDossier(tx, body.dossierId);
  if (!dossier || !agencies.includes(dossier.agencyId)) throw new Problem(404, 'dossier_not_found');
  const account = await store.account(tx, dossier.agencyId, body.accountId);
  if (!account) throw new Problem(404, 'fee_account_not_found');
  const fees = await store.catalogueFees(tx, dossier.procedureVersionId);
  const entered = feesToCharge(fees, body);
  if (!entered.ok) throw feeEntryProblem(entered);
  const items = entered.items;
  const total = items.reduce((s, i) => s + i.amountVnd, 0);
  await performAction(
    ctx,
    tx,
    {
      dossierId: dossier.id,
      action: 'request_payment',
      expectedVersion: body.version,
      input: entered.note ? { items, note: entered.note } : { items },
    },
    actorOf(session),
  );
  const id = randomUUID();
  await store.insertRequest(tx, {
    agencyId: dossier.agencyId,
    id,
    dossierId: dossier.id,
    accountId: account.id,
    items,
    catalogueAmount: total,
    amount: total,
    reference: dossier.code ?? dossier.id,
    at: ctx.now(),
    by: session.user.id,
  });
  if (entered.note) {
    await recordAudit(tx, {
      actorId: session.user.id,
      agencyId: dossier.agencyId,
      action: 'fee.amount_entered',
      subjectType: 'fee_request',
      subjectId: id,
      detail: { dossierId: dossier.id, items: body.items, reason: body.reason },
    });
  }
  return view(tx, (await store.request(tx, [dossier.agencyId], id))!);
}

/** A refusal of core's fee rules as an answer: field issues are 422 validation_failed, the rest their own code. */
const FEE_ENTRY_PROBLEMS = {
  no_fee: 'fee_no_fee',
  priced_by_catalogue: 'fee_priced_by_catalogue',
  needs_amount: 'fee_needs_amount',
  invalid_entry: 'validation_failed',
} as const satisfies Record<FeeEntryRefusalCode, ProblemCode>;

function feeEntryProblem(refusal: FeeEntryRefusal): Problem {
  if (refusal.issues)
    return new Problem(
      422,
      FEE_ENTRY_PROBLEMS[refusal.code],
      { count: refusal.issues.length },
      refusal.issues,
    );
  return new Problem(422, FEE_ENTRY_PROBLEMS[refusal.code], { reason: refusal.message });
}

/** Confirms the dossier's payment in the engine (system actor: the payment row names who recorded it). */
async function confirmInEngine(
  ctx: AppContext,
  tx: Queryable,
  dossierId: string,
  reference: string,
  note: string,
) {
  const dossier = await loadDossier(tx, dossierId, true);
  if (dossier?.state !== 'awaiting_payment') return;
  await performAction(
    ctx,
    tx,
    { dossierId, action: 'confirm_payment', expectedVersion: dossier.version, input: { reference, note } },
    SYSTEM,
  );
}

/** An officer exempts the fee, wholly or partly, with a reason: audited; a full exemption releases the dossier. */
export async function exemptFee(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  body: { reason: string; percent: number },
): Promise<FeeRequestView> {
  const r = await store.request(tx, feeAgencies(session), id, true);
  if (!r) throw new Problem(404, 'fee_request_not_found');
  if (r.status !== 'open') throw new Problem(409, 'fee_already_paid');
  const checked = applyExemption(r.catalogueAmount, body);
  if (!checked.ok) throw new Problem(422, 'validation_failed');
  await store.exempt(tx, r.agencyId, r.id, {
    amount: checked.amountVnd,
    reason: body.reason,
    percent: body.percent,
    by: session.user.id,
  });
  await recordAudit(tx, {
    actorId: session.user.id,
    agencyId: r.agencyId,
    action: 'fee.exempt',
    subjectType: 'fee_request',
    subjectId: r.id,
    detail: { percent: body.percent, reason: body.reason, from: r.catalogueAmount, to: checked.amountVnd },
  });
  if (checked.amountVnd === 0) {
    await confirmInEngine(ctx, tx, r.dossierId, r.reference, `Miễn phí, lệ phí: ${body.reason}`);
  }
  return view(tx, (await store.request(tx, [r.agencyId], r.id))!);
}

/** Pays an open, locked request: payment row, receipt number, request paid, engine confirmed. */
async function pay(
  ctx: AppContext,
  tx: Queryable,
  r: store.RequestRow,
  p: {
    method: 'cash' | 'bank_transfer';
    amount: number;
    statementLineId: string | null;
    recordedBy: string | null;
    by: string;
  },
) {
  const now = ctx.now();
  const year = Number(vietnamDateOf(now).slice(0, 4));
  const number = await store.nextReceipt(tx, r.agencyId, year);
  await store.insertPayment(tx, r.agencyId, {
    id: randomUUID(),
    feeRequestId: r.id,
    dossierId: r.dossierId,
    method: p.method,
    amount: p.amount,
    paidAt: now,
    statementLineId: p.statementLineId,
    recordedBy: p.recordedBy,
    receiptYear: year,
    receiptNumber: number,
  });
  await store.setRequestStatus(tx, r.agencyId, r.id, 'paid');
  await confirmInEngine(
    ctx,
    tx,
    r.dossierId,
    receiptNumber(year, number),
    `Đã thu ${p.amount} đồng (${p.by})`,
  );
}

/**
 * An officer records a payment at the counter (cash) or one seen on the account (transfer). The
 * request row is locked: of a double click or two officers, the second is told it is already paid.
 */
export async function recordPayment(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  body: { method: 'cash' | 'bank_transfer'; amountVnd: number },
): Promise<FeeRequestView> {
  const r = await store.request(tx, feeAgencies(session), id, true);
  if (!r) throw new Problem(404, 'fee_request_not_found');
  if (r.status !== 'open') throw new Problem(409, 'fee_already_paid');
  if (body.amountVnd !== r.amount) {
    throw new Problem(422, 'fee_amount_differs', { given: body.amountVnd, expected: r.amount });
  }
  await pay(ctx, tx, r, {
    method: body.method,
    amount: r.amount,
    statementLineId: null,
    recordedBy: session.user.id,
    by: session.user.fullName,
  });
  return view(tx, (await store.request(tx, [r.agencyId], r.id))!);
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1258 (Vietnamese), which reads 1252 text too. */
export function decodeStatement(bytes: Buffer): { text: string; encoding: string } {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!utf8.includes('\uFFFD')) return { text: utf8, encoding: 'utf-8' };
  return { text: iconv.decode(bytes, 'windows-1258').normalize('NFC'), encoding: 'windows-1258' };
}

/**
 * Imports a bank statement CSV of one account: a file seen before is refused; every bad row is
 * named; each credit line that names an open request's code with its exact amount confirms that
 * payment (system actor); the rest wait for a person at /can-bo/thu-phi/chua-khop.
 */
export async function importStatement(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  accountId: string,
  file: { name: string; data: Buffer },
) {
  const agencies = feeAgencies(session);
  const owned = await store.accounts(tx, agencies);
  const account = owned.find((a) => a.id === accountId);
  if (!account) throw new Problem(404, 'fee_account_not_found');
  const agencyId = account.agencyId;
  const { text, encoding } = decodeStatement(file.data);
  const parsed = parseStatement(text);
  if (!parsed.ok) {
    throw new Problem(
      422,
      'import_invalid',
      { count: parsed.errors.length },
      parsed.errors.map((e) => ({ path: `row ${e.row}`, message: e.message })),
    );
  }
  const statementId = randomUUID();
  const fresh = await store.insertStatement(tx, {
    agencyId,
    id: statementId,
    accountId,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    fileName: file.name,
    encoding,
    lines: parsed.rows.length,
    at: ctx.now(),
    by: session.user.id,
  });
  if (!fresh) throw new Problem(409, 'fee_statement_already_imported');
  let matched = 0;
  let duplicates = 0;
  for (const row of parsed.rows) {
    if (row.duplicate) duplicates++;
    const open = await store.openRequests(tx, agencyId, accountId);
    const m = matchLine(
      row,
      open.map((r) => ({ id: r.id, dossierCode: r.reference, amountVnd: r.amount })),
    );
    const lineId = randomUUID();
    await store.insertLine(tx, agencyId, {
      id: lineId,
      statementId,
      row: row.row,
      bookedOn: row.date,
      amount: row.amountVnd,
      description: row.description,
      fingerprint: createHash('sha256').update(row.fingerprint).digest('hex'),
      duplicate: row.duplicate,
      status: m.kind === 'matched' ? 'matched' : 'unmatched',
      reason: m.kind === 'matched' ? null : m.reason,
      feeRequestId: m.kind === 'matched' ? m.requestId : null,
    });
    if (m.kind === 'matched') {
      const r = (await store.request(tx, [agencyId], m.requestId, true))!;
      await pay(ctx, tx, r, {
        method: 'bank_transfer',
        amount: r.amount,
        statementLineId: lineId,
        recordedBy: null,
        by: 'đối chiếu sao kê',
      });
      matched++;
    }
  }
  return {
    statementId,
    lines: parsed.rows.length,
    matched,
    unmatched: parsed.rows.length - matched,
    duplicates,
  };
}

export async function unmatched(db: Queryable, session: Session): Promise<StatementLineView[]> {
  return (await store.unmatchedLines(db, feeAgencies(session))).map(
    ({ agencyId: _a, accountId: _b, ...l }) => l,
  );
}

/** A person resolves an unmatched line: assigns it to an open request of that amount, or dismisses it with a reason. */
export async function resolveLine(
  ctx: AppContext,
  tx: Queryable,
  session: Session,
  id: string,
  body:
    | { resolution: 'assign'; feeRequestId: string }
    | { resolution: 'assign_dossier'; dossierCode: string }
    | { resolution: 'dismiss'; reason: string },
) {
  const agencies = feeAgencies(session);
  const l = await store.line(tx, agencies, id);
  if (l?.status !== 'unmatched') throw new Problem(404, 'fee_statement_line_not_found');
  if (body.resolution === 'dismiss') {
    await store.resolveLine(tx, l.agencyId, l.id, {
      status: 'dismissed',
      feeRequestId: null,
      by: session.user.id,
      at: ctx.now(),
      note: body.reason,
    });
    return;
  }
  const r =
    body.resolution === 'assign'
      ? await store.request(tx, [l.agencyId], body.feeRequestId, true)
      : await store.openRequestByReference(tx, l.agencyId, l.accountId, body.dossierCode);
  if (!r || r.accountId !== l.accountId) throw new Problem(404, 'fee_request_not_found');
  if (r.status !== 'open') throw new Problem(409, 'fee_already_paid');
  if (r.amount !== l.amountVnd)
    throw new Problem(422, 'fee_amount_differs', { given: l.amountVnd, expected: r.amount });
  await store.resolveLine(tx, l.agencyId, l.id, {
    status: 'assigned',
    feeRequestId: r.id,
    by: session.user.id,
    at: ctx.now(),
    note: null,
  });
  await pay(ctx, tx, r, {
    method: 'bank_transfer',
    amount: r.amount,
    statementLineId: l.id,
    recordedBy: session.user.id,
    by: session.user.fullName,
  });
}

export async function reconcile(
  db: Queryable,
  session: Session,
  accountId: string,
  day: string,
): Promise<ReconciliationView> {
  const owned = await store.accounts(db, feeAgencies(session));
  const account = owned.find((a) => a.id === accountId);
  if (!account) throw new Problem(404, 'fee_account_not_found');
  const f = await store.reconciliation(db, account.agencyId, accountId, day);
  const received = f.paid.bank_transfer + f.paid.cash + f.paid.gateway;
  return {
    day,
    accountId,
    expectedVnd: f.open + received,
    receivedVnd: f.lines.received + f.paid.cash,
    matchedVnd: f.lines.matched,
    unmatchedVnd: f.lines.unmatched,
    payments: f.paid.payments,
    unmatchedLines: f.lines.unmatched_count,
    byMethod: { bank_transfer: f.paid.bank_transfer, cash: f.paid.cash, gateway: f.paid.gateway },
  };
}

/** The receipt (biên lai) of a payment, as PDF; to the agency's finance and counter roles. */
export async function receiptOf(db: Queryable, session: Session, paymentId: string): Promise<Buffer> {
  const p = await store.payment(db, feeAgencies(session), paymentId);
  if (!p) throw new Problem(404, 'fee_request_not_found');
  const r = (await store.request(db, [p.agencyId], p.feeRequestId))!;
  const dossier = (await loadDossier(db, p.dossierId, false, p.agencyId))!;
  const names = await store.receiptNames(db, p.agencyId, dossier.procedureVersionId);
  return receiptPdf({
    agencyName: names.agency,
    number: receiptNumber(p.receiptYear, p.receiptNumber),
    paidAt: new Date(p.paidAt),
    dossierCode: r.reference,
    procedureName: names.procedure ?? '',
    payerName: dossier.applicant.name,
    items: r.items,
    amountVnd: p.amount,
    method: p.method,
    recordedBy: p.recordedByName,
    exemptionReason: r.exemptionReason,
  });
}

/** Index 766 3.5/3.6 inputs of an agency over a period: the methods core's PAYMENT_METHOD_RULES counts online. */
export async function paymentFigures(
  db: Queryable,
  agencyId: string,
  from: string,
  to: string,
): Promise<PaymentFigures> {
  const f = await store.onlinePaymentFacts(db, agencyId, from, to);
  return {
    proceduresWithFees: f.with_fees,
    proceduresPaidOnline: f.paid_online,
    dossiersWithFees: f.dossiers_with_fees,
    dossiersPaidOnline: f.dossiers_paid_online,
  };
}
