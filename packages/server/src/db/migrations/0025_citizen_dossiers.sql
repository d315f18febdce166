-- Dossiers of citizens who use the portal: the citizen account that acts as a dossier's applicant
-- (it submitted the dossier online, or the dossier was matched to it), and notifications to
-- citizens, who are accounts of their own (citizen_account), not staff users.
CREATE UNIQUE INDEX IF NOT EXISTS dossier_agency_key ON dossier (agency_id, id);

ALTER TABLE dossier ADD COLUMN applicant_citizen_id uuid REFERENCES citizen_account (id);
CREATE INDEX dossier_applicant_citizen ON dossier (applicant_citizen_id, created_at DESC)
  WHERE applicant_citizen_id IS NOT NULL;

-- Citizens, like staff, are told in their language on the channels they chose; email by default.
ALTER TABLE citizen_account ADD COLUMN locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en'));
ALTER TABLE citizen_account ADD COLUMN notify_channels text[] NOT NULL DEFAULT '{email}';

-- An outbox row is for a staff user (recipient_id) or for a citizen (recipient_citizen_id), never both.
ALTER TABLE outbox ADD COLUMN recipient_citizen_id uuid REFERENCES citizen_account (id);
ALTER TABLE outbox ADD CONSTRAINT outbox_one_recipient
  CHECK (recipient_id IS NULL OR recipient_citizen_id IS NULL);
