/**
 * Lays a `DocumentSpec` out as a PDF with pdf-lib: real text in an embedded serif font (so it can
 * be searched, copied and extracted), line breaking and justification, borderless columns, ruled
 * tables that run over pages with their header repeated, and PNG images.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { loadSerifFonts } from './fonts.ts';
import {
  type Block,
  type CellContent,
  type ColumnsBlock,
  type DocumentSpec,
  type ImageBlock,
  type ParagraphBlock,
  PT_PER_MM,
  pageSize,
  type TableBlock,
  type TableCell,
  type TextRun,
} from './layout.ts';

const LINE_HEIGHT = 1.2;
const BASELINE = 0.94;
const DEFAULT_SPACE_AFTER = 6;
const CELL_PAD_X = 1.5 * PT_PER_MM;
const CELL_PAD_Y = 1.2 * PT_PER_MM;
const BORDER = 0.6;
const BLACK = rgb(0, 0, 0);

interface Faces {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

interface Piece {
  text: string;
  font: PDFFont;
  size: number;
  underline: boolean;
  width: number;
}

/** An unbreakable group of pieces (a word, possibly in several styles). */
interface Word {
  pieces: Piece[];
  width: number;
}

interface Line {
  words: Word[];
  /** Width of the space before each word (0 for the first). */
  gaps: number[];
  width: number;
  first: boolean;
  last: boolean;
}

interface ParagraphLayout {
  block: ParagraphBlock;
  size: number;
  lines: Line[];
  lineHeight: number;
  /** Height of the short rule under the paragraph, if any. */
  ruleHeight: number;
  width: number;
}

/** Something measured that can be drawn with its top-left corner at (x, top), top from the page top. */
interface Laid {
  height: number;
  draw(page: PDFPage, x: number, top: number): void;
}

function face(faces: Faces, run: TextRun): PDFFont {
  if (run.bold && run.italic) return faces.boldItalic;
  if (run.bold) return faces.bold;
  if (run.italic) return faces.italic;
  return faces.regular;
}

