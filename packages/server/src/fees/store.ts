import { ONLINE_PAYMENT_METHODS, type PaymentMethod } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** SQL of fees (migration 0028). Every query names its agency. */

export interface AccountRow {
  id: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
}

const ACCOUNT_COLS = `id, bank_bin AS "bankBin", account_number AS "accountNumber", account_name AS "accountName"`;

export async function insertAccount(db: Queryable, agencyId: string, id: string, a: Omit<AccountRow, 'id'>) {
  await db.query(
    `INSERT INTO bank_account (agency_id, id, bank_bin, account_number, account_name) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id, bank_bin, account_number) DO UPDATE SET account_name = EXCLUDED.account_name, active = true`,
    [agencyId, id, a.bankBin, a.accountNumber, a.accountName],
  );
  const [row] = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLS} FROM bank_account WHERE agency_id = $1 AND bank_bin = $2 AND account_number = $3`,
    [agencyId, a.bankBin, a.accountNumber],
  );
  return row!;
}

export async function accounts(
  db: Queryable,
  agencyIds: readonly string[],
): Promise<(AccountRow & { agencyId: string })[]> {
  return db.query(
    `SELECT ${ACCOUNT_COLS}, agency_id AS "agencyId" FROM bank_account WHERE agency_id = ANY($1) AND active ORDER BY account_name`,
    [agencyIds],
  );
}

export async function account(db: Queryable, agencyId: string, id: string): Promise<AccountRow | null> {
  const [row] = await db.query<AccountRow>(
    `SELECT ${ACCOUNT_COLS} FROM bank_account WHERE agency_id = $1 AND id = $2 AND active`,
    [agencyId, id],
  );
  return row ?? null;
}

/** The procedure version's fees, as the catalogue wrote them. */
export async function catalogueFees(
  db: Queryable,
  versionId: string,
): Promise<{ name: string; amountVnd: number | null }[]> {
  const [row] = await db.query<{ fees: { name: string; amountVnd: number | null }[] | null }>(
    `SELECT content->'fees' AS fees FROM procedure_version WHERE id = $1`,
    [versionId],
  );
  return row?.fees ?? [];
}

export interface RequestRow {
  agencyId: string;
  id: string;
  dossierId: string;
  accountId: string;
  items: { name: string; amountVnd: number }[];
  catalogueAmount: number;
  amount: number;
  reference: string;
  status: 'open' | 'paid' | 'exempt' | 'cancelled';
  exemptionReason: string | null;
}

const REQUEST_COLS = `agency_id AS "agencyId", id, dossier_id AS "dossierId", account_id AS "accountId", items,
  catalogue_amount::float8 AS "catalogueAmount", amount::float8 AS amount, reference, status,
  exemption_reason AS "exemptionReason"`;

export async function insertRequest(
  db: Queryable,
  r: Omit<RequestRow, 'status' | 'exemptionReason'> & { at: Date; by: string },
) {
  await db.query(
    `INSERT INTO fee_request (agency_id, id, dossier_id, account_id, items, catalogue_amount, amount, reference, status,
        requested_at, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10)`,
    [
      r.agencyId,
      r.id,
      r.dossierId,
      r.accountId,
      JSON.stringify(r.items),
      r.catalogueAmount,
      r.amount,
      r.reference,
      r.at,
      r.by,
    ],
  );
}

/** One request of the given agencies; `lock` holds it for this transaction (two officers: one waits). */
export async function request(db: Queryable, agencyIds: readonly string[], id: string, lock = false) {
  const [row] = await db.query<RequestRow>(
    `SELECT ${REQUEST_COLS} FROM fee_request WHERE agency_id = ANY($1) AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [agencyIds, id],
  );
  return row ?? null;
}

export async function requestsOfDossier(
  db: Queryable,
  agencyId: string,
  dossierId: string,
): Promise<RequestRow[]> {
  return db.query(
    `SELECT ${REQUEST_COLS} FROM fee_request WHERE agency_id = $1 AND dossier_id = $2 ORDER BY requested_at DESC`,
    [agencyId, dossierId],
  );
}

