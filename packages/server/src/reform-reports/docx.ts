import {
  FORM06_NUMBERED_COLUMNS,
  type Form06Numbers,
  figureTotals,
  REPORT_PART_BEFORE,
  REPORT_SECTION_HEADINGS,
  type ReportContent,
  viDate,
} from '@motcua/core';
import { renderDocx } from '../documents/docx.ts';
import { placeAndDate, viUpper } from '../documents/format.ts';
import { balancedLines } from '../documents/forms.ts';
import {
  A4,
  type Block,
  b,
  type CellContent,
  cell,
  DECREE_30_MARGINS,
  i,
  type ParagraphBlock,
  para,
  type TableCell,
} from '../documents/layout.ts';

/**
 * A periodic reform report as a Word document in the Decree 30/2020 layout, through the documents
 * module's page description and DOCX renderer: the agency top left (its parent above it, a short
 * rule, the number Số: …/BC-…), the national motto top right with the place and date, the title,
 * the sections in Times New Roman 14 pt, the dossier figures as a table, then the recipients
 * (Nơi nhận) and the signature block.
 */

const BODY = 14;
const HEADER = 12.5;
const TABLE = 10;
const FIRST_LINE = 12.7;

export interface ReportDocument {
  agencyName: string;
  parentName: string | null;
  year: number;
  content: ReportContent;
}

