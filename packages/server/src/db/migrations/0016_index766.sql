-- Targets and points of the Decision 766 index (DOMAIN.md §7) that an administrator sets for a
-- year: nationally (agency_id NULL) or for one agency. An indicator without a row keeps the default
-- of the table in core (packages/core/src/index766/indicators.ts); a NULL column keeps the level below.

CREATE TABLE index766_target (
  agency_id uuid REFERENCES org_unit (id),
  year integer NOT NULL,
  code text NOT NULL,
  target numeric CHECK (target > 0 AND target <= 100),
  points numeric CHECK (points >= 0 AND points <= 100),
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX index766_target_agency ON index766_target (agency_id, year, code) WHERE agency_id IS NOT NULL;
CREATE UNIQUE INDEX index766_target_national ON index766_target (year, code) WHERE agency_id IS NULL;
