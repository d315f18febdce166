-- The history import finds the dossiers a file already brought (by their code in the previous
-- system, or by the digest of their history) before it writes a batch, so that importing the same
-- file twice brings nothing twice. Without these indexes that look-up read every "imported" event
-- of the agency at each batch: a million-dossier import slowed as it went. One entry per imported
-- dossier; events of other actions are not indexed.
CREATE INDEX IF NOT EXISTS dossier_event_imported_previous_code
  ON dossier_event (agency_id, (payload->>'previousCode')) WHERE action = 'imported';
CREATE INDEX IF NOT EXISTS dossier_event_imported_source_digest
  ON dossier_event (agency_id, (payload->>'sourceDigest')) WHERE action = 'imported';
