import ExcelJS from 'exceljs';
import {
  COLUMN_NUMBERS,
  FORM06_BASIS,
  FORM06_CODE,
  FORM06_TITLE,
  FORM06_UNIT_OF_COUNT,
  type Form06Document,
  GRID_COLUMNS,
  HEADINGS,
  periodLine,
  reporterLine,
  TOTALS_LABEL,
} from './layout.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The first row of the column headings; rows above hold the code, title, period and reporter. */
export const HEADING_ROW = 7;

/** Biểu số 06 as a workbook in the official layout: one sheet, numbers as numbers. */
export async function form06Xlsx(doc: Form06Document): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Motcua';
  const sheet = book.addWorksheet('Biểu 06', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const font = { name: 'Times New Roman', size: 12 };
  const line = (
    row: number,
    text: string,
    options: { bold?: boolean; italic?: boolean; size?: number } = {},
  ) => {
    sheet.mergeCells(row, 1, row, GRID_COLUMNS);
    const c = sheet.getCell(row, 1);
    c.value = text;
    c.font = { ...font, ...options };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  sheet.getCell(1, 1).value = FORM06_CODE;
  sheet.getCell(1, 1).font = { ...font, bold: true };
  sheet.getCell(1, GRID_COLUMNS - 4).value = FORM06_BASIS;
  sheet.getCell(1, GRID_COLUMNS - 4).font = { ...font, italic: true, size: 10 };
  line(2, FORM06_TITLE, { bold: true, size: 13 });
  sheet.getRow(2).height = 36;
  line(3, periodLine(doc), { italic: true });
  line(4, reporterLine(doc));
  if (doc.parentName) line(5, `Cơ quan chủ quản: ${doc.parentName}`);
  sheet.getCell(6, GRID_COLUMNS - 3).value = FORM06_UNIT_OF_COUNT;
  sheet.getCell(6, GRID_COLUMNS - 3).font = { ...font, italic: true, size: 10 };

  const border = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  } as const;
  const boxed = (row: number, col: number, value: string | number, bold = false) => {
    const c = sheet.getCell(row, col);
    c.value = value;
    c.font = { ...font, bold };
    c.border = border;
    c.alignment = {
      horizontal: typeof value === 'number' ? 'right' : 'center',
      vertical: 'middle',
      wrapText: true,
    };
  };
  for (let r = 0; r < 3; r++)
    for (let col = 1; col <= GRID_COLUMNS; col++) boxed(HEADING_ROW + r, col, '', true);
  for (const h of HEADINGS) {
    const top = HEADING_ROW + h.row;
    const left = h.col + 1;
    boxed(top, left, h.text, true);
    if ((h.colSpan ?? 1) > 1 || (h.rowSpan ?? 1) > 1)
      sheet.mergeCells(top, left, top + (h.rowSpan ?? 1) - 1, left + (h.colSpan ?? 1) - 1);
  }
  const numbered = HEADING_ROW + 3;
  COLUMN_NUMBERS.forEach((n, i) => {
    boxed(numbered, i + 1, n);
  });
  let row = numbered + 1;
  doc.rows.forEach((r, i) => {
    boxed(row, 1, i + 1);
    boxed(row, 2, r.fieldName);
    sheet.getCell(row, 2).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    r.numbers.forEach((n, j) => {
      boxed(row, j + 3, n);
    });
    row++;
  });
  boxed(row, 1, '', true);
  boxed(row, 2, TOTALS_LABEL, true);
  doc.totals.forEach((n, j) => {
    boxed(row, j + 3, n, true);
  });

  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 34;
  for (let col = 3; col <= GRID_COLUMNS; col++) sheet.getColumn(col).width = 11;
  for (let r = HEADING_ROW; r < HEADING_ROW + 3; r++) sheet.getRow(r).height = 42;
  return Buffer.from(await book.xlsx.writeBuffer());
}
