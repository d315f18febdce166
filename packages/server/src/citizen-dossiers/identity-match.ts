import { decryptIdentityNumber, identityNumberHmac } from '../citizen-auth/identity-number.ts';
import type { AppContext } from '../context.ts';
import type { Applicant } from '../dossiers/applicant.ts';
import {
  agencyIds,
  citizensWithoutHmac,
  dossiersWithoutHmac,
  setApplicantIdHmac,
  setCitizenIdHmac,
} from './store.ts';

/**
 * The match of counter dossiers to citizens: each dossier keeps a keyed HMAC of its applicant's
 * normalised identity number (migration 0033), never the number for matching.
 */

/**
 * The HMAC of an applicant's identity number, or null when the applicant gave none: written in the
 * same INSERT as the dossier row (dossiers/store.ts insertDossier), so no dossier is ever left without it.
 */
export async function applicantIdHmacFor(ctx: AppContext, applicant: Applicant): Promise<string | null> {
  const id = applicant.idNumber;
  return id ? identityNumberHmac(ctx.config.citizenIdKeyFile, id) : null;
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
  // Citizens who signed in before it: their verified number's HMAC, for notifying the applicant.
  const keyFile = ctx.config.citizenIdKeyFile;
  for (;;) {
    const rows = await citizensWithoutHmac(ctx.db);
    if (rows.length === 0) break;
    for (const r of rows) {
      await setCitizenIdHmac(
        ctx.db,
        r.id,
        await identityNumberHmac(keyFile, await decryptIdentityNumber(keyFile, r.sealed)),
      );
      written++;
    }
  }
  return written;
}
