-- When the deadline sweep last looked at a dossier, so that concurrent sweeps share the work
-- (FOR UPDATE SKIP LOCKED) and each pass looks at every open dossier once.
ALTER TABLE dossier ADD COLUMN swept_at timestamptz;
CREATE INDEX dossier_sweep ON dossier (swept_at) WHERE ended_at IS NULL;
