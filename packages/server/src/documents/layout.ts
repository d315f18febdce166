/**
 * A small page-description language between the forms and the two renderers: the forms say what
 * is printed (paragraphs, tables, images, columns), `docx.ts` and `pdf.ts` each lay it out, so the
 * DOCX and the PDF of a form always carry the same text.
 *
 * Sizes are in points (1/72 inch) for type and millimetres for lengths.
 */

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: TextRun[];
  align?: Align;
  /** Type size in points; the document's body size by default. */
  size?: number;
  /** Left indent of every line, mm. */
  indentMm?: number;
  /** Extra indent of the first line, mm; negative for a hanging indent (numbered items). */
  firstLineMm?: number;
  /** Space before and after, points. */
  spaceBefore?: number;
  spaceAfter?: number;
  /** A short centred rule under the paragraph: the line under the agency name (Decree 30/2020). */
  rule?: boolean;
  /**
   * Keep on one line, shrinking the type by up to a fifth if it would wrap (the national motto in
   * the wider fallback font, codes and dates in narrow columns). The PDF renderer only: Word wraps.
   */
  fit?: boolean;
  /** Keep on the same page as the next block (headings, labels before tables). */
  keepWithNext?: boolean;
}

export interface ImageBlock {
  kind: 'image';
  /** PNG bytes. */
  png: Uint8Array;
  widthMm: number;
  heightMm: number;
  align: 'left' | 'center' | 'right';
  /** Alternative text, e.g. what the code encodes. */
  alt: string;
}

/** Side-by-side blocks without borders: the header, the signature blocks. */
export interface ColumnsBlock {
  kind: 'columns';
  /** Relative widths of the columns. */
  widths: number[];
  cells: CellContent[][];
  spaceAfter?: number;
}

export type CellContent = ParagraphBlock | ImageBlock;

export interface TableCell {
  blocks: CellContent[];
  colSpan?: number;
  rowSpan?: number;
}

/** A ruled table. Header rows repeat on every page the table runs over. */
export interface TableBlock {
  kind: 'table';
  /** Relative widths of the grid columns. */
  widths: number[];
  header: TableCell[][];
  body: TableCell[][];
  /** Minimum height of a body row, mm (blank rows to fill by hand). */
  minRowHeightMm?: number;
  spaceAfter?: number;
}

export interface SpaceBlock {
  kind: 'space';
  heightPt: number;
}

export type Block = ParagraphBlock | ImageBlock | ColumnsBlock | TableBlock | SpaceBlock;

export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface DocumentSpec {
  /** Document title for the file's metadata. */
  title: string;
  /** Author / creator for the metadata (the issuing agency). */
  author: string;
  orientation: 'portrait' | 'landscape';
  /** A4 margins, mm. */
  margins: PageMargins;
  /** Body type size, points. */
  bodySize: number;
  blocks: Block[];
}

/** A4, mm. */
export const A4 = { width: 210, height: 297 } as const;
export const PT_PER_MM = 72 / 25.4;

/** Decree 30/2020 margins: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm. */
export const DECREE_30_MARGINS: PageMargins = { top: 20, bottom: 20, left: 30, right: 15 };

export function pageSize(orientation: 'portrait' | 'landscape'): { width: number; height: number } {
  return orientation === 'portrait' ? { ...A4 } : { width: A4.height, height: A4.width };
}

// Builders, to keep the forms readable.

export const run = (text: string, style: Omit<TextRun, 'text'> = {}): TextRun => ({ text, ...style });
export const b = (text: string): TextRun => ({ text, bold: true });
export const i = (text: string): TextRun => ({ text, italic: true });

export function para(
  runs: string | TextRun | (string | TextRun)[],
  options: Omit<ParagraphBlock, 'kind' | 'runs'> = {},
): ParagraphBlock {
  const list = Array.isArray(runs) ? runs : [runs];
  return { kind: 'paragraph', runs: list.map((r) => (typeof r === 'string' ? { text: r } : r)), ...options };
}

export const space = (heightPt: number): SpaceBlock => ({ kind: 'space', heightPt });

export const cell = (
  blocks: CellContent | CellContent[],
  span: { colSpan?: number; rowSpan?: number } = {},
) => ({
  blocks: Array.isArray(blocks) ? blocks : [blocks],
  ...span,
});
