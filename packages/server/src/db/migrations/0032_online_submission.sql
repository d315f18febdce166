-- Online submission (nộp trực tuyến): the e-form of a procedure, as catalogue data, and the
-- citizen's drafts kept on the server so they resume on another device.

-- One e-form per procedure; catalogue data, so a reference table like procedure.
CREATE TABLE procedure_eform (
  procedure_id uuid PRIMARY KEY REFERENCES procedure (id),
  form jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES app_user (id)
);

-- A citizen's draft of an online dossier, in the procedure's agency. `version` guards every save
-- (a stale one is refused); `dossier_id` is set once, by the submission, so a retry finds it.
CREATE TABLE online_draft (
  agency_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL REFERENCES citizen_account (id),
  procedure_id uuid NOT NULL REFERENCES procedure (id),
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The uploaded documents against the checklist: [{document, fileId}].
  documents jsonb NOT NULL DEFAULT '[]'::jsonb,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  dossier_id uuid,
  PRIMARY KEY (agency_id, id),
  FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
);
CREATE INDEX online_draft_citizen ON online_draft (agency_id, citizen_id, updated_at);
-- At most one open (unsubmitted) draft per citizen and procedure: starting again resumes it.
CREATE UNIQUE INDEX online_draft_open ON online_draft (agency_id, citizen_id, procedure_id) WHERE dossier_id IS NULL;
