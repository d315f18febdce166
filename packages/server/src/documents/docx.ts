/**
 * Renders a `DocumentSpec` as a Word document (docx): Times New Roman, A4 with the Decree 30/2020
 * margins, borderless tables for the header and signature columns, ruled tables with repeated
 * header rows, inline PNG images.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  A4,
  type Align,
  type Block,
  type CellContent,
  type ColumnsBlock,
  type DocumentSpec,
  type ImageBlock,
  type ParagraphBlock,
  type TableCell as SpecCell,
  type TableBlock,
} from './layout.ts';

const FONT = 'Times New Roman';
const TWIPS_PER_MM = 1440 / 25.4;
const PX_PER_MM = 96 / 25.4;
const DEFAULT_SPACE_AFTER = 6;
/** Cell padding of ruled tables, twips (1.5 mm left and right). */
const CELL_MARGIN = Math.round(1.5 * TWIPS_PER_MM);

const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const HIDDEN = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

class DocxWriter {
  constructor(private readonly bodySize: number) {}

  paragraph(block: ParagraphBlock, widthMm: number, trimAfter = false): Paragraph[] {
    const size = block.size ?? this.bodySize;
    const firstLine = block.firstLineMm ?? 0;
    const indent = {
      ...(block.indentMm ? { left: twips(block.indentMm) } : {}),
      ...(firstLine > 0
        ? { firstLine: twips(firstLine) }
        : firstLine < 0
          ? { hanging: twips(-firstLine) }
          : {}),
    };
    const after = trimAfter ? 0 : (block.spaceAfter ?? DEFAULT_SPACE_AFTER);
    const main = new Paragraph({
      alignment: ALIGN[block.align ?? 'left'],
      spacing: {
        before: Math.round((block.spaceBefore ?? 0) * 20),
        after: block.rule ? 0 : Math.round(after * 20),
      },
      ...(Object.keys(indent).length ? { indent } : {}),
      keepNext: block.keepWithNext || block.rule,
      keepLines: true,
      children: block.runs.map(
        (r) =>
          new TextRun({
            text: r.text,
            bold: r.bold,
            italics: r.italic,
            underline: r.underline ? { type: UnderlineType.SINGLE } : undefined,
            size: Math.round(size * 2),
            font: FONT,
          }),
      ),
    });
    if (!block.rule) return [main];
    // The short rule under the agency name: an empty paragraph whose bottom border is narrowed by
    // indents to about 40% of the name's (estimated) width.
    const text = block.runs.map((r) => r.text).join('');
    const estimated = Math.min(widthMm, text.length * size * 0.62 * (25.4 / 72));
    const rule = Math.max(12, 0.4 * estimated);
    const side = Math.max(0, (widthMm - rule) / 2);
    return [
      main,
      new Paragraph({
        spacing: { before: 0, after: Math.round(after * 20), line: 60, lineRule: 'exact' },
        indent: { left: twips(side), right: twips(side) },
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
        children: [new TextRun({ text: '', size: 2, font: FONT })],
      }),
    ];
  }

  image(block: ImageBlock): Paragraph {
    return new Paragraph({
      alignment: ALIGN[block.align],
      spacing: { before: 0, after: 0 },
      children: [
        new ImageRun({
          type: 'png',
          data: block.png,
          transformation: {
            width: Math.round(block.widthMm * PX_PER_MM),
            height: Math.round(block.heightMm * PX_PER_MM),
          },
          altText: { name: 'code', description: block.alt, title: block.alt },
        }),
      ],
    });
  }

  contents(contents: readonly CellContent[], widthMm: number): Paragraph[] {
    const out = contents.flatMap((c, n) =>
      c.kind === 'paragraph' ? this.paragraph(c, widthMm, n === contents.length - 1) : [this.image(c)],
    );
    return out.length ? out : [new Paragraph({ spacing: { before: 0, after: 0 }, children: [] })];
  }

  columns(block: ColumnsBlock, widthMm: number): (Paragraph | Table)[] {
    const total = block.widths.reduce((s, w) => s + w, 0);
    const widths = block.widths.map((w) => (w / total) * widthMm);
    const table = new Table({
      width: { size: twips(widthMm), type: WidthType.DXA },
      columnWidths: widths.map(twips),
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      rows: [
        new TableRow({
          cantSplit: true,
          children: block.cells.map(
            (contents, n) =>
              new TableCell({
                width: { size: twips(widths[n]!), type: WidthType.DXA },
                borders: { top: HIDDEN, bottom: HIDDEN, left: HIDDEN, right: HIDDEN },
                children: this.contents(contents, widths[n]!),
              }),
          ),
        }),
      ],
    });
    const after = block.spaceAfter ?? DEFAULT_SPACE_AFTER;
    return [table, spacer(after)];
  }

