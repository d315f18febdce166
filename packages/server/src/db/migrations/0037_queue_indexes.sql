-- The officer's queue (dossiers/list.ts) reads a unit's dossiers as three branches: of the unit's
-- agency, received by the unit, held by the unit. Each branch has its own index, ordered as the
-- queue sorts (due date, then receipt), and covering what the queue filters on, so a page and its
-- total are read from the indexes alone and only the page's rows are fetched from the table.
-- IF NOT EXISTS: on a large table, build them first with CREATE INDEX CONCURRENTLY (same names).
CREATE INDEX IF NOT EXISTS dossier_queue_agency ON dossier (agency_id, state, due_at, created_at, id)
  INCLUDE (receiving_unit_id, current_unit_id, received_at, ended_at);
CREATE INDEX IF NOT EXISTS dossier_queue_receiving ON dossier (agency_id, receiving_unit_id, state, due_at, created_at, id)
  INCLUDE (current_unit_id, received_at, ended_at);
CREATE INDEX IF NOT EXISTS dossier_queue_holding ON dossier (agency_id, current_unit_id, state, due_at, created_at, id)
  INCLUDE (receiving_unit_id, received_at, ended_at);
-- The first queue index (0003), which the agency branch's index replaces.
DROP INDEX IF EXISTS dossier_queue;
