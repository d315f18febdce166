import { crc32, createInflateRaw } from 'node:zlib';

/**
 * A bounded reader of ZIP archives (DOCX and XLSX are ZIPs). Nothing is inflated before the
 * central directory has been checked, and nothing is ever inflated past the size an entry
 * declares, so a small archive that unpacks to gigabytes (a "ZIP bomb") costs at most the limit
 * the caller sets, never the memory it would unpack to.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

export type ZipFault =
  /** Not a ZIP archive, or one whose structure does not hold together. */
  | 'damaged'
  /** Unpacks to more than the caller allows, or far more than its own size suggests. */
  | 'too_large';

export class ZipError extends Error {
  constructor(readonly fault: ZipFault) {
    super(`zip ${fault}`);
    this.name = 'ZipError';
  }
}

export interface ZipLimits {
  /** The most all entries together may unpack to. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /**
   * The most the archive may unpack to per byte of its own size, beyond the first MiB: text
   * compresses about 10:1, while bombs reach 1000:1 and more.
   */
  maxRatio: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of an archive, from its central directory, checked for overlap and declared size. */
export function listZip(data: Buffer, limits: ZipLimits): ZipEntry[] {
  const damaged = () => new ZipError('damaged');
  if (data.length < 22 || data.readUInt32LE(0) !== LOCAL) throw damaged();
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = data.readUInt16LE(eocd + 10);
  const cdSize = data.readUInt32LE(eocd + 12);
  const cdOffset = data.readUInt32LE(eocd + 16);
  // Multi-disk and ZIP64 archives are not what an office program writes for a file this size.
  if (data.readUInt16LE(eocd + 4) !== 0 || data.readUInt16LE(eocd + 6) !== 0) throw damaged();
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) throw damaged();
  if (count > limits.maxEntries) throw new ZipError('too_large');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let declared = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || data.readUInt32LE(p) !== CENTRAL) throw damaged();
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const crc = data.readUInt32LE(p + 16);
    const compressedSize = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const localOffset = data.readUInt32LE(p + 42);
    const name = data.subarray(p + 46, p + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
    p += 46 + nameLength + extraLength + commentLength;
    if (p > eocd) throw damaged();
    // Encrypted entries, and methods other than stored and deflate, cannot be checked.
    if (flags & 0x1 || (method !== 0 && method !== 8)) throw damaged();
    if (method === 0 && size !== compressedSize) throw damaged();
    if (names.has(name)) throw damaged();
    names.add(name);
    if (localOffset + 30 > cdOffset || data.readUInt32LE(localOffset) !== LOCAL) throw damaged();
    const dataOffset =
      localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) throw damaged();
    declared += size;
    entries.push({ name, method, crc, compressedSize, size, dataOffset });
  }
  if (declared > limits.maxUnpackedBytes) throw new ZipError('too_large');
  if (declared > 1024 * 1024 + limits.maxRatio * data.length) throw new ZipError('too_large');
  // Entries that share bytes are how the smallest bombs multiply themselves.
  const sorted = [...entries].sort((a, b) => a.dataOffset - b.dataOffset);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    if (sorted[i]!.dataOffset < before.dataOffset + before.compressedSize) throw damaged();
  }
  return entries;
}

/**
 * Unpacks one entry, refusing to produce a byte more than it declares, and checks its CRC.
 * With `keep` false only the size and checksum are computed and memory stays at one chunk.
 */
export function unpackEntry(data: Buffer, entry: ZipEntry, keep: boolean): Promise<Buffer | null> {
  const packed = data.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (crc32(packed) !== entry.crc) return Promise.reject(new ZipError('damaged'));
    return Promise.resolve(keep ? packed : null);
  }
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    const parts: Buffer[] = [];
    let size = 0;
    let crc = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > entry.size) {
        // More than declared: a lie that only a bomb tells.
        inflate.destroy();
        reject(new ZipError('too_large'));
        return;
      }
      crc = crc32(chunk, crc);
      if (keep) parts.push(chunk);
    });
    inflate.on('error', () => reject(new ZipError('damaged')));
    inflate.on('end', () => {
      if (size !== entry.size || crc !== entry.crc) reject(new ZipError('damaged'));
      else resolve(keep ? Buffer.concat(parts, size) : null);
    });
    inflate.end(packed);
  });
}

/**
 * Checks a whole archive within limits: its directory, then every entry unpacked against its
 * declared size and CRC. Returns the entries, with the contents of those named in `read`.
 */
export async function checkZip(
  data: Buffer,
  limits: ZipLimits,
  read: readonly string[] = [],
): Promise<{ entries: ZipEntry[]; contents: Map<string, Buffer> }> {
  const entries = listZip(data, limits);
  const contents = new Map<string, Buffer>();
  for (const entry of entries) {
    const keep = read.includes(entry.name);
    const unpacked = await unpackEntry(data, entry, keep);
    if (keep && unpacked) contents.set(entry.name, unpacked);
  }
  return { entries, contents };
}
