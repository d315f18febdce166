-- Biểu số 06 from counters (docs/statistics.md). From this migration on, dossier_counter rows are
-- kept per receiving unit (unit_id, no longer the agency), and besides the event metrics
-- (received, resolved_early / _on_time / _late, ended_refused / _withdrawn / _stopped) hold the
-- day deltas of two states: `open` (+1 received, -1 ended) and `overdue` (+1 the day a dossier
-- becomes overdue, written ahead; -1 the day it stops being overdue or ends). The state at the end
-- of a day is the sum of the deltas up to it, so n may be negative on a row.
-- No backfill: dossiers written before this migration keep their older rows (the demo seed runs
-- through the engine and writes the new ones).

-- A report reads one agency's groups up to the period's last day.
CREATE INDEX dossier_counter_report ON dossier_counter (agency_id, day, metric);

-- What the state counters hold for each dossier from its last action on (the days it counts as
-- open and as overdue from), so the next action takes back exactly that, even if the agency's
-- reading of Decision 766 changed in between.
CREATE TABLE dossier_counted (
  dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  open_day date,
  overdue_day date
);
