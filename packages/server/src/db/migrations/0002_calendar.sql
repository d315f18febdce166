-- The working-day calendar's data (DOMAIN.md §4): per-agency working hours, and the days the
-- Government or the agency announces each year (extra days off, make-up working days).
-- agency_id NULL holds the national announcements every agency inherits.

CREATE TABLE calendar_setting (
  agency_id uuid PRIMARY KEY REFERENCES org_unit (id),
  weekly_days_off text[] NOT NULL,
  working_periods jsonb NOT NULL,
  afternoon_cutoff text NOT NULL,
  -- Working days an applicant has to bring a requested supplement before the dossier is closed.
  supplement_limit_days integer NOT NULL DEFAULT 15,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);

CREATE TABLE calendar_override (
  id uuid PRIMARY KEY,
  agency_id uuid REFERENCES org_unit (id),
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('off', 'working')),
  name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);
CREATE UNIQUE INDEX calendar_override_day ON calendar_override (COALESCE(agency_id, '00000000-0000-0000-0000-000000000000'::uuid), date);

-- Bumped on every change, so processes can keep computed calendars until it moves.
CREATE TABLE calendar_revision (
  id integer PRIMARY KEY CHECK (id = 1),
  revision bigint NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (1, 1);
