import { crc32 } from 'node:zlib';

/**
 * Header checks for scans: an image must carry a header that a viewer can decode (its size and
 * pixel format), not just the first bytes of one.
 */

/** A PNG: signature, an IHDR with a size and a valid bit depth/colour type, data and an end, every CRC right. */
export function isWellFormedPng(data: Buffer): boolean {
  let p = 8;
  let chunks = 0;
  let idat = false;
  while (p + 12 <= data.length) {
    const length = data.readUInt32BE(p);
    const type = data.toString('latin1', p + 4, p + 8);
    if (length > data.length - p - 12) return false;
    if (crc32(data.subarray(p + 4, p + 8 + length)) !== data.readUInt32BE(p + 8 + length)) return false;
    if (chunks === 0 && (type !== 'IHDR' || length !== 13 || !validIhdr(data.subarray(p + 8, p + 21))))
      return false;
    if (type === 'IDAT') idat = true;
    if (type === 'IEND') return idat;
    chunks++;
    p += 12 + length;
  }
  return false;
}

const PNG_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function validIhdr(h: Buffer): boolean {
  const width = h.readUInt32BE(0);
  const height = h.readUInt32BE(4);
  const [depth, colour, compression, filter, interlace] = [h[8]!, h[9]!, h[10]!, h[11]!, h[12]!];
  return (
    width > 0 &&
    height > 0 &&
    width <= 0x7fffffff &&
    height <= 0x7fffffff &&
    (PNG_DEPTHS[colour]?.includes(depth) ?? false) &&
    compression === 0 &&
    filter === 0 &&
    interlace <= 1
  );
}

/** A JPEG: its marker segments hold together up to a frame header with a size and a scan. */
export function isWellFormedJpeg(data: Buffer): boolean {
  let p = 2;
  let frame = false;
  while (p + 4 <= data.length) {
    if (data[p] !== 0xff) return false;
    const marker = data[p + 1]!;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0x00) return false;
    const length = data.readUInt16BE(p + 2);
    if (length < 2 || p + 2 + length > data.length) return false;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 8) return false;
      const precision = data[p + 4]!;
      const height = data.readUInt16BE(p + 5);
      const width = data.readUInt16BE(p + 7);
      const components = data[p + 9]!;
      if (![8, 12, 16].includes(precision) || width === 0 || height === 0) return false;
      if (components < 1 || components > 4 || length !== 8 + 3 * components) return false;
      frame = true;
    }
    // Start of scan: the compressed image follows; the header has been read.
    if (marker === 0xda) return frame && p + 2 + length < data.length;
    p += 2 + length;
  }
  return false;
}

/** A TIFF: the first directory lies inside the file and gives a width, a height and where the pixels are. */
export function isWellFormedTiff(data: Buffer): boolean {
  if (data.length < 8) return false;
  const le = data[0] === 0x49;
  const u16 = (at: number) => (le ? data.readUInt16LE(at) : data.readUInt16BE(at));
  const u32 = (at: number) => (le ? data.readUInt32LE(at) : data.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > data.length) return false;
  const count = u16(ifd);
  if (count === 0 || count > 4096 || ifd + 2 + count * 12 + 4 > data.length) return false;
  const tags = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const type = u16(at + 2);
    if (type < 1 || type > 18) return false;
    // Width and height are a SHORT or LONG held in the entry itself.
    const value = type === 3 ? u16(at + 8) : u32(at + 8);
    tags.set(u16(at), value);
  }
  return (tags.get(256) ?? 0) > 0 && (tags.get(257) ?? 0) > 0 && (tags.has(273) || tags.has(324));
}
