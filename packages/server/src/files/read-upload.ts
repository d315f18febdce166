import type { MultipartFile } from '@fastify/multipart';
import { Problem } from '../http/problem.ts';

export function uploadTooLarge(maxBytes: number): Problem {
  return new Problem(
    413,
    'upload_too_large',
    { mb: Math.round(maxBytes / 1024 / 1024) },
    undefined,
    undefined,
    {
      maxBytes,
    },
  );
}

/**
 * Reads an uploaded file into memory, at most `maxBytes` of it. Above the limit the parser cuts the
 * file short and marks it `truncated`, sometimes without raising an error (when the limit falls on
 * a network chunk boundary); both are checked once the stream has ended, so a file that was cut is
 * never taken for a whole one. The rest of the body is still drained, so the client reads the 413.
 */
export async function readUpload(file: MultipartFile, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  try {
    for await (const chunk of file.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) over = true;
      else chunks.push(chunk);
    }
  } catch (err) {
    if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    over = true;
  }
  if (over || file.file.truncated) throw uploadTooLarge(maxBytes);
  return Buffer.concat(chunks, size);
}
