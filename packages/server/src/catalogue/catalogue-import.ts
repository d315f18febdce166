import type { Locale, ProcedureContent } from '@motcua/core';

/**
 * One problem found while reading a catalogue file. Files are imported whole or not at all: when any
 * error is reported the caller imports nothing.
 */
export interface ImportError {
  /** The sheet name as in the file ("Thành phần hồ sơ"); 'json' for a JSON file; '' for the file as a whole. */
  sheet: string;
  /**
   * The row as the user sees it: the Excel row number (the header is row 1), or the procedure's
   * position in a JSON file (the first is 1). 0 when the error concerns the whole file or sheet.
   */
  row: number;
  /** The column's header text in the workbook, or the field's path in a JSON file. */
  column?: string;
  /** A localised message saying what is wrong and what to write instead. */
  message: string;
}

export interface CatalogueReadResult {
  /** The procedures that were read and validated; may be partial when there are errors. */
  procedures: ProcedureContent[];
  /**
   * Where each of `procedures` came from (same order): its row on the "Thủ tục" sheet, or its
   * position in a JSON file, so that later errors (an unknown agency, say) can name the row.
   */
  rows?: number[];
  errors: ImportError[];
}

/** Reports beyond this number are summed up in one last error, so that a broken file gives a readable answer. */
export const MAX_REPORTED_ERRORS = 1000;

type Message<A extends unknown[]> = (locale: Locale, ...args: A) => string;

function msg<A extends unknown[]>(vi: (...args: A) => string, en: (...args: A) => string): Message<A> {
  return (locale, ...args) => (locale === 'vi' ? vi(...args) : en(...args));
}

const thousands = (n: number) => n.toLocaleString('vi-VN');

