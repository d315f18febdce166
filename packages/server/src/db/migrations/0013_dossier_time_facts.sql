-- The facts about time that the queues filter on, computed by core (read-model.ts) and written with
-- every change of a dossier, so that SQL filters equal `classify` by construction:
--   overdue_from: the instant from which the open dossier counts as overdue (NULL: ended, not
--                 received, or it cannot become overdue without a new event);
--   at_risk_from: the instant from which it is due within one working day (at risk while not yet
--                 overdue; NULL while it waits for the applicant or cannot be at risk).
-- SQL cannot compute them for the rows already there: they are marked stale, and the server
-- computes them from the application at start (and again for open dossiers whenever a calendar
-- changes).
ALTER TABLE dossier
  ADD COLUMN overdue_from timestamptz,
  ADD COLUMN at_risk_from timestamptz,
  ADD COLUMN time_facts_stale boolean NOT NULL DEFAULT true;

CREATE INDEX dossier_overdue_from ON dossier (overdue_from) WHERE overdue_from IS NOT NULL;
CREATE INDEX dossier_at_risk_from ON dossier (at_risk_from) WHERE at_risk_from IS NOT NULL;
CREATE INDEX dossier_time_facts_stale ON dossier (id) WHERE time_facts_stale;