export async function openRequests(
  db: Queryable,
  agencyId: string,
  accountId: string,
): Promise<RequestRow[]> {
  return db.query(
    `SELECT ${REQUEST_COLS} FROM fee_request WHERE agency_id = $1 AND account_id = $2 AND status = 'open'`,
    [agencyId, accountId],
  );
}

/** The open request of a dossier code on an account (case and spaces ignored), locked. */
export async function openRequestByReference(
  db: Queryable,
  agencyId: string,
  accountId: string,
  code: string,
): Promise<RequestRow | null> {
  const [row] = await db.query<RequestRow>(
    `SELECT ${REQUEST_COLS} FROM fee_request
      WHERE agency_id = $1 AND account_id = $2 AND status = 'open'
        AND upper(reference) = upper(regexp_replace($3, '\\s', '', 'g'))
      ORDER BY requested_at DESC LIMIT 1 FOR UPDATE`,
    [agencyId, accountId, code],
  );
  return row ?? null;
}

export async function setRequestStatus(
  db: Queryable,
  agencyId: string,
  id: string,
  status: RequestRow['status'],
) {
  await db.query(`UPDATE fee_request SET status = $3 WHERE agency_id = $1 AND id = $2`, [
    agencyId,
    id,
    status,
  ]);
}

export async function exempt(
  db: Queryable,
  agencyId: string,
  id: string,
  e: { amount: number; reason: string; percent: number; by: string },
) {
  await db.query(
    `UPDATE fee_request SET amount = $3::bigint, exemption_reason = $4, exemption_percent = $5, exempted_by = $6,
        status = CASE WHEN $3::bigint = 0 THEN 'exempt' ELSE status END
      WHERE agency_id = $1 AND id = $2`,
    [agencyId, id, e.amount, e.reason, e.percent, e.by],
  );
}

/** The agency's next receipt number of the year; the row lock keeps two payments from taking one. */
export async function nextReceipt(db: Queryable, agencyId: string, year: number): Promise<number> {
  const [row] = await db.query<{ last: number }>(
    `INSERT INTO receipt_sequence (agency_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, year) DO UPDATE SET last = receipt_sequence.last + 1 RETURNING last`,
    [agencyId, year],
  );
  return row!.last;
}

export interface PaymentRow {
  id: string;
  feeRequestId: string;
  dossierId: string;
  method: PaymentMethod;
  amount: number;
  paidAt: Date;
  receiptYear: number;
  receiptNumber: number;
  recordedByName: string | null;
}

export async function insertPayment(
  db: Queryable,
  agencyId: string,
  p: Omit<PaymentRow, 'recordedByName'> & { statementLineId: string | null; recordedBy: string | null },
) {
  await db.query(
    `INSERT INTO fee_payment (agency_id, id, fee_request_id, dossier_id, method, amount, paid_at, statement_line_id,
        recorded_by, receipt_year, receipt_number)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      agencyId,
      p.id,
      p.feeRequestId,
      p.dossierId,
      p.method,
      p.amount,
      p.paidAt,
      p.statementLineId,
      p.recordedBy,
      p.receiptYear,
      p.receiptNumber,
    ],
  );
}

const PAYMENT_COLS = `p.id, p.fee_request_id AS "feeRequestId", p.dossier_id AS "dossierId", p.method, p.amount::float8 AS amount,
  p.paid_at AS "paidAt", p.receipt_year AS "receiptYear", p.receipt_number AS "receiptNumber", u.full_name AS "recordedByName"`;

export async function paymentOfRequest(
  db: Queryable,
  agencyId: string,
  requestId: string,
): Promise<PaymentRow | null> {
  const [row] = await db.query<PaymentRow>(
    `SELECT ${PAYMENT_COLS} FROM fee_payment p LEFT JOIN app_user u ON u.id = p.recorded_by
      WHERE p.agency_id = $1 AND p.fee_request_id = $2`,
    [agencyId, requestId],
  );
  return row ?? null;
}

export async function payment(db: Queryable, agencyIds: readonly string[], id: string) {
  const [row] = await db.query<PaymentRow & { agencyId: string }>(
    `SELECT ${PAYMENT_COLS}, p.agency_id AS "agencyId" FROM fee_payment p LEFT JOIN app_user u ON u.id = p.recorded_by
      WHERE p.agency_id = ANY($1) AND p.id = $2`,
    [agencyIds, id],
  );
  return row ?? null;
}

export async function insertStatement(
  db: Queryable,
  s: {
    agencyId: string;
    id: string;
    accountId: string;
    sha256: string;
    fileName: string;
    encoding: string;
    lines: number;
    at: Date;
    by: string;
  },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO bank_statement (agency_id, id, account_id, file_sha256, file_name, encoding, line_count, imported_at, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (agency_id, account_id, file_sha256) DO NOTHING RETURNING id`,
    [s.agencyId, s.id, s.accountId, s.sha256, s.fileName, s.encoding, s.lines, s.at, s.by],
  );
  return rows.length === 1;
}

