import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Queryable } from '../db/database.ts';
import { Problem } from '../http/problem.ts';
import { uploadTooLarge } from './read-upload.ts';
import { ACCEPTED_MEDIA_TYPES, type AcceptedMediaType, checkContent, lyingExtension } from './sniff.ts';

/**
 * Content-addressed file store on the local disk: a file lives at files/ab/cd/<sha256>, so the
 * same scan uploaded twice is stored once, and a stored file can never change under its name.
 */
export class FileStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Writes the bytes durably (temporary file, fsync, rename) and returns their hash. */
  async put(data: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const target = this.pathOf(sha256);
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      return sha256;
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.part`;
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    return sha256;
  }

  get(sha256: string): Promise<Buffer> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Problem(404, 'not_found');
    return readFile(this.pathOf(sha256));
  }
}

export interface AcceptedFile {
  sha256: string;
  mediaType: AcceptedMediaType;
  size: number;
}

/**
 * Checks an upload by its whole content and size, stores it, and records it in `stored_file`. With
 * `filename` (a citizen's upload), a name whose ending claims another accepted kind than the content
 * is refused too: the officer would open "don.pdf" and find a photo.
 */
export async function acceptUpload(
  store: FileStore,
  tx: Queryable,
  data: Uint8Array,
  maxBytes: number,
  now: Date,
  options: { filename?: string } = {},
): Promise<AcceptedFile> {
  if (data.byteLength === 0) throw new Problem(422, 'upload_empty');
  if (data.byteLength > maxBytes) throw uploadTooLarge(maxBytes);
  const verdict = await checkContent(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  if (!verdict.ok) {
    if (verdict.fault === 'refused' || !verdict.mediaType) throw new Problem(415, 'upload_type_refused');
    const type = ACCEPTED_MEDIA_TYPES[verdict.mediaType];
    throw new Problem(422, verdict.fault === 'bomb' ? 'upload_unpacks_too_large' : 'upload_damaged', {
      type,
    });
  }
  const mediaType = verdict.mediaType;
  const lie = options.filename ? lyingExtension(options.filename, mediaType) : null;
  if (lie)
    throw new Problem(422, 'upload_extension_mismatch', {
      ext: lie,
      type: ACCEPTED_MEDIA_TYPES[mediaType],
    });
  const sha256 = await store.put(data);
  await tx.query(
    'INSERT INTO stored_file (sha256, size, media_type, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING',
    [sha256, data.byteLength, mediaType, now],
  );
  return { sha256, mediaType, size: data.byteLength };
}