class Layout {
  private readonly images = new Map<Uint8Array, PDFImage>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly faces: Faces,
    private readonly bodySize: number,
  ) {}

  async image(png: Uint8Array): Promise<PDFImage> {
    let img = this.images.get(png);
    if (!img) {
      img = await this.doc.embedPng(png);
      this.images.set(png, img);
    }
    return img;
  }

  /** Every image of the document, embedded up front so that layout stays synchronous. */
  async embedImages(blocks: readonly Block[]): Promise<void> {
    for (const block of blocks) {
      if (block.kind === 'image') await this.image(block.png);
      const cells: CellContent[][] =
        block.kind === 'columns'
          ? block.cells
          : block.kind === 'table'
            ? [...block.header, ...block.body].flat().map((c) => c.blocks)
            : [];
      for (const content of cells.flat()) if (content.kind === 'image') await this.image(content.png);
    }
  }

  // Paragraphs.

  private words(block: ParagraphBlock, size: number): { word: Word; gap: number }[] {
    const out: { word: Word; gap: number }[] = [];
    let current: Word | undefined;
    let currentGap = 0;
    let pendingGap = 0;
    for (const run of block.runs) {
      const font = face(this.faces, run);
      for (const part of run.text.split(/(\s+)/)) {
        if (part === '') continue;
        if (/^\s+$/.test(part)) {
          if (current) out.push({ word: current, gap: currentGap });
          current = undefined;
          pendingGap += font.widthOfTextAtSize(' ', size) * part.length;
          continue;
        }
        if (!current) {
          current = { pieces: [], width: 0 };
          currentGap = pendingGap;
          pendingGap = 0;
        }
        const width = font.widthOfTextAtSize(part, size);
        current.pieces.push({ text: part, font, size, underline: !!run.underline, width });
        current.width += width;
      }
    }
    if (current) out.push({ word: current, gap: currentGap });
    return out;
  }

  /** Cuts a word wider than `avail` into chunks that fit, preferring to break after - / . */
  private split(word: Word, avail: number, firstAvail: number): Word[] {
    const chars = word.pieces.flatMap((p) =>
      Array.from(p.text).map((ch) => ({ ch, piece: p, width: p.font.widthOfTextAtSize(ch, p.size) })),
    );
    const chunks: Word[] = [];
    let start = 0;
    while (start < chars.length) {
      const limit = chunks.length === 0 ? firstAvail : avail;
      let end = start;
      let width = 0;
      while (end < chars.length && (end === start || width + chars[end]!.width <= limit)) {
        width += chars[end]!.width;
        end++;
      }
      if (end < chars.length) {
        for (let k = end - 1; k > start; k--) {
          if ('-/.,_'.includes(chars[k]!.ch)) {
            end = k + 1;
            break;
          }
        }
      }
      const pieces: Piece[] = [];
      for (const c of chars.slice(start, end)) {
        const last = pieces[pieces.length - 1];
        if (last && last.font === c.piece.font && last.underline === c.piece.underline) {
          last.text += c.ch;
          last.width += c.width;
        } else {
          pieces.push({ ...c.piece, text: c.ch, width: c.width });
        }
      }
      chunks.push({ pieces, width: pieces.reduce((s, p) => s + p.width, 0) });
      start = end;
    }
    return chunks;
  }

  paragraph(block: ParagraphBlock, width: number): ParagraphLayout {
    const indent = (block.indentMm ?? 0) * PT_PER_MM;
    const firstLine = (block.firstLineMm ?? 0) * PT_PER_MM;
    const availFirst = width - indent - firstLine;
    const availRest = width - indent;
    let size = block.size ?? this.bodySize;
    let tokens = this.words(block, size);
    if (block.fit) {
      const total = tokens.reduce((s, t, n) => s + t.word.width + (n ? t.gap : 0), 0);
      if (total > availFirst) {
        // Shrink to fit, by a fifth at most; beyond that the line wraps.
        size = Math.max(Math.floor(((size * availFirst) / total) * 10) / 10, Math.ceil(size * 8) / 10);
        tokens = this.words(block, size);
      }
    }
    const lines: Line[] = [];
    let line: Line = { words: [], gaps: [], width: 0, first: true, last: false };
    const avail = () => (lines.length === 0 ? availFirst : availRest);
    const push = () => {
      lines.push(line);
      line = { words: [], gaps: [], width: 0, first: false, last: false };
    };
    const start = (word: Word) => {
      const chunks = word.width > avail() ? this.split(word, availRest, avail()) : [word];
      chunks.forEach((chunk, n) => {
        if (n > 0) push();
        line.words.push(chunk);
        line.gaps.push(0);
        line.width = chunk.width;
      });
    };
    for (const { word, gap } of tokens) {
      if (line.words.length === 0) start(word);
      else if (line.width + gap + word.width <= avail() + 0.01) {
        line.words.push(word);
        line.gaps.push(gap);
        line.width += gap + word.width;
      } else {
        push();
        start(word);
      }
    }
    lines.push(line);
    lines[lines.length - 1]!.last = true;
    return {
      block,
      size,
      lines,
      lineHeight: size * LINE_HEIGHT,
      ruleHeight: block.rule ? 5 : 0,
      width,
    };
  }

  drawLine(page: PDFPage, p: ParagraphLayout, line: Line, x: number, top: number): void {
    const indent =
      (p.block.indentMm ?? 0) * PT_PER_MM + (line.first ? (p.block.firstLineMm ?? 0) * PT_PER_MM : 0);
    const avail = p.width - indent;
    const align = p.block.align ?? 'left';
    let cursor = x + indent;
    let extra = 0;
    if (align === 'center') cursor += (avail - line.width) / 2;
    else if (align === 'right') cursor += avail - line.width;
    else if (align === 'justify' && !line.last && line.words.length > 1) {
      extra = Math.max(0, (avail - line.width) / (line.words.length - 1));
    }
    const pageHeight = page.getHeight();
    const baseline = pageHeight - (top + p.size * BASELINE);
    const underlineY = baseline - p.size * 0.11;
    const thickness = Math.max(0.5, p.size * 0.05);
    let previousUnderlined = false;
    line.words.forEach((word, n) => {
      if (n > 0) {
        const gap = line.gaps[n]! + extra;
        if (previousUnderlined && word.pieces[0]?.underline) {
          page.drawLine({
            start: { x: cursor, y: underlineY },
            end: { x: cursor + gap, y: underlineY },
            thickness,
            color: BLACK,
          });
        }
        cursor += gap;
      }
      for (const piece of word.pieces) {
        page.drawText(piece.text, {
          x: cursor,
          y: baseline,
          size: piece.size,
          font: piece.font,
          color: BLACK,
        });
        if (piece.underline) {
          page.drawLine({
            start: { x: cursor, y: underlineY },
            end: { x: cursor + piece.width, y: underlineY },
            thickness,
            color: BLACK,
          });
        }
        cursor += piece.width;
      }
      previousUnderlined = !!word.pieces[word.pieces.length - 1]?.underline;
    });
  }

  drawRule(page: PDFPage, p: ParagraphLayout, x: number, top: number): void {
    const widest = Math.max(...p.lines.map((l) => l.width));
    const length = Math.min(p.width, Math.max(0.4 * widest, 12 * PT_PER_MM));
    const y = page.getHeight() - (top + 2.5);
    const cx = x + p.width / 2;
    page.drawLine({
      start: { x: cx - length / 2, y },
      end: { x: cx + length / 2, y },
      thickness: 0.6,
      color: BLACK,
    });
  }

  /** A whole paragraph as one unit (inside columns and table cells). */
  laidParagraph(block: ParagraphBlock, width: number): Laid {
    const p = this.paragraph(block, width);
    const before = block.spaceBefore ?? 0;
    const after = block.spaceAfter ?? DEFAULT_SPACE_AFTER;
    const textHeight = p.lines.length * p.lineHeight;
    return {
      height: before + textHeight + p.ruleHeight + after,
      draw: (page, x, top) => {
        p.lines.forEach((line, n) => {
          this.drawLine(page, p, line, x, top + before + n * p.lineHeight);
        });
        if (block.rule) this.drawRule(page, p, x, top + before + textHeight);
      },
    };
  }

  laidImage(block: ImageBlock, width: number): Laid {
    const w = Math.min(block.widthMm * PT_PER_MM, width);
    const h = (block.heightMm * PT_PER_MM * w) / (block.widthMm * PT_PER_MM);
    const image = this.images.get(block.png);
    if (!image) throw new Error('image not embedded');
    return {
      height: h,
      draw: (page, x, top) => {
        const left =
          block.align === 'left' ? x : block.align === 'right' ? x + width - w : x + (width - w) / 2;
        page.drawImage(image, { x: left, y: page.getHeight() - top - h, width: w, height: h });
      },
    };
  }

  laidContent(content: CellContent, width: number): Laid {
    return content.kind === 'paragraph' ? this.laidParagraph(content, width) : this.laidImage(content, width);
  }

  /** Blocks stacked vertically; the last block's space after is dropped (cells). */
  stack(contents: readonly CellContent[], width: number, trimLast: boolean): Laid {
    const items = contents.map((c, n) => {
      if (trimLast && n === contents.length - 1 && c.kind === 'paragraph') {
        return this.laidContent({ ...c, spaceAfter: 0 }, width);
      }
      return this.laidContent(c, width);
    });
    return {
      height: items.reduce((s, item) => s + item.height, 0),
      draw: (page, x, top) => {
        let y = top;
        for (const item of items) {
          item.draw(page, x, y);
          y += item.height;
        }
      },
    };
  }

  columns(block: ColumnsBlock, width: number): Laid {
    const total = block.widths.reduce((s, w) => s + w, 0);
    const widths = block.widths.map((w) => (w / total) * width);
    const cells = block.cells.map((contents, n) => this.stack(contents, widths[n]!, true));
    const after = block.spaceAfter ?? DEFAULT_SPACE_AFTER;
    return {
      height: Math.max(0, ...cells.map((c) => c.height)) + after,
      draw: (page, x, top) => {
        let left = x;
        cells.forEach((c, n) => {
          c.draw(page, left, top);
          left += widths[n]!;
        });
      },
    };
  }

  /** A table as rows ready to place: the header group and each body row. */
  table(block: TableBlock, width: number): { header: Laid; rows: Laid[]; after: number } {
    const total = block.widths.reduce((s, w) => s + w, 0);
    const cols = block.widths.map((w) => (w / total) * width);
    const offsets = cols.map((_, n) => cols.slice(0, n).reduce((s, w) => s + w, 0));
    const group = (rows: readonly TableCell[][], minHeight: number, middle: boolean): Laid[] => {
      // Place cells on the grid, honouring column and row spans.
      const taken: boolean[][] = rows.map(() => cols.map(() => false));
      const placed: { row: number; col: number; cell: TableCell; content: Laid; w: number }[] = [];
      rows.forEach((cells, r) => {
        let c = 0;
        for (const tc of cells) {
          while (c < cols.length && taken[r]![c]) c++;
          const colSpan = Math.min(tc.colSpan ?? 1, cols.length - c);
          const rowSpan = Math.min(tc.rowSpan ?? 1, rows.length - r);
          for (let rr = r; rr < r + rowSpan; rr++)
            for (let cc = c; cc < c + colSpan; cc++) taken[rr]![cc] = true;
          const w = cols.slice(c, c + colSpan).reduce((s, x) => s + x, 0);
          placed.push({
            row: r,
            col: c,
            cell: tc,
            content: this.stack(tc.blocks, w - 2 * CELL_PAD_X, true),
            w,
          });
          c += colSpan;
        }
      });
      const heights = rows.map(() => minHeight);
      for (const p of placed) {
        if ((p.cell.rowSpan ?? 1) === 1) {
          heights[p.row] = Math.max(heights[p.row]!, p.content.height + 2 * CELL_PAD_Y);
        }
      }
      for (const p of placed) {
        const span = Math.min(p.cell.rowSpan ?? 1, rows.length - p.row);
        if (span > 1) {
          const have = heights.slice(p.row, p.row + span).reduce((s, h) => s + h, 0);
          const need = p.content.height + 2 * CELL_PAD_Y;
          if (need > have) heights[p.row + span - 1]! += need - have;
        }
      }
      const tops = heights.map((_, n) => heights.slice(0, n).reduce((s, h) => s + h, 0));
      const drawCells = (page: PDFPage, x: number, top: number) => {
        for (const p of placed) {
          const span = Math.min(p.cell.rowSpan ?? 1, rows.length - p.row);
          const h = heights.slice(p.row, p.row + span).reduce((s, v) => s + v, 0);
          const left = x + offsets[p.col]!;
          const cellTop = top + tops[p.row]!;
          const pageHeight = page.getHeight();
          page.drawRectangle({
            x: left,
            y: pageHeight - cellTop - h,
            width: p.w,
            height: h,
            borderColor: BLACK,
            borderWidth: BORDER,
          });
          const offset = middle ? (h - p.content.height) / 2 : CELL_PAD_Y;
          p.content.draw(page, left + CELL_PAD_X, cellTop + offset);
        }
      };
      if (middle) {
        // The header is one unit: row spans tie its rows together.
        const height = heights.reduce((s, h) => s + h, 0);
        return [{ height, draw: drawCells }];
      }
      // Body rows are placed one by one (no row spans in the body).
      return heights.map((height, r) => ({
        height,
        draw: (page, x, top) => {
          for (const p of placed) {
            if (p.row !== r) continue;
            const left = x + offsets[p.col]!;
            page.drawRectangle({
              x: left,
              y: page.getHeight() - top - height,
              width: p.w,
              height,
              borderColor: BLACK,
              borderWidth: BORDER,
            });
            p.content.draw(page, left + CELL_PAD_X, top + CELL_PAD_Y);
          }
        },
      }));
    };
    const header = group(block.header, 0, true)[0] ?? { height: 0, draw: () => {} };
    const rows = group(block.body, (block.minRowHeightMm ?? 0) * PT_PER_MM, false);
    return { header, rows, after: block.spaceAfter ?? DEFAULT_SPACE_AFTER };
  }
}

