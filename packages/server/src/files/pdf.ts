import { constants, inflateSync } from 'node:zlib';

/**
 * A structural check that a file is a PDF a reader can open: the header, the trailer at the end,
 * the cross-reference section `startxref` points to (a table or a stream), and the document
 * catalogue that the trailer's /Root names. Bytes that merely start with `%PDF-` (a program, a web
 * page, a file cut short) fail here. Only cross-reference and object streams are ever inflated,
 * each bounded, so a PDF cannot be a decompression bomb for this check.
 */
export function isWellFormedPdf(data: Buffer): boolean {
  try {
    return new PdfStructure(data).check();
  } catch {
    return false;
  }
}

/** Largest cross-reference or object stream this check unpacks. */
const MAX_STREAM_BYTES = 16 * 1024 * 1024;
/** Incremental updates followed back through /Prev. */
const MAX_SECTIONS = 64;

interface Ref {
  num: number;
  gen: number;
}

interface Section {
  /** The trailer dictionary (or the cross-reference stream's dictionary), as text. */
  dict: string;
  /** The entry for an object: [type, field 2, field 3] as in a cross-reference stream, or null. */
  lookup(num: number): [number, number, number] | null;
}

class PdfStructure {
  private readonly text: string;

  constructor(private readonly data: Buffer) {
    this.text = data.toString('latin1');
  }

  check(): boolean {
    if (!/^%PDF-[12]\.\d[\s%]/.test(this.text.slice(0, 16))) return false;
    const tailStart = Math.max(0, this.text.length - 2048);
    const tail = this.text.slice(tailStart);
    const eof = tail.lastIndexOf('%%EOF');
    if (eof < 0) return false;
    const start = tail.lastIndexOf('startxref', eof);
    const pointer = start < 0 ? null : /^startxref\s+(\d+)\s*$/.exec(tail.slice(start, eof));
    if (!pointer) return false;

    const sections: Section[] = [];
    const seen = new Set<number>();
    let offset: number | null = Number(pointer[1]);
    let root: Ref | null = null;
    while (offset !== null) {
      if (seen.has(offset) || sections.length >= MAX_SECTIONS) return false;
      seen.add(offset);
      const section = this.sectionAt(offset);
      if (!section) return false;
      sections.push(section);
      root ??= ref(section.dict, 'Root');
      // A hybrid file keeps part of its cross-references in a stream named by the table's trailer.
      const hybrid = integer(section.dict, 'XRefStm');
      if (hybrid !== null && !seen.has(hybrid)) {
        seen.add(hybrid);
        const stream = this.sectionAt(hybrid);
        if (!stream) return false;
        sections.push(stream);
      }
      offset = integer(section.dict, 'Prev');
    }
    if (!root) return false;
    const entry = this.entry(sections, root.num);
    if (!entry) return false;
    if (entry[0] === 1) return /\/Type\s*\/Catalog\b/.test(this.objectText(entry[1], root.num) ?? '');
    if (entry[0] !== 2) return false;
    // The catalogue sits in an object stream, which an encrypted file also encrypts.
    const container = this.entry(sections, entry[1]);
    if (container?.[0] !== 1) return false;
    const object = this.objectText(container[1], entry[1]);
    if (!object || !/\/Type\s*\/ObjStm\b/.test(object)) return false;
    if (/\/Encrypt\b/.test(sections[0]!.dict)) return true;
    const content = this.streamData(container[1]);
    return content !== null && /\/Catalog\b/.test(content.toString('latin1'));
  }

  private entry(sections: Section[], num: number) {
    for (const section of sections) {
      const found = section.lookup(num);
      if (found) return found;
    }
    return null;
  }

  /** A cross-reference table with its trailer, or a cross-reference stream, at `offset`. */
  private sectionAt(offset: number): Section | null {
    if (offset >= this.text.length) return null;
    const at = skipSpace(this.text, offset);
    if (this.text.startsWith('xref', at)) return this.tableAt(at + 4);
    const object = this.objectText(offset);
    if (!object || !/\/Type\s*\/XRef\b/.test(object)) return null;
    return this.xrefStreamAt(offset, object);
  }

  private tableAt(position: number): Section | null {
    const trailerAt = this.text.indexOf('trailer', position);
    if (trailerAt < 0) return null;
    const dictEnd = this.text.indexOf('startxref', trailerAt);
    const dict = this.text.slice(trailerAt, dictEnd < 0 ? trailerAt + 4096 : dictEnd);
    const subsections: { first: number; count: number; at: number }[] = [];
    const header = /\s*(\d+)\s+(\d+)[ \t]*(?:\r\n|\r|\n)/y;
    let p = position;
    for (;;) {
      header.lastIndex = p;
      const m = header.exec(this.text);
      if (!m) break;
      const count = Number(m[2]);
      subsections.push({ first: Number(m[1]), count, at: header.lastIndex });
      p = header.lastIndex + count * 20;
      if (p > trailerAt) return null;
    }
    if (skipSpace(this.text, p) !== trailerAt) return null;
    const text = this.text;
    return {
      dict,
      lookup(num) {
        for (const s of subsections) {
          if (num < s.first || num >= s.first + s.count) continue;
          const m = /^(\d{10}) (\d{5}) ([nf])/.exec(
            text.slice(s.at + (num - s.first) * 20, s.at + (num - s.first + 1) * 20),
          );
          if (!m) return null;
          return m[3] === 'n' ? [1, Number(m[1]), Number(m[2])] : [0, 0, 0];
        }
        return null;
      },
    };
  }

