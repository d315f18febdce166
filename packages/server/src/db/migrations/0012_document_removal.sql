-- A document removed from a dossier is only marked: the row and the stored file stay, and the
-- removal is a `document_removed` event in the dossier's chained history.
ALTER TABLE dossier_document
  ADD COLUMN removed_at timestamptz,
  ADD COLUMN removed_by uuid REFERENCES app_user (id);
