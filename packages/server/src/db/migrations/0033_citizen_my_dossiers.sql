-- My dossiers (hồ sơ của tôi): a counter dossier is the citizen's when its applicant's identity
-- number is the one their electronic identity verified. The number is never compared in plain: the
-- dossier keeps a keyed HMAC of the normalised number (key outside the database), written with the
-- applicant and backfilled at start (server/src/citizen-dossiers/identity-match.ts).
ALTER TABLE dossier ADD COLUMN applicant_id_hmac text;
CREATE INDEX dossier_applicant_id_hmac ON dossier (agency_id, applicant_id_hmac)
  WHERE applicant_id_hmac IS NOT NULL;
-- The same HMAC of the citizen's verified number, written with it at sign-in: the applicant of a
-- matched counter dossier is told of its changes without the dossier being rewritten.
ALTER TABLE citizen_account ADD COLUMN identity_id_hmac text;
CREATE INDEX citizen_account_identity_id_hmac ON citizen_account (identity_id_hmac)
  WHERE identity_id_hmac IS NOT NULL;