/** The import's own messages (the schema's are localised by `localiseIssues`). */
export const importMessages = {
  emptyFile: msg(
    () => 'Tệp rỗng. Hãy chọn tệp danh mục thủ tục (.xlsx hoặc .json).',
    () => 'The file is empty. Choose a procedure catalogue file (.xlsx or .json).',
  ),
  legacyExcel: msg(
    () =>
      'Tệp không phải là bảng tính .xlsx: có thể là tệp Excel 97-2003 (.xls) hoặc tệp có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu và lưu lại dưới dạng "Excel Workbook (.xlsx)".',
    () =>
      'The file is not an .xlsx workbook: it may be an Excel 97-2003 (.xls) file or a password-protected one. Open it in Excel, remove the password and save it as "Excel Workbook (.xlsx)".',
  ),
  notXlsx: msg(
    () =>
      'Tệp không phải là bảng tính Excel .xlsx hoặc đã bị hỏng. Hãy tải tệp mẫu danh mục thủ tục từ hệ thống, điền vào và lưu dưới dạng .xlsx.',
    () =>
      'The file is not an Excel .xlsx workbook, or it is damaged. Download the catalogue template from the system, fill it in and save it as .xlsx.',
  ),
  unpacksTooLarge: msg(
    (mb: number) =>
      `Bảng tính khi giải nén lớn bất thường (quá ${mb} MB hoặc quá lớn so với kích thước tệp); có thể tệp bị hỏng hoặc độc hại. Hãy mở bằng Excel, xoá các trang và ô thừa, lưu lại dưới dạng .xlsx rồi tải lên lại.`,
    (mb: number) =>
      `The workbook unpacks to an abnormal size (over ${mb} MB, or far more than the file's size); it may be damaged or malicious. Open it in Excel, delete unused sheets and cells, save it as .xlsx and upload it again.`,
  ),
  missingSheet: msg(
    (sheet: string, all: string) =>
      `Tệp thiếu trang "${sheet}". Bảng tính phải có các trang: ${all} (có thể để trống, chỉ giữ dòng tiêu đề).`,
    (sheet: string, all: string) =>
      `The workbook has no sheet "${sheet}". It needs the sheets ${all} (a sheet may be empty apart from its header row).`,
  ),
  missingHeader: msg(
    (sheet: string, header: string) => `Trang "${sheet}" thiếu cột "${header}" ở dòng tiêu đề (dòng 1).`,
    (sheet: string, header: string) =>
      `The sheet "${sheet}" has no column "${header}" in its header row (row 1).`,
  ),
  duplicateHeader: msg(
    (header: string) => `Cột "${header}" xuất hiện nhiều lần ở dòng tiêu đề; hãy giữ một cột.`,
    (header: string) => `The column "${header}" appears more than once in the header row; keep one.`,
  ),
  tooManyProcedures: msg(
    (count: number, max: number) =>
      `Tệp có ${thousands(count)} thủ tục, vượt quá giới hạn ${thousands(max)} thủ tục mỗi lần nhập. Hãy chia thành nhiều tệp.`,
    (count: number, max: number) =>
      `The file holds ${count} procedures, more than the ${max} one import may carry. Split it into several files.`,
  ),
  duplicateCode: msg(
    (code: string, others: string) =>
      `Mã thủ tục "${code}" bị trùng (cũng có ở ${others}); mỗi thủ tục chỉ được có một dòng.`,
    (code: string, others: string) =>
      `The procedure code "${code}" is repeated (also at ${others}); each procedure must have one row only.`,
  ),
  otherRows: msg(
    (rows: number[]) => `dòng ${rows.join(', ')}`,
    (rows: number[]) => `row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}`,
  ),
  otherItems: msg(
    (rows: number[]) => `thủ tục thứ ${rows.join(', ')}`,
    (rows: number[]) => `procedure${rows.length > 1 ? 's' : ''} ${rows.join(', ')}`,
  ),
  unknownProcedure: msg(
    (code: string, sheet: string) =>
      `Không có thủ tục mã "${code}" trên trang "${sheet}"; hãy sửa mã hoặc thêm dòng thủ tục đó.`,
    (code: string, sheet: string) =>
      `There is no procedure with code "${code}" on the sheet "${sheet}"; correct the code or add that procedure.`,
  ),
  missingProcedureCode: msg(
    () => 'Mã thủ tục chưa được nhập; mỗi dòng phải ghi mã của thủ tục mà nó thuộc về.',
    () => 'Procedure code is required; each row must name the procedure it belongs to.',
  ),
  badEnum: msg(
    (header: string, value: string, allowed: string) =>
      `${header}: giá trị "${value}" không hợp lệ; hãy chọn một trong: ${allowed}.`,
    (header: string, value: string, allowed: string) =>
      `${header}: "${value}" is not a valid value; choose one of: ${allowed}.`,
  ),
  badFlags: msg(
    (header: string, value: string, allowed: string) =>
      `${header}: không hiểu "${value}"; ghi các mục cách nhau bởi dấu phẩy, chọn trong: ${allowed}.`,
    (header: string, value: string, allowed: string) =>
      `${header}: "${value}" is not understood; list items separated by commas, chosen from: ${allowed}.`,
  ),
  cellError: msg(
    (header: string, error: string) =>
      `${header}: ô có lỗi công thức (${error}); hãy nhập giá trị trực tiếp.`,
    (header: string, error: string) =>
      `${header}: the cell holds a formula error (${error}); type the value instead.`,
  ),
  moreErrors: msg(
    (count: number) =>
      `Còn ${thousands(count)} lỗi khác không được liệt kê; hãy sửa các lỗi trên rồi nhập lại.`,
    (count: number) => `${count} more errors are not listed; correct the errors above and import again.`,
  ),
  invalidJson: msg(
    (detail: string) => `Tệp không phải là JSON hợp lệ (${detail}).`,
    (detail: string) => `The file is not valid JSON (${detail}).`,
  ),
  notCatalogueJson: msg(
    () =>
      'Tệp JSON không phải là danh mục thủ tục của Motcua: cần một đối tượng có "format": "motcua-catalogue", "version": 1 và danh sách "procedures".',
    () =>
      'The JSON file is not a Motcua procedure catalogue: it needs an object with "format": "motcua-catalogue", "version": 1 and a "procedures" list.',
  ),
  unsupportedVersion: msg(
    (version: string) => `Phiên bản danh mục ${version} không được hỗ trợ; hệ thống đọc phiên bản 1.`,
    (version: string) => `Catalogue version ${version} is not supported; this system reads version 1.`,
  ),
};

/** Errors in a stable order (by sheet as listed, then row, then column), at most `MAX_REPORTED_ERRORS` of them. */
export function finishErrors(
  errors: ImportError[],
  locale: Locale,
  sheetOrder: readonly string[] = [],
  columnOrder: (sheet: string, column: string | undefined) => number = () => 0,
): ImportError[] {
  const sheetIndex = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  const sorted = errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        sheetIndex(a.e.sheet) - sheetIndex(b.e.sheet) ||
        a.e.row - b.e.row ||
        columnOrder(a.e.sheet, a.e.column) - columnOrder(b.e.sheet, b.e.column) ||
        a.i - b.i,
    )
    .map(({ e }) => e);
  if (sorted.length <= MAX_REPORTED_ERRORS) return sorted;
  const first = sorted[MAX_REPORTED_ERRORS]!;
  return [
    ...sorted.slice(0, MAX_REPORTED_ERRORS),
    {
      sheet: first.sheet,
      row: first.row,
      message: importMessages.moreErrors(locale, sorted.length - MAX_REPORTED_ERRORS),
    },
  ];
}

/** Groups items by a normalised key and returns the groups with more than one member. */
export function duplicateGroups<T>(items: readonly T[], key: (item: T) => string | null): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || k === '') continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
