import type { Queryable } from '../db/database.ts';

/**
 * The next number of a receiving unit's daily sequence. Runs in the receipt's transaction: the
 * upsert locks the (unit, day) row until commit, so concurrent receipts queue for it and get
 * consecutive numbers; a receipt that rolls back returns its number.
 */
export async function nextSequenceNumber(tx: Queryable, unitCode: string, day: string): Promise<number> {
  const [row] = await tx.query<{ last_number: number }>(
    `INSERT INTO dossier_sequence (unit_code, day, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (unit_code, day) DO UPDATE SET last_number = dossier_sequence.last_number + 1
     RETURNING last_number`,
    [unitCode, day],
  );
  return row!.last_number;
}
