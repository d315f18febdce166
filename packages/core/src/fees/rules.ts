import { foldVietnamese } from '../text/normalise.ts';

/**
 * Fees (phí, lệ phí) of one dossier, and matching a bank statement line to a fee request.
 * Pure rules: the server reads the catalogue and the statement file, these decide.
 */

export interface CatalogueFee {
  name: string;
  /** null: set by the province / not confirmed, so it cannot be charged automatically. */
  amountVnd: number | null;
}

export interface FeeItem {
  name: string;
  amountVnd: number;
}

export type FeeAssessment =
  | { kind: 'charge'; items: FeeItem[]; totalVnd: number }
  | { kind: 'free' }
  /** Some fee has no confirmed amount: an officer must enter it. */
  | { kind: 'needs_officer'; unconfirmed: string[] };

/** What a dossier owes from its procedure's catalogue fees. */
export function assessFees(fees: readonly CatalogueFee[]): FeeAssessment {
  const unconfirmed = fees.filter((f) => f.amountVnd === null).map((f) => f.name);
  if (unconfirmed.length > 0) return { kind: 'needs_officer', unconfirmed };
  const items = fees
    .filter((f) => (f.amountVnd ?? 0) > 0)
    .map((f) => ({ name: f.name, amountVnd: f.amountVnd as number }));
  if (items.length === 0) return { kind: 'free' };
  return { kind: 'charge', items, totalVnd: items.reduce((s, i) => s + i.amountVnd, 0) };
}

export interface Exemption {
  /** The reason an officer gives (đối tượng miễn, giảm), at least 10 characters. */
  reason: string;
  /** 100 = fully exempt; 50 = half (giảm 50%). */
  percent: number;
}

export type ExemptionCheck =
  | { ok: true; amountVnd: number }
  | { ok: false; error: 'reason_too_short' | 'bad_percent' };

/** The amount left after an exemption, rounded down to whole đồng. */
export function applyExemption(totalVnd: number, exemption: Exemption): ExemptionCheck {
  if (exemption.reason.trim().length < 10) return { ok: false, error: 'reason_too_short' };
  if (!Number.isInteger(exemption.percent) || exemption.percent < 1 || exemption.percent > 100) {
    return { ok: false, error: 'bad_percent' };
  }
  return { ok: true, amountVnd: Math.floor((totalVnd * (100 - exemption.percent)) / 100) };
}

/** Letters and digits only, accent- and case-insensitive: how a code survives a bank's description. */
export function compactText(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]/g, '');
}

/** Whether the dossier code appears in a description, whatever the bank did to dots, hyphens and spaces. */
export function descriptionNames(description: string, dossierCode: string): boolean {
  const code = compactText(dossierCode);
  return code.length > 0 && compactText(description).includes(code);
}

export interface OpenFeeRequest {
  id: string;
  dossierCode: string;
  amountVnd: number;
}

export interface StatementLineFacts {
  amountVnd: number;
  description: string;
  /** Flagged when the same line appears earlier in the same file. */
  duplicate: boolean;
}

export type LineMatch =
  | { kind: 'matched'; requestId: string }
  | { kind: 'unmatched'; reason: 'no_code' | 'amount_differs' | 'ambiguous' | 'duplicate_line' };

/**
 * A line pays a request when its amount is exactly the amount asked AND the dossier code is in
 * the description. A partial or over payment, a duplicate line, or a line naming two open
 * requests goes to a person (unmatched), never to an automatic confirmation.
 */
export function matchLine(line: StatementLineFacts, open: readonly OpenFeeRequest[]): LineMatch {
  if (line.duplicate) return { kind: 'unmatched', reason: 'duplicate_line' };
  const named = open.filter((r) => descriptionNames(line.description, r.dossierCode));
  if (named.length === 0) return { kind: 'unmatched', reason: 'no_code' };
  const exact = named.filter((r) => r.amountVnd === line.amountVnd);
  if (exact.length === 0) return { kind: 'unmatched', reason: 'amount_differs' };
  if (exact.length > 1) return { kind: 'unmatched', reason: 'ambiguous' };
  return { kind: 'matched', requestId: exact[0]!.id };
}
