-- Businesses a portal account acts for as their representative (người đại diện), as on the national
-- portal: named by the identity provider's organisation claim ('provider'), or typed in by the person
-- ('declared', checked by nobody: they act for it only on the dossiers they submit themselves). A
-- business's tax code is public (it is on its registration); dossiers are matched to it by the keyed
-- HMAC of migration 0033 (dossier.applicant_id_hmac), never by the plain code.
CREATE TABLE citizen_business (
  citizen_id uuid NOT NULL REFERENCES citizen_account (id) ON DELETE CASCADE,
  -- The official form: 10 digits, or 10-3 for a branch (core parseTaxCode).
  tax_code text NOT NULL,
  name text NOT NULL,
  representation text NOT NULL CHECK (representation IN ('provider', 'declared')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (citizen_id, tax_code)
);

-- Whom the session acts as: null for the person themselves, else the tax code of a business of theirs.
ALTER TABLE citizen_session ADD COLUMN acting_tax_code text;
