-- Where an agency's online submissions are received (Bộ phận Một cửa receiving online dossiers).
-- Null: the agency itself receives them.
ALTER TABLE org_unit ADD COLUMN online_receiving_unit_id uuid REFERENCES org_unit (id);

-- The unit of the administrator who created an account: a role-less account belongs to it.
-- Null (accounts created before this column, or by the demo seed): the top of the tree.
ALTER TABLE app_user ADD COLUMN created_by_unit_id uuid REFERENCES org_unit (id);

-- Every read of a dossier's applicant data by staff: who, when, which dossier, what was read.
-- Append-only: rows are never changed or removed.
CREATE TABLE dossier_access_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  -- The capacity the reader had: their roles on the dossier, or 'read_grant' (inspector).
  access text NOT NULL,
  what text NOT NULL CHECK (what IN ('detail', 'form', 'document')),
  -- The form code or the document id; null for the dossier page.
  item text
);
CREATE INDEX dossier_access_log_dossier ON dossier_access_log (dossier_id, at);
CREATE INDEX dossier_access_log_agency ON dossier_access_log (agency_id, at);

CREATE FUNCTION dossier_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_access_log is append-only';
END;
$$;
CREATE TRIGGER dossier_access_log_no_change BEFORE UPDATE OR DELETE ON dossier_access_log
  FOR EACH ROW EXECUTE FUNCTION dossier_access_log_append_only();
