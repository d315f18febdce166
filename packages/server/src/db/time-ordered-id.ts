import { randomBytes } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows that are
 * written together get neighbouring keys, so an insert lands on the right-hand pages of the
 * primary key's B-tree instead of a random page of it. At a million dossiers and eight million
 * events a random (version 4) key makes every insert read and dirty a page of each index that is
 * rarely still in memory.
 *
 * The id shows when the row was made, which is not a secret for the rows that use it (a dossier's
 * reception time, an event's time, a handover's time are all shown on the dossier). Ids that are
 * handed to the public as capabilities (survey links, document verification) stay random.
 *
 * Within one millisecond, the 12 bits after the version are a counter (RFC 9562 §6.2, method 1),
 * so ids made by this process sort in the order they were made.
 */
let lastMs = 0;
let counter = 0;

export function timeOrderedId(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      // 4 096 ids in one millisecond: borrow the next millisecond rather than repeat an order.
      lastMs++;
      counter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