function header(doc: ReportDocument): Block {
  const c = doc.content;
  const columnMm = ((A4.width - DECREE_30_MARGINS.left - DECREE_30_MARGINS.right) * 2) / 5;
  const line = (text: string, bold: boolean) =>
    para(bold ? b(text) : text, { align: 'center', size: HEADER, spaceAfter: 0, fit: true });
  const left: CellContent[] = [];
  if (doc.parentName)
    for (const text of balancedLines(viUpper(doc.parentName), Math.floor(columnMm / 2.6)))
      left.push(line(text, false));
  const name = balancedLines(viUpper(doc.agencyName), Math.floor(columnMm / 2.85)).map((t) => line(t, true));
  name[name.length - 1]!.rule = true;
  left.push(...name);
  left.push(
    para(`Số: ${c.number || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0'}/${c.symbol}`, {
      align: 'center',
      size: 13,
      spaceBefore: 8,
      spaceAfter: 0,
    }),
  );
  const date = c.date
    ? placeAndDate(c.place, new Date(`${c.date}T12:00:00+07:00`))
    : `${c.place}, ngày\u00a0\u00a0\u00a0\u00a0 tháng\u00a0\u00a0\u00a0\u00a0 năm ${doc.year}`;
  const right: CellContent[] = [
    para(b('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), { align: 'center', size: 12, spaceAfter: 0, fit: true }),
    para({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, underline: true }, { align: 'center', size: 13 }),
    para(i(date), { align: 'center', size: 13, spaceBefore: 8, fit: true }),
  ];
  return { kind: 'columns', widths: [2, 3], cells: [left, right], spaceAfter: 6 };
}

const body = (text: string): ParagraphBlock[] =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => para(l, { align: 'justify', firstLineMm: FIRST_LINE, spaceAfter: 6 }));

const heading = (text: string): ParagraphBlock =>
  para(b(text), { align: 'justify', firstLineMm: FIRST_LINE, spaceBefore: 6, keepWithNext: true });

const small = (text: string, bold = false): CellContent =>
  para(bold ? b(text) : text, { align: 'center', size: TABLE, spaceAfter: 0 });

/** The dossier figures of Biểu 06 by receiving place, one row per place and the totals. */
function dossierTable(c: ReportContent): Block[] {
  const rows = c.dossiers.rows;
  const numbers = (n: Form06Numbers, bold = false): TableCell[] => [
    ...FORM06_NUMBERED_COLUMNS.map((k) => cell(small(n[k].toLocaleString('vi-VN'), bold))),
    cell(small((n.refused + n.withdrawn + n.stopped).toLocaleString('vi-VN'), bold)),
  ];
  const h = (text: string, span: { colSpan?: number; rowSpan?: number } = {}) =>
    cell(small(text, true), span);
  return [
    para(
      i(
        `Số liệu hồ sơ TTHC theo nơi tiếp nhận (Biểu số 06/VPCP/KSTT), từ ngày ${viDate(c.dossiers.from)} đến ngày ${viDate(c.dossiers.asOf)}`,
      ),
      { align: 'center', size: 12, keepWithNext: true },
    ),
    {
      kind: 'table',
      widths: [6, 22, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8],
      header: [
        [
          h('STT', { rowSpan: 2 }),
          h('Nơi tiếp nhận', { rowSpan: 2 }),
          h('Số hồ sơ nhận giải quyết', { colSpan: 4 }),
          h('Số hồ sơ đã giải quyết', { colSpan: 4 }),
          h('Số hồ sơ đang giải quyết', { colSpan: 3 }),
          h('Kết thúc khác', { rowSpan: 2 }),
        ],
        [
          h('Tổng số'),
          h('Trực tuyến'),
          h('Trực tiếp, bưu chính'),
          h('Kỳ trước chuyển sang'),
          h('Tổng số'),
          h('Trước hạn'),
          h('Đúng hạn'),
          h('Quá hạn'),
          h('Tổng số'),
          h('Trong hạn'),
          h('Quá hạn'),
        ],
      ],
      body: [
        ...rows.map((r, n) => [
          cell(small(String(n + 1))),
          cell(para(r.place, { size: TABLE, spaceAfter: 0 })),
          ...numbers(r),
        ]),
        [cell(small('Tổng cộng', true), { colSpan: 2 }), ...numbers(figureTotals(rows), true)],
      ],
    },
  ];
}

function onlineTable(c: ReportContent): Block {
  const n = (x: number) => cell(small(x.toLocaleString('vi-VN')));
  return {
    kind: 'table',
    widths: [1, 1, 1, 1],
    header: [
      [
        cell(small('Dịch vụ công trực tuyến toàn trình', true)),
        cell(small('Dịch vụ công trực tuyến một phần', true)),
        cell(small('Chưa cung cấp trực tuyến', true)),
        cell(small('Tổng số thủ tục', true)),
      ],
    ],
    body: [
      [
        n(c.online.full),
        n(c.online.partial),
        n(c.online.none),
        n(c.online.full + c.online.partial + c.online.none),
      ],
    ],
  };
}

export function reportBlocks(doc: ReportDocument): Block[] {
  const c = doc.content;
  const blocks: Block[] = [
    header(doc),
    para(b('BÁO CÁO'), { align: 'center', size: BODY, spaceBefore: 12, spaceAfter: 0, keepWithNext: true }),
    para(b(c.title), { align: 'center', size: BODY, spaceAfter: 12, keepWithNext: true }),
    ...body(c.intro),
  ];
  for (const s of c.sections) {
    for (const part of REPORT_PART_BEFORE[s.key] ?? []) blocks.push(heading(part.vi));
    blocks.push(heading(REPORT_SECTION_HEADINGS[s.key].vi), ...body(s.text));
    if (s.key === 'procedures') blocks.push(...dossierTable(c));
    if (s.key === 'digital_government') blocks.push(onlineTable(c));
  }
  blocks.push(
    ...body(
      `Trên đây là báo cáo ${c.title.charAt(0).toLowerCase()}${c.title.slice(1)} của ${doc.agencyName}./.`,
    ),
    {
      kind: 'columns',
      widths: [1, 1],
      cells: [
        [
          para({ text: 'Nơi nhận:', bold: true, italic: true }, { size: 12, spaceAfter: 0 }),
          ...c.recipients.map((r, n) =>
            para(`- ${r}${n === c.recipients.length - 1 ? '.' : ';'}`, { size: 11, spaceAfter: 0 }),
          ),
        ],
        [
          para(b(viUpper(c.signerTitle || 'THỦ TRƯỞNG CƠ QUAN')), { align: 'center', spaceAfter: 0 }),
          para(b(c.signerName), { align: 'center', spaceBefore: 56, spaceAfter: 0 }),
        ],
      ],
    },
  );
  return blocks;
}

export function reportDocx(doc: ReportDocument): Promise<Buffer> {
  return renderDocx({
    title: `Báo cáo ${doc.content.title}`,
    author: doc.agencyName,
    orientation: 'portrait',
    margins: DECREE_30_MARGINS,
    bodySize: BODY,
    blocks: reportBlocks(doc),
  });
}