export interface NewLine {
  id: string;
  statementId: string;
  row: number;
  bookedOn: string;
  amount: number;
  description: string;
  fingerprint: string;
  duplicate: boolean;
  status: 'matched' | 'unmatched';
  reason: string | null;
  feeRequestId: string | null;
}

export async function insertLine(db: Queryable, agencyId: string, l: NewLine) {
  await db.query(
    `INSERT INTO statement_line (agency_id, id, statement_id, row_number, booked_on, amount, description, fingerprint,
        duplicate_in_file, status, unmatched_reason, fee_request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      agencyId,
      l.id,
      l.statementId,
      l.row,
      l.bookedOn,
      l.amount,
      l.description,
      l.fingerprint,
      l.duplicate,
      l.status,
      l.reason,
      l.feeRequestId,
    ],
  );
}

export interface LineRow {
  agencyId: string;
  id: string;
  row: number;
  bookedOn: string;
  amountVnd: number;
  description: string;
  status: 'matched' | 'unmatched' | 'assigned' | 'dismissed';
  reason: string | null;
  duplicate: boolean;
  fileName: string;
  accountId: string;
}

const LINE_COLS = `l.agency_id AS "agencyId", l.id, l.row_number AS row, to_char(l.booked_on, 'YYYY-MM-DD') AS "bookedOn",
  l.amount::float8 AS "amountVnd", l.description, l.status, l.unmatched_reason AS reason, l.duplicate_in_file AS duplicate,
  s.file_name AS "fileName", s.account_id AS "accountId"`;

export async function unmatchedLines(db: Queryable, agencyIds: readonly string[]): Promise<LineRow[]> {
  return db.query(
    `SELECT ${LINE_COLS} FROM statement_line l
       JOIN bank_statement s ON s.agency_id = l.agency_id AND s.id = l.statement_id
      WHERE l.agency_id = ANY($1) AND l.status = 'unmatched' ORDER BY l.booked_on, s.imported_at, l.row_number`,
    [agencyIds],
  );
}

export async function line(db: Queryable, agencyIds: readonly string[], id: string): Promise<LineRow | null> {
  const [row] = await db.query<LineRow>(
    `SELECT ${LINE_COLS} FROM statement_line l
       JOIN bank_statement s ON s.agency_id = l.agency_id AND s.id = l.statement_id
      WHERE l.agency_id = ANY($1) AND l.id = $2 FOR UPDATE OF l`,
    [agencyIds, id],
  );
  return row ?? null;
}

export async function resolveLine(
  db: Queryable,
  agencyId: string,
  id: string,
  r: {
    status: 'assigned' | 'dismissed';
    feeRequestId: string | null;
    by: string;
    at: Date;
    note: string | null;
  },
) {
  await db.query(
    `UPDATE statement_line SET status = $3, fee_request_id = $4, resolved_by = $5, resolved_at = $6, resolution_note = $7
      WHERE agency_id = $1 AND id = $2`,
    [agencyId, id, r.status, r.feeRequestId, r.by, r.at, r.note],
  );
}

/** One day's figures of one account (Vietnam days). */
export async function reconciliation(db: Queryable, agencyId: string, accountId: string, day: string) {
  const [paid] = await db.query<{ bank_transfer: number; cash: number; gateway: number; payments: number }>(
    `SELECT COALESCE(SUM(p.amount) FILTER (WHERE p.method = 'bank_transfer'), 0)::float8 AS bank_transfer,
            COALESCE(SUM(p.amount) FILTER (WHERE p.method = 'cash'), 0)::float8 AS cash,
            COALESCE(SUM(p.amount) FILTER (WHERE p.method = 'gateway'), 0)::float8 AS gateway,
            COUNT(*)::int AS payments
       FROM fee_payment p JOIN fee_request r ON r.agency_id = p.agency_id AND r.id = p.fee_request_id
      WHERE p.agency_id = $1 AND r.account_id = $2
        AND (p.paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = $3::date`,
    [agencyId, accountId, day],
  );
  const [open] = await db.query<{ open: number }>(
    `SELECT COALESCE(SUM(amount), 0)::float8 AS open FROM fee_request
      WHERE agency_id = $1 AND account_id = $2 AND status = 'open'
        AND (requested_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $3::date`,
    [agencyId, accountId, day],
  );
  const [lines] = await db.query<{
    received: number;
    matched: number;
    unmatched: number;
    unmatched_count: number;
  }>(
    `SELECT COALESCE(SUM(l.amount), 0)::float8 AS received,
            COALESCE(SUM(l.amount) FILTER (WHERE l.status IN ('matched', 'assigned')), 0)::float8 AS matched,
            COALESCE(SUM(l.amount) FILTER (WHERE l.status = 'unmatched'), 0)::float8 AS unmatched,
            COUNT(*) FILTER (WHERE l.status = 'unmatched')::int AS unmatched_count
       FROM statement_line l JOIN bank_statement s ON s.agency_id = l.agency_id AND s.id = l.statement_id
      WHERE l.agency_id = $1 AND s.account_id = $2 AND l.booked_on = $3::date`,
    [agencyId, accountId, day],
  );
  return { paid: paid!, open: open!.open, lines: lines! };
}

/**
 * Index 766 indicators 3.5/3.6 inputs: procedures with fees, of them paid online; dossiers paid
 * online. Which methods are online is core's table PAYMENT_METHOD_RULES (ONLINE_PAYMENT_METHODS).
 */
export async function onlinePaymentFacts(db: Queryable, agencyId: string, from: string, to: string) {
  const [row] = await db.query<{
    with_fees: number;
    paid_online: number;
    dossiers_with_fees: number;
    dossiers_paid_online: number;
  }>(
    `SELECT
       (SELECT COUNT(DISTINCT d.procedure_id)::int FROM fee_request r JOIN dossier d ON d.agency_id = r.agency_id AND d.id = r.dossier_id
         WHERE r.agency_id = $1 AND (r.requested_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2::date AND $3::date) AS with_fees,
       (SELECT COUNT(DISTINCT d.procedure_id)::int FROM fee_payment p JOIN dossier d ON d.agency_id = p.agency_id AND d.id = p.dossier_id
         WHERE p.agency_id = $1 AND p.method = ANY($4::text[])
           AND (p.paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2::date AND $3::date) AS paid_online,
       (SELECT COUNT(DISTINCT r.dossier_id)::int FROM fee_request r WHERE r.agency_id = $1 AND r.status IN ('open', 'paid')
           AND (r.requested_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2::date AND $3::date) AS dossiers_with_fees,
       (SELECT COUNT(*)::int FROM fee_payment p WHERE p.agency_id = $1 AND p.method = ANY($4::text[])
           AND (p.paid_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2::date AND $3::date) AS dossiers_paid_online`,
    [agencyId, from, to, ONLINE_PAYMENT_METHODS],
  );
  return row!;
}

/** Names printed on the receipt: the agency, the procedure. */
export async function receiptNames(db: Queryable, agencyId: string, versionId: string) {
  const [row] = await db.query<{ agency: string; procedure: string }>(
    `SELECT (SELECT name FROM org_unit WHERE id = $1) AS agency,
            (SELECT content->>'name' FROM procedure_version WHERE id = $2) AS procedure`,
    [agencyId, versionId],
  );
  return row!;
}
