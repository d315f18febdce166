-- Periodic reform reports (báo cáo định kỳ CCHC: quý, 6 tháng, năm), one per agency, year and
-- period. Their content is kept as versions, append-only: each save, refresh or restore writes a
-- new version with its author and time; no version is ever changed.

CREATE TABLE reform_report (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  year integer NOT NULL,
  period text NOT NULL CHECK (period IN ('q1', 'q2', 'q3', 'q4', 'h1', 'year')),
  -- The latest version's number; the row is locked while a new version is written.
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  UNIQUE (agency_id, year, period)
);

CREATE TABLE reform_report_version (
  report_id uuid NOT NULL REFERENCES reform_report (id),
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('drafted', 'edited', 'refreshed', 'restored')),
  restored_from integer,
  content jsonb NOT NULL,
  author_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (report_id, version)
);