/** Places blocks down the pages, starting a new page when the next piece does not fit. */
class Flow {
  private page!: PDFPage;
  private y = 0;
  private readonly pageWidth: number;
  private readonly pageHeight: number;
  private readonly width: number;
  private readonly bottom: number;
  private readonly left: number;
  private readonly topMargin: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly layout: Layout,
    spec: DocumentSpec,
  ) {
    const size = pageSize(spec.orientation);
    this.pageWidth = size.width * PT_PER_MM;
    this.pageHeight = size.height * PT_PER_MM;
    const m = spec.margins;
    this.left = m.left * PT_PER_MM;
    this.topMargin = m.top * PT_PER_MM;
    this.width = this.pageWidth - (m.left + m.right) * PT_PER_MM;
    this.bottom = this.pageHeight - m.bottom * PT_PER_MM;
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([this.pageWidth, this.pageHeight]);
    this.y = this.topMargin;
  }

  private atTop(): boolean {
    return this.y <= this.topMargin + 0.01;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  private ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && !this.atTop()) this.newPage();
  }

  private place(item: Laid): void {
    this.ensure(item.height);
    item.draw(this.page, this.left, this.y);
    this.y += item.height;
  }

  /** The height that must fit on the page for a block to start there (its first lines or row). */
  private startHeight(block: Block): number {
    switch (block.kind) {
      case 'paragraph': {
        const p = this.layout.paragraph(block, this.width);
        return (block.spaceBefore ?? 0) + Math.min(p.lines.length, 2) * p.lineHeight;
      }
      case 'table': {
        const t = this.layout.table(block, this.width);
        return t.header.height + (t.rows[0]?.height ?? 0);
      }
      case 'columns':
        return this.layout.columns(block, this.width).height;
      case 'image':
        return block.heightMm * PT_PER_MM;
      case 'space':
        return 0;
    }
  }

  private paragraph(block: ParagraphBlock, keep: number): void {
    const p = this.layout.paragraph(block, this.width);
    const before = block.spaceBefore ?? 0;
    const after = block.spaceAfter ?? DEFAULT_SPACE_AFTER;
    const whole = before + p.lines.length * p.lineHeight + p.ruleHeight;
    if (p.lines.length <= 3 || keep > 0) this.ensure(whole + keep);
    else this.ensure(before + 2 * p.lineHeight);
    if (!this.atTop()) this.y += before;
    p.lines.forEach((line) => {
      this.ensure(p.lineHeight);
      this.layout.drawLine(this.page, p, line, this.left, this.y);
      this.y += p.lineHeight;
    });
    if (block.rule) {
      this.layout.drawRule(this.page, p, this.left, this.y);
      this.y += p.ruleHeight;
    }
    this.y += after;
  }

  private table(block: TableBlock): void {
    const t = this.layout.table(block, this.width);
    this.ensure(t.header.height + (t.rows[0]?.height ?? 0));
    this.place(t.header);
    for (const row of t.rows) {
      if (this.y + row.height > this.bottom + 0.01) {
        this.newPage();
        this.place(t.header);
      }
      row.draw(this.page, this.left, this.y);
      this.y += row.height;
    }
    this.y += t.after;
  }

  add(blocks: readonly Block[]): void {
    blocks.forEach((block, n) => {
      const next = blocks[n + 1];
      const keep = block.kind === 'paragraph' && block.keepWithNext && next ? this.startHeight(next) : 0;
      switch (block.kind) {
        case 'paragraph':
          this.paragraph(block, keep);
          break;
        case 'table':
          this.table(block);
          break;
        case 'columns':
          this.place(this.layout.columns(block, this.width));
          break;
        case 'image':
          this.place(this.layout.laidImage(block, this.width));
          break;
        case 'space':
          if (!this.atTop()) this.y += block.heightPt;
          break;
      }
    });
  }
}