  table(block: TableBlock, widthMm: number): (Paragraph | Table)[] {
    const total = block.widths.reduce((s, w) => s + w, 0);
    const widths = block.widths.map((w) => (w / total) * widthMm);
    const inner = (start: number, span: number) =>
      widths.slice(start, start + span).reduce((s, w) => s + w, 0) - (2 * CELL_MARGIN) / TWIPS_PER_MM;
    // Grid columns still covered by a row span from a row above (rows left to cover).
    const covered = widths.map(() => 0);
    const all = [
      ...block.header.map((cells) => ({ cells, header: true })),
      ...block.body.map((cells) => ({ cells, header: false })),
    ];
    const rows = all.map(({ cells, header }) => {
      const taken = covered.map((n) => n > 0);
      for (let k = 0; k < covered.length; k++) if (covered[k]! > 0) covered[k]!--;
      let col = 0;
      const children = cells.map((c: SpecCell) => {
        while (taken[col]) col++;
        const span = c.colSpan ?? 1;
        const rowSpan = c.rowSpan ?? 1;
        if (rowSpan > 1) for (let k = col; k < col + span; k++) covered[k] = rowSpan - 1;
        const cell = new TableCell({
          columnSpan: span > 1 ? span : undefined,
          rowSpan: rowSpan > 1 ? rowSpan : undefined,
          verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
          children: this.contents(c.blocks, inner(col, span)),
        });
        col += span;
        return cell;
      });
      return new TableRow({
        tableHeader: header,
        cantSplit: true,
        ...(!header && block.minRowHeightMm
          ? { height: { value: twips(block.minRowHeightMm), rule: HeightRule.ATLEAST } }
          : {}),
        children,
      });
    });
    const table = new Table({
      width: { size: twips(widthMm), type: WidthType.DXA },
      columnWidths: widths.map(twips),
      layout: TableLayoutType.FIXED,
      borders: {
        top: THIN,
        bottom: THIN,
        left: THIN,
        right: THIN,
        insideHorizontal: THIN,
        insideVertical: THIN,
      },
      margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
      rows,
    });
    return [table, spacer(block.spaceAfter ?? DEFAULT_SPACE_AFTER)];
  }

  block(block: Block, widthMm: number): (Paragraph | Table)[] {
    switch (block.kind) {
      case 'paragraph':
        return this.paragraph(block, widthMm);
      case 'image':
        return [this.image(block)];
      case 'columns':
        return this.columns(block, widthMm);
      case 'table':
        return this.table(block, widthMm);
      case 'space':
        return [spacer(block.heightPt)];
    }
  }
}

/** An empty paragraph `heightPt` high (Word needs a paragraph between tables anyway). */
function spacer(heightPt: number): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: Math.max(20, Math.round(heightPt * 20)), lineRule: 'exact' },
    children: [new TextRun({ text: '', size: 2, font: FONT })],
  });
}

/** Renders a document description to DOCX bytes. */
export async function renderDocx(spec: DocumentSpec): Promise<Buffer> {
  const landscape = spec.orientation === 'landscape';
  const m = spec.margins;
  const widthMm = (landscape ? A4.height : A4.width) - m.left - m.right;
  const writer = new DocxWriter(spec.bodySize);
  const document = new Document({
    title: spec.title,
    creator: spec.author,
    description: spec.title,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: Math.round(spec.bodySize * 2), language: { value: 'vi-VN' } },
          paragraph: { spacing: { after: DEFAULT_SPACE_AFTER * 20 } },
        },
      },
    },
    sections: [
      {
        // Decree 30/2020: pages are numbered from the second, centred in the top margin.
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        properties: {
          titlePage: true,
          page: {
            size: {
              width: twips(A4.width),
              height: twips(A4.height),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twips(m.top),
              bottom: twips(m.bottom),
              left: twips(m.left),
              right: twips(m.right),
              header: twips(m.top / 2),
            },
          },
        },
        children: spec.blocks.flatMap((block) => writer.block(block, widthMm)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
