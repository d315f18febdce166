import type { Localised } from '../i18n/locale.ts';
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

/** What a counter officer sends with a fee request: amounts for the unpriced fees, and why. */
export interface OfficerEntry {
  items?: readonly FeeItem[] | undefined;
  reason?: string | undefined;
}

export type FeeEntryRefusalCode = 'no_fee' | 'priced_by_catalogue' | 'needs_amount' | 'invalid_entry';

/** Why an officer's fee request is refused: a stable code and a sentence in both languages. */
export interface FeeEntryRefusal {
  ok: false;
  code: FeeEntryRefusalCode;
  message: Localised;
  /** For invalid_entry: each field that is wrong. */
  issues?: readonly { path: string; message: Localised }[];
}

export type FeeCharge =
  | {
      ok: true;
      items: FeeItem[];
      /** For the dossier's history when the officer entered amounts; null when the catalogue priced all. */
      note: string | null;
    }
  | FeeEntryRefusal;

const feeRefusal = (code: FeeEntryRefusalCode, vi: string, en: string): FeeEntryRefusal => ({
  ok: false,
  code,
  message: { vi, en },
});

export const feeEntryRefusals = {
  noFee: () =>
    feeRefusal(
      'no_fee',
      'Thủ tục này không thu phí, lệ phí; không cần yêu cầu nộp phí',
      'The procedure charges no fee',
    ),
  pricedByCatalogue: () =>
    feeRefusal(
      'priced_by_catalogue',
      'Danh mục đã quy định mức thu của mọi khoản phí thủ tục này; không nhập số tiền khác. Nếu người nộp được miễn, giảm, hãy ghi nhận miễn, giảm kèm lý do',
      'The catalogue prices every fee of this procedure; record an exemption instead of another amount',
    ),
  needsAmount: (unconfirmed: readonly string[]) =>
    feeRefusal(
      'needs_amount',
      `Danh mục chưa có mức thu xác định cho: ${unconfirmed.join('; ')}. Hãy nhập mức thu của từng khoản`,
      `The catalogue has no confirmed amount for: ${unconfirmed.join('; ')}. Enter the amounts`,
    ),
  invalidEntry: (issues: readonly { path: string; message: Localised }[]): FeeEntryRefusal => ({
    ...feeRefusal(
      'invalid_entry',
      `Số tiền nhập chưa hợp lệ: ${issues.map((i) => i.message.vi).join(' ')}`,
      `The amounts entered are not valid: ${issues.map((i) => i.message.en).join(' ')}`,
    ),
    issues,
  }),
};

const ENTRY_ISSUES = {
  missing: (name: string): Localised => ({
    vi: `Nhập số tiền của “${name}”.`,
    en: `Enter the amount of “${name}”.`,
  }),
  notUnpriced: {
    vi: 'Chỉ nhập số tiền cho các khoản phí danh mục chưa quy định, mỗi khoản một lần.',
    en: 'Enter amounts only for the fees the catalogue does not price, each once.',
  },
  reason: {
    vi: 'Ghi lý do, căn cứ của số tiền (ít nhất 10 ký tự).',
    en: 'Give the reason or legal basis for the amount (at least 10 characters).',
  },
} satisfies Record<string, Localised | ((name: string) => Localised)>;

/**
 * The items to charge for a dossier. When the catalogue prices every fee: its items, and the officer
 * may enter none. When some fee has no confirmed amount: the catalogue's priced fees plus the amounts
 * the officer entered for exactly the unpriced ones (each once), with a reason of at least 10
 * characters, which becomes the note in the dossier's history.
 */
export function feesToCharge(fees: readonly CatalogueFee[], entry: OfficerEntry): FeeCharge {
  const assessed = assessFees(fees);
  const given = entry.items ?? [];
  if (assessed.kind === 'free') return feeEntryRefusals.noFee();
  if (assessed.kind === 'charge') {
    return given.length > 0
      ? feeEntryRefusals.pricedByCatalogue()
      : { ok: true, items: assessed.items, note: null };
  }
  if (given.length === 0) return feeEntryRefusals.needsAmount(assessed.unconfirmed);
  const issues: { path: string; message: Localised }[] = [];
  const names = given.map((i) => i.name);
  assessed.unconfirmed.forEach((name, n) => {
    if (!names.includes(name))
      issues.push({ path: `items[${n}].amountVnd`, message: ENTRY_ISSUES.missing(name) });
  });
  if (names.some((name) => !assessed.unconfirmed.includes(name)) || new Set(names).size !== names.length)
    issues.push({ path: 'items', message: ENTRY_ISSUES.notUnpriced });
  const reason = entry.reason?.trim() ?? '';
  if (reason.length < 10) issues.push({ path: 'reason', message: ENTRY_ISSUES.reason });
  if (issues.length > 0) return feeEntryRefusals.invalidEntry(issues);
  const byName = new Map(given.map((i) => [i.name, i.amountVnd]));
  const items = fees.flatMap((f) => {
    if (f.amountVnd === null) return [{ name: f.name, amountVnd: byName.get(f.name)! }];
    return f.amountVnd > 0 ? [{ name: f.name, amountVnd: f.amountVnd }] : [];
  });
  const shown = given.map((i) => `${i.name}: ${i.amountVnd} đồng`).join('; ');
  return { ok: true, items, note: `Cán bộ nhập số tiền (${shown}). Lý do: ${reason}` };
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