export interface PdfOptions {
  /**
   * Directories to look for Liberation Serif in, instead of the system's usual ones; DejaVu Serif
   * is the fallback. An empty list forces the fallback.
   */
  fontDirs?: readonly string[];
}

/** Renders a document description to PDF bytes. */
export async function renderPdf(spec: DocumentSpec, options: PdfOptions = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = await loadSerifFonts(options.fontDirs);
  const embed = (bytes: Uint8Array) => doc.embedFont(bytes, { subset: true, features: { liga: false } });
  const faces: Faces = {
    regular: await embed(fonts.regular),
    bold: await embed(fonts.bold),
    italic: await embed(fonts.italic),
    boldItalic: await embed(fonts.boldItalic),
  };
  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  doc.setAuthor(spec.author);
  doc.setCreator('Motcua');
  doc.setProducer('Motcua (pdf-lib)');
  doc.setLanguage('vi-VN');
  const layout = new Layout(doc, faces, spec.bodySize);
  await layout.embedImages(spec.blocks);
  new Flow(doc, layout, spec).add(spec.blocks);
  // Decree 30/2020: pages are numbered from the second, centred in the top margin.
  const pages = doc.getPages();
  pages.forEach((page, n) => {
    if (n === 0) return;
    const text = String(n + 1);
    const size = spec.bodySize;
    const width = faces.regular.widthOfTextAtSize(text, size);
    const y = page.getHeight() - (spec.margins.top * PT_PER_MM) / 2 - size / 2;
    page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font: faces.regular, color: BLACK });
  });
  return Buffer.from(await doc.save());
}
