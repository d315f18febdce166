-- The PAR Index (Chỉ số cải cách hành chính): a province's criteria tree for a year, each agency's
-- (and unit's) self-assessment with evidence, the appraisal, and the remediation tasks of the
-- criteria that lost points. Every row of an assessment carries its agency.

CREATE TABLE par_framework (
  id uuid PRIMARY KEY,
  province_id uuid NOT NULL REFERENCES org_unit (id),
  year integer NOT NULL,
  title text NOT NULL,
  note text NOT NULL DEFAULT '',
  -- The criteria in tree order (core parCriterionInput), checked by core checkCriteriaTree.
  criteria jsonb NOT NULL,
  max_points numeric NOT NULL,
  imported_by uuid REFERENCES app_user (id),
  imported_at timestamptz NOT NULL,
  UNIQUE (province_id, year)
);

CREATE TABLE par_assessment (
  id uuid PRIMARY KEY,
  framework_id uuid NOT NULL REFERENCES par_framework (id),
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  -- NULL for the agency's own assessment; a unit's is for the agency's internal ranking.
  unit_id uuid REFERENCES org_unit (id),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'appraised')),
  -- The system's figures as they stood when submitted, by measure (percent).
  system_values jsonb,
  self_total numeric NOT NULL DEFAULT 0,
  -- Final score (core assessmentTotals) written when the appraisal is finished; the ranking orders on it.
  final_total numeric,
  remediation_plan_id uuid REFERENCES reform_plan (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES app_user (id),
  appraised_at timestamptz,
  appraised_by uuid REFERENCES app_user (id)
);
CREATE UNIQUE INDEX par_assessment_one ON par_assessment (framework_id, agency_id, COALESCE(unit_id, agency_id));

CREATE TABLE par_score (
  assessment_id uuid NOT NULL REFERENCES par_assessment (id),
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  code text NOT NULL,
  self_points numeric,
  self_note text NOT NULL DEFAULT '',
  appraised_points numeric,
  appraisal_comment text NOT NULL DEFAULT '',
  -- Where survey points come from (the provincial survey's publication).
  survey_source text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (assessment_id, code)
);

-- Evidence (tài liệu kiểm chứng) attached to a criterion, in the file store.
CREATE TABLE par_evidence (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  assessment_id uuid NOT NULL REFERENCES par_assessment (id),
  code text NOT NULL,
  sha256 text NOT NULL REFERENCES stored_file (sha256),
  filename text NOT NULL,
  added_by uuid REFERENCES app_user (id),
  added_at timestamptz NOT NULL
);
CREATE INDEX par_evidence_assessment ON par_evidence (assessment_id, code);

-- Each criterion that lost points and the reform task that remedies it.
CREATE TABLE par_remediation (
  assessment_id uuid NOT NULL REFERENCES par_assessment (id),
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  code text NOT NULL,
  task_id uuid NOT NULL REFERENCES reform_task (id),
  PRIMARY KEY (assessment_id, code)
);
