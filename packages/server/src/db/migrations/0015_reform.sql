-- The reform office's work (công tác cải cách hành chính): annual plans with their targets (chỉ
-- tiêu), tasks (nhiệm vụ) assigned to units with progress reports, and inspections (kiểm tra CCHC)
-- whose findings become remediation tasks. Every row carries its agency.

CREATE TABLE reform_plan (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  year integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'issued')),
  title text NOT NULL,
  basis text NOT NULL DEFAULT '',
  purposes jsonb NOT NULL,
  requirements jsonb NOT NULL,
  -- The plan of a previous year this one was started from.
  copied_from uuid REFERENCES reform_plan (id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  issued_at timestamptz,
  UNIQUE (agency_id, year)
);

CREATE TABLE reform_target (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  plan_id uuid NOT NULL REFERENCES reform_plan (id),
  position integer NOT NULL,
  title text NOT NULL,
  measure text NOT NULL,
  comparator text NOT NULL CHECK (comparator IN ('at_least', 'at_most')),
  value numeric NOT NULL,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (plan_id, position)
);

-- A figure reported by hand for a month, with its evidence (tài liệu kiểm chứng) in the file store.
CREATE TABLE reform_target_report (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  target_id uuid NOT NULL REFERENCES reform_target (id),
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  value numeric NOT NULL,
  note text NOT NULL DEFAULT '',
  sha256 text REFERENCES stored_file (sha256),
  filename text,
  reported_by uuid REFERENCES app_user (id),
  reported_at timestamptz NOT NULL
);
CREATE INDEX reform_target_report_target ON reform_target_report (target_id, month, reported_at);

CREATE TABLE reform_inspection (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  plan_id uuid NOT NULL REFERENCES reform_plan (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  planned_on date NOT NULL,
  done_on date,
  conclusion text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  UNIQUE (plan_id, unit_id, planned_on)
);

CREATE TABLE reform_task (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  plan_id uuid NOT NULL REFERENCES reform_plan (id),
  area text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  assignee_id uuid REFERENCES app_user (id),
  deadline date NOT NULL,
  -- The deadline in force on the agency's calendar (core effectiveDeadline): "behind" filters on it.
  due_on date NOT NULL,
  source text NOT NULL CHECK (source IN ('plan', 'province', 'inspection')),
  source_number text,
  source_date date,
  inspection_id uuid REFERENCES reform_inspection (id),
  state text NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  done_at timestamptz,
  done_on_time boolean,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (source <> 'province' OR (source_number IS NOT NULL AND source_date IS NOT NULL))
);
CREATE INDEX reform_task_plan ON reform_task (agency_id, plan_id, unit_id);
CREATE INDEX reform_task_open ON reform_task (due_on) WHERE state = 'open';

CREATE TABLE reform_task_report (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  task_id uuid NOT NULL REFERENCES reform_task (id),
  at timestamptz NOT NULL,
  reported_by uuid REFERENCES app_user (id),
  progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
  note text NOT NULL,
  sha256 text REFERENCES stored_file (sha256),
  filename text
);
CREATE INDEX reform_task_report_task ON reform_task_report (task_id, at);

-- What an inspection found; each finding is remedied by a task that follows the task flow.
CREATE TABLE reform_finding (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  inspection_id uuid NOT NULL REFERENCES reform_inspection (id),
  text text NOT NULL,
  remedy_task_id uuid REFERENCES reform_task (id),
  created_at timestamptz NOT NULL
);
