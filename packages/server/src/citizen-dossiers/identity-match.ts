import { identityNumberHmac } from '../citizen-auth/identity-number.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import type { DossierRecord } from '../dossiers/store.ts';
import { agencyIds, dossiersWithoutHmac, setApplicantIdHmac } from './store.ts';

/**
 * The match of counter dossiers to citizens: each dossier keeps a keyed HMAC of its applicant's
 * normalised identity number (migration 0033), never the number for matching.
 */

/** Writes the HMAC of a dossier's applicant identity number (called wherever the applicant is written). */
export async function fillApplicantIdHmac(ctx: AppContext, db: Queryable, d: DossierRecord): Promise<void> {
  const id = d.applicant.idNumber;
  await setApplicantIdHmac(
    db,
    d.agencyId,
    d.id,
    id ? await identityNumberHmac(ctx.config.citizenIdKeyFile, id) : null,
  );
}

/** Backfills the HMAC of dossiers written before migration 0033, agency by agency. Returns how many. */
export async function backfillApplicantIdHmac(ctx: AppContext): Promise<number> {
  let written = 0;
  for (const agencyId of await agencyIds(ctx.db)) {
    for (;;) {
      const rows = await dossiersWithoutHmac(ctx.db, agencyId);
      if (rows.length === 0) break;
      for (const r of rows) {
        await setApplicantIdHmac(
          ctx.db,
          agencyId,
          r.id,
          await identityNumberHmac(ctx.config.citizenIdKeyFile, r.id_number),
        );
        written++;
      }
    }
  }
  return written;
}
