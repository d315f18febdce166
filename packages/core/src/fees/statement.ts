import { foldVietnamese } from '../text/normalise.ts';

/**
 * Reading a bank statement export (sao kê) of the common Vietnamese layouts: a header row naming
 * the date, amount (credit) and description columns, in Vietnamese or English, separated by
 * commas or semicolons; dates dd/mm/yyyy; amounts like "1.500.000" or "1,500,000" or "1500000".
 * The server decodes the bytes (UTF-8 or Windows-1258/1252) and hashes; this reads the text.
 */

export interface StatementRow {
  /** 1-based row number in the file, header included, as a spreadsheet shows it. */
  row: number;
  /** YYYY-MM-DD. */
  date: string;
  amountVnd: number;
  description: string;
  /** Same fingerprint = same line (date, amount, description after folding). */
  fingerprint: string;
  /** An earlier row of this file has the same fingerprint. */
  duplicate: boolean;
}

export interface StatementError {
  row: number;
  message: { vi: string; en: string };
}

export type StatementParse = { ok: true; rows: StatementRow[] } | { ok: false; errors: StatementError[] };

const HEADERS = {
  date: ['ngay giao dich', 'ngay', 'ngay gd', 'transaction date', 'date', 'ngay hieu luc'],
  amount: ['so tien ghi co', 'ghi co', 'so tien', 'credit', 'amount', 'so tien (vnd)', 'credit amount'],
  description: ['noi dung', 'dien giai', 'noi dung giao dich', 'description', 'mo ta', 'details'],
} as const;

/** "1.500.000", "1,500,000", "1 500 000", "1500000" or "1.500.000,00" → 1500000; anything else null. */
export function parseAmountVnd(text: string): number | null {
  let t = text
    .trim()
    .replace(/\s|\u00a0/g, '')
    .replace(/(vnd|đ|d)$/i, '');
  // Trailing decimals of zero (",00" or ".00") carry no đồng.
  t = t.replace(/[.,]00$/, '');
  if (!/^\d{1,3}([.,]\d{3})*$/.test(t) && !/^\d+$/.test(t)) return null;
  const n = Number(t.replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** dd/mm/yyyy (or dd-mm-yyyy, optionally followed by a time) → YYYY-MM-DD; impossible dates null. */
export function parseVietnameseDate(text: string): string | null {
  const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Splits one CSV line, honouring double quotes. */
export function splitCsvLine(line: string, separator: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const err = (row: number, vi: string, en: string): StatementError => ({ row, message: { vi, en } });

/** Reads the statement text; every bad row is reported with its number, or the header if unusable. */
export function parseStatement(text: string): StatementParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim().length > 0);
  if (headerIndex < 0)
    return { ok: false, errors: [err(1, 'Tệp sao kê trống.', 'The statement file is empty.')] };
  const headerLine = lines[headerIndex]!;
  const separator = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const header = splitCsvLine(headerLine, separator).map((h) => foldVietnamese(h));
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const cols = {
    date: col(HEADERS.date),
    amount: col(HEADERS.amount),
    description: col(HEADERS.description),
  };
  if (cols.date < 0 || cols.amount < 0 || cols.description < 0) {
    return {
      ok: false,
      errors: [
        err(
          headerIndex + 1,
          'Dòng tiêu đề phải có các cột "Ngày giao dịch", "Số tiền ghi có" và "Nội dung". Hãy xuất lại sao kê dạng CSV từ ngân hàng.',
          'The header row must have the columns date, credit amount and description. Export the statement again as CSV.',
        ),
      ],
    };
  }
  const rows: StatementRow[] = [];
  const errors: StatementError[] = [];
  const seen = new Set<string>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().length === 0) continue;
    const row = i + 1;
    const cells = splitCsvLine(line, separator);
    const date = parseVietnameseDate(cells[cols.date] ?? '');
    const amountText = cells[cols.amount] ?? '';
    const description = cells[cols.description] ?? '';
    if (!date) {
      errors.push(
        err(
          row,
          `Dòng ${row}: ngày "${cells[cols.date] ?? ''}" không đúng dạng ngày/tháng/năm (ví dụ 09/03/2026).`,
          `Row ${row}: the date is not dd/mm/yyyy.`,
        ),
      );
      continue;
    }
    // A debit row (no credit amount) is not a payment received: skipped, not an error.
    if (amountText === '' || amountText === '0') continue;
    const amountVnd = parseAmountVnd(amountText);
    if (amountVnd === null) {
      errors.push(
        err(
          row,
          `Dòng ${row}: số tiền "${amountText}" không đọc được (ví dụ 1.500.000).`,
          `Row ${row}: the amount cannot be read.`,
        ),
      );
      continue;
    }
    const fingerprint = `${date}|${amountVnd}|${foldVietnamese(description)}`;
    rows.push({ row, date, amountVnd, description, fingerprint, duplicate: seen.has(fingerprint) });
    seen.add(fingerprint);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0)
    return {
      ok: false,
      errors: [
        err(headerIndex + 1, 'Sao kê không có khoản tiền vào nào.', 'The statement has no credit lines.'),
      ],
    };
  return { ok: true, rows };
}
