import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import * as store from './store.ts';

/** A token nobody can guess: 18 random bytes, 24 characters in base64url. */
export const newToken = () => randomBytes(18).toString('base64url');

/** Where a citizen answers by link, relative to the site. */
export const surveyLinkPath = (token: string) => `/khao-sat/${token}`;

/**
 * Gives a returned dossier its survey link (once; a second return of the same dossier keeps the
 * first link). Called in the transaction of `return_result`, so the link exists exactly when the
 * dossier is returned. Answers the token.
 */
export async function issueSurveyLink(
  db: Queryable,
  dossier: { id: string; agencyId: string; receivingUnitId: string },
  now: Date,
): Promise<string> {
  await store.insertLink(db, {
    dossierId: dossier.id,
    agencyId: dossier.agencyId,
    unitId: dossier.receivingUnitId,
    token: newToken(),
    now,
  });
  return (await store.findLink(db, { agencyId: dossier.agencyId, dossierId: dossier.id }))!.token;
}
