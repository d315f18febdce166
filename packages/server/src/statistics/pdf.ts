import {
  b,
  cell,
  DECREE_30_MARGINS,
  type DocumentSpec,
  i,
  para,
  type TableCell,
} from '../documents/layout.ts';
import { renderPdf } from '../documents/pdf.ts';
import {
  COLUMN_NUMBERS,
  FORM06_BASIS,
  FORM06_CODE,
  FORM06_TITLE,
  FORM06_UNIT_OF_COUNT,
  type Form06Document,
  HEADINGS,
  periodLine,
  reporterLine,
  TOTALS_LABEL,
} from './layout.ts';

export const PDF_MIME = 'application/pdf';

const SIZE = 9;

/** Biểu số 06 as a landscape A4 PDF, with the document tooling of the forms (Vietnamese fonts). */
export async function form06Pdf(doc: Form06Document): Promise<Buffer> {
  const text = (t: string | number, bold = false, align: 'center' | 'left' | 'right' = 'center'): TableCell =>
    cell(para(bold ? b(String(t)) : String(t), { align, size: SIZE, spaceAfter: 0 }));
  const header: TableCell[][] = [0, 1, 2].map((row) =>
    HEADINGS.filter((h) => h.row === row)
      .sort((x, y) => x.col - y.col)
      .map((h) =>
        cell(para(b(h.text), { align: 'center', size: SIZE, spaceAfter: 0 }), {
          ...(h.colSpan ? { colSpan: h.colSpan } : {}),
          ...(h.rowSpan ? { rowSpan: h.rowSpan } : {}),
        }),
      ),
  );
  header.push(COLUMN_NUMBERS.map((n) => text(n)));
  const body: TableCell[][] = doc.rows.map((r, n) => [
    text(n + 1),
    text(r.fieldName, false, 'left'),
    ...r.numbers.map((x) => text(x, false, 'right')),
  ]);
  body.push([text(''), text(TOTALS_LABEL, true, 'left'), ...doc.totals.map((x) => text(x, true, 'right'))]);
  const spec: DocumentSpec = {
    title: `${FORM06_CODE} ${periodLine(doc)}`,
    author: doc.agencyName,
    orientation: 'landscape',
    margins: { ...DECREE_30_MARGINS, left: 20 },
    bodySize: 12,
    blocks: [
      {
        kind: 'columns',
        widths: [1, 1],
        cells: [
          [para(b(FORM06_CODE), { size: 11, spaceAfter: 0 })],
          [para(i(FORM06_BASIS), { align: 'right', size: 10, spaceAfter: 0 })],
        ],
        spaceAfter: 6,
      },
      para(b(FORM06_TITLE), { align: 'center', size: 13, spaceAfter: 4 }),
      para(i(periodLine(doc)), { align: 'center', spaceAfter: 2 }),
      para(reporterLine(doc), { align: 'center', spaceAfter: 2 }),
      ...(doc.parentName
        ? [para(`Cơ quan chủ quản: ${doc.parentName}`, { align: 'center', spaceAfter: 2 })]
        : []),
      para(i(FORM06_UNIT_OF_COUNT), { align: 'right', size: 10, spaceAfter: 4 }),
      {
        kind: 'table',
        widths: [6, 30, ...Array.from({ length: 14 }, () => 10)],
        header,
        body,
      },
    ],
  };
  return renderPdf(spec);
}
