-- Ready to distribute by agency on Citus (docs/distribution.md, server/src/db/distribution.ts).
-- Every distributed table's primary key and unique constraints carry agency_id, and its foreign
-- keys to another distributed table are (agency_id, x_id) -> (agency_id, id). Foreign keys to the
-- shared (reference) tables stay as they were.

-- The dossier's key is (agency_id, id). Other migrations refer to it by this index's name; it is
-- made here only if none of them made it, and becomes the primary key.
CREATE UNIQUE INDEX IF NOT EXISTS dossier_agency_key ON dossier (agency_id, id);

-- Foreign keys on dossier (id) alone, whichever table holds them, become (agency_id, dossier_id):
-- every such table carries agency_id.
DO $$
DECLARE
  fk record;
BEGIN
  FOR fk IN
    SELECT c.conname, c.conrelid::regclass AS tab, a.attname AS col
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = 'dossier'::regclass AND array_length(c.conkey, 1) = 1
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tab, fk.conname);
    EXECUTE format(
      'ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (agency_id, %I) REFERENCES dossier (agency_id, id)',
      fk.tab, fk.conname, fk.col);
  END LOOP;
END $$;

ALTER TABLE dossier DROP CONSTRAINT dossier_pkey;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'dossier'::regclass AND contype = 'p') THEN
    ALTER TABLE dossier ADD CONSTRAINT dossier_agency_key PRIMARY KEY USING INDEX dossier_agency_key;
  END IF;
END $$;
-- A code is unique within its agency; dossier_directory keeps it unique nationally.
ALTER TABLE dossier DROP CONSTRAINT dossier_code_key;
ALTER TABLE dossier ADD CONSTRAINT dossier_code_key UNIQUE (agency_id, code);

ALTER TABLE dossier_event DROP CONSTRAINT dossier_event_pkey;
ALTER TABLE dossier_event ADD PRIMARY KEY (agency_id, id);
ALTER TABLE dossier_event DROP CONSTRAINT dossier_event_dossier_id_dossier_seq_key;
ALTER TABLE dossier_event ADD CONSTRAINT dossier_event_dossier_seq_key UNIQUE (agency_id, dossier_id, dossier_seq);

ALTER TABLE dossier_handover DROP CONSTRAINT dossier_handover_pkey;
ALTER TABLE dossier_handover ADD PRIMARY KEY (agency_id, id);
ALTER TABLE dossier_handover DROP CONSTRAINT dossier_handover_dossier_id_seq_key;
ALTER TABLE dossier_handover ADD CONSTRAINT dossier_handover_seq_key UNIQUE (agency_id, dossier_id, seq);

ALTER TABLE dossier_document DROP CONSTRAINT dossier_document_pkey;
ALTER TABLE dossier_document ADD PRIMARY KEY (agency_id, id);

ALTER TABLE dossier_counted DROP CONSTRAINT dossier_counted_pkey;
ALTER TABLE dossier_counted ADD PRIMARY KEY (agency_id, dossier_id);

ALTER TABLE dossier_access_log DROP CONSTRAINT dossier_access_log_pkey;
ALTER TABLE dossier_access_log ADD PRIMARY KEY (agency_id, id);

-- audit_checkpoint comes from 0005; the test of that upgrade applies 0005 after every other
-- migration, to a database that has none yet.
DO $$
BEGIN
  IF to_regclass('audit_checkpoint') IS NOT NULL THEN
    ALTER TABLE audit_checkpoint DROP CONSTRAINT audit_checkpoint_pkey;
    ALTER TABLE audit_checkpoint ADD PRIMARY KEY (agency_id, id);
  END IF;
END $$;

-- Outbox rows and administrative audit entries of no agency (a citizen's sign-in code, a change
-- at province level) are kept under the nil agency, the shard key of rows that belong to none.
ALTER TABLE outbox DROP CONSTRAINT outbox_agency_id_fkey;
UPDATE outbox SET agency_id = '00000000-0000-0000-0000-000000000000' WHERE agency_id IS NULL;
ALTER TABLE outbox ALTER COLUMN agency_id SET DEFAULT '00000000-0000-0000-0000-000000000000';
ALTER TABLE outbox DROP CONSTRAINT outbox_pkey;
ALTER TABLE outbox ADD PRIMARY KEY (agency_id, id);
ALTER TABLE outbox DROP CONSTRAINT outbox_dedupe_key_key;
ALTER TABLE outbox ADD CONSTRAINT outbox_dedupe_key UNIQUE (agency_id, dedupe_key);

ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_agency_id_fkey;
UPDATE admin_audit SET agency_id = '00000000-0000-0000-0000-000000000000' WHERE agency_id IS NULL;
ALTER TABLE admin_audit ALTER COLUMN agency_id SET DEFAULT '00000000-0000-0000-0000-000000000000';
ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_pkey;
ALTER TABLE admin_audit ADD PRIMARY KEY (agency_id, id);

-- Surveys: the answers about a returned dossier live with the dossier.
ALTER TABLE survey_link DROP CONSTRAINT survey_link_response_id_fkey;
ALTER TABLE survey_score DROP CONSTRAINT survey_score_response_id_fkey;
ALTER TABLE survey_response DROP CONSTRAINT survey_response_pkey;
ALTER TABLE survey_response ADD PRIMARY KEY (agency_id, id);
ALTER TABLE survey_response DROP CONSTRAINT survey_response_dossier_id_key;
ALTER TABLE survey_response ADD CONSTRAINT survey_response_dossier_key UNIQUE (agency_id, dossier_id);
ALTER TABLE survey_link DROP CONSTRAINT survey_link_pkey;
ALTER TABLE survey_link ADD PRIMARY KEY (agency_id, dossier_id);
ALTER TABLE survey_link DROP CONSTRAINT survey_link_token_key;
ALTER TABLE survey_link ADD CONSTRAINT survey_link_token_key UNIQUE (agency_id, token);
ALTER TABLE survey_link ADD CONSTRAINT survey_link_response_id_fkey
  FOREIGN KEY (agency_id, response_id) REFERENCES survey_response (agency_id, id);
ALTER TABLE survey_score DROP CONSTRAINT survey_score_pkey;
ALTER TABLE survey_score ADD PRIMARY KEY (agency_id, response_id, question_id);
ALTER TABLE survey_score ADD CONSTRAINT survey_score_response_id_fkey
  FOREIGN KEY (agency_id, response_id) REFERENCES survey_response (agency_id, id);

-- Which agency a dossier belongs to, from what a request brings without it: the dossier's id (the
-- routes /dossiers/{id}), its code (the public lookup) or its survey link's token, and the unit
-- that received it (the service centre's queue, across agencies). A reference table: written in
-- the transaction that creates the dossier, assigns its code or issues its link.
CREATE TABLE dossier_directory (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  receiving_unit_id uuid NOT NULL REFERENCES org_unit (id),
  code text UNIQUE,
  survey_token text UNIQUE
);
CREATE INDEX dossier_directory_receiving ON dossier_directory (receiving_unit_id, agency_id);
INSERT INTO dossier_directory (id, agency_id, receiving_unit_id, code, survey_token)
  SELECT d.id, d.agency_id, d.receiving_unit_id, d.code, l.token
    FROM dossier d LEFT JOIN survey_link l ON l.agency_id = d.agency_id AND l.dossier_id = d.id;
