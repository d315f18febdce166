-- The history import asks, for each file, which of its dossiers an earlier import already made, by
-- their previous code or their source digest. These partial indexes answer from the file's own
-- entries, instead of reading every imported marker of the agency for every file (an agency that
-- brings millions of dossiers in many files, or the bench, would otherwise read them all each time).
CREATE INDEX dossier_event_imported_code
  ON dossier_event (agency_id, (payload->>'previousCode')) WHERE action = 'imported';
CREATE INDEX dossier_event_imported_digest
  ON dossier_event (agency_id, (payload->>'sourceDigest')) WHERE action = 'imported';