  private xrefStreamAt(offset: number, dict: string): Section | null {
    const widths = /\/W\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(dict)?.slice(1).map(Number);
    const size = integer(dict, 'Size');
    if (!widths || size === null || widths.some((w) => w > 8)) return null;
    const index = /\/Index\s*\[([\d\s]*)\]/.exec(dict)?.[1]?.trim().split(/\s+/).map(Number) ?? [0, size];
    const raw = this.streamData(offset);
    if (!raw) return null;
    const rowLength = widths[0]! + widths[1]! + widths[2]!;
    const rows = unpredict(raw, dict, rowLength);
    if (!rows) return null;
    const field = (row: number, start: number, width: number) => {
      let value = 0;
      for (let i = 0; i < width; i++) value = value * 256 + rows[row * rowLength + start + i]!;
      return value;
    };
    return {
      dict,
      lookup(num) {
        let row = 0;
        for (let i = 0; i + 1 < index.length; i += 2) {
          const first = index[i]!;
          const count = index[i + 1]!;
          if (num >= first && num < first + count) {
            const r = row + num - first;
            if ((r + 1) * rowLength > rows.length) return null;
            const type = widths[0] === 0 ? 1 : field(r, 0, widths[0]!);
            return [type, field(r, widths[0]!, widths[1]!), field(r, widths[0]! + widths[1]!, widths[2]!)];
          }
          row += count;
        }
        return null;
      },
    };
  }

  /** The text of the indirect object at `offset`, up to its stream or end; null when none is there. */
  private objectText(offset: number, num?: number): string | null {
    return this.objectAt(offset, num)?.text ?? null;
  }

  private objectAt(offset: number, num?: number): { text: string; end: number } | null {
    if (offset >= this.text.length) return null;
    const head = /\s*(\d+)\s+(\d+)\s+obj\b/y;
    head.lastIndex = offset;
    const m = head.exec(this.text);
    if (!m || (num !== undefined && Number(m[1]) !== num)) return null;
    const window = this.text.slice(head.lastIndex, head.lastIndex + 64 * 1024);
    const end = window.search(/\bstream\b|\bendobj\b/);
    return end < 0 ? null : { text: window.slice(0, end), end: head.lastIndex + end };
  }

  /** The decoded bytes of the stream object at `offset` (FlateDecode or none), bounded. */
  private streamData(offset: number): Buffer | null {
    const object = this.objectAt(offset);
    if (!object || !this.text.startsWith('stream', object.end)) return null;
    const dict = object.text;
    let start = object.end + 6;
    if (this.text[start] === '\r') start++;
    if (this.text[start] === '\n') start++;
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const end = direct ? start + Number(direct[1]) : this.text.indexOf('endstream', start);
    if (end < start || end > this.data.length) return null;
    const raw = this.data.subarray(start, end);
    const filter = /\/Filter\s*(\[\s*)?\/(\w+)/.exec(dict)?.[2];
    if (!filter) return raw;
    if (filter !== 'FlateDecode') return null;
    return inflateSync(raw, { maxOutputLength: MAX_STREAM_BYTES, finishFlush: constants.Z_SYNC_FLUSH });
  }
}

const skipSpace = (text: string, from: number) => {
  let p = from;
  while (p < text.length && /\s/.test(text[p]!)) p++;
  return p;
};

const integer = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
};

const ref = (dict: string, key: string): Ref | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  return m ? { num: Number(m[1]), gen: Number(m[2]) } : null;
};

/** Undoes the PNG row predictors (/Predictor 10-15) that cross-reference streams usually use. */
function unpredict(data: Buffer, dict: string, columnsDefault: number): Buffer | null {
  const predictor = integer(dict, 'Predictor') ?? 1;
  if (predictor < 10) return predictor === 1 ? data : null;
  const columns = integer(dict, 'Columns') ?? columnsDefault;
  const stride = columns + 1;
  const rows = Math.floor(data.length / stride);
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * stride]!;
    for (let c = 0; c < columns; c++) {
      const x = data[r * stride + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let value: number;
      if (type === 0) value = x;
      else if (type === 1) value = x + left;
      else if (type === 2) value = x + up;
      else if (type === 3) value = x + Math.floor((left + up) / 2);
      else if (type === 4) value = x + paeth(left, up, upLeft);
      else return null;
      out[r * columns + c] = value & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
