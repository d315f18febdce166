import type { BusinessRepresentation, CitizenBusiness } from '@motcua/core';
import type { Queryable } from '../db/database.ts';

/** The businesses a portal account represents (migration 0034), the provider's first. */
export async function businessesOf(db: Queryable, citizenId: string): Promise<CitizenBusiness[]> {
  const rows = await db.query<{ tax_code: string; name: string; representation: BusinessRepresentation }>(
    `SELECT tax_code, name, representation FROM citizen_business WHERE citizen_id = $1
      ORDER BY representation DESC, created_at, tax_code`,
    [citizenId],
  );
  return rows.map((r) => ({ taxCode: r.tax_code, name: r.name, representation: r.representation }));
}

/**
 * What the provider says at this sign-in replaces what it said before: a business it no longer
 * names is no longer the provider's (a declaration of the same code by the person is kept).
 */
export async function replaceProviderBusinesses(
  db: Queryable,
  citizenId: string,
  businesses: { taxCode: string; name: string }[],
  now: Date,
): Promise<void> {
  await db.query(
    `DELETE FROM citizen_business WHERE citizen_id = $1 AND representation = 'provider'
        AND NOT (tax_code = ANY($2::text[]))`,
    [citizenId, businesses.map((b) => b.taxCode)],
  );
  for (const b of businesses) {
    await db.query(
      `INSERT INTO citizen_business (citizen_id, tax_code, name, representation, created_at)
       VALUES ($1, $2, $3, 'provider', $4)
       ON CONFLICT (citizen_id, tax_code) DO UPDATE SET name = EXCLUDED.name, representation = 'provider'`,
      [citizenId, b.taxCode, b.name, now],
    );
  }
}

/** A declaration by the person; a business the provider already names stays the provider's. */
export async function declareBusiness(
  db: Queryable,
  citizenId: string,
  b: { taxCode: string; name: string },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO citizen_business (citizen_id, tax_code, name, representation, created_at)
     VALUES ($1, $2, $3, 'declared', $4)
     ON CONFLICT (citizen_id, tax_code) DO UPDATE SET
       name = CASE WHEN citizen_business.representation = 'declared' THEN EXCLUDED.name ELSE citizen_business.name END`,
    [citizenId, b.taxCode, b.name, now],
  );
}

export async function setSessionActing(
  db: Queryable,
  tokenHash: string,
  taxCode: string | null,
): Promise<void> {
  await db.query('UPDATE citizen_session SET acting_tax_code = $2 WHERE token_hash = $1', [
    tokenHash,
    taxCode,
  ]);
}
