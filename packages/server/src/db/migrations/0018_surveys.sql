-- Satisfaction surveys (khảo sát sự hài lòng, SIPAS): questionnaires as versioned data, the
-- answers from the counter tablet, from the link given with a returned result and from paper
-- forms, and the scored answers by element that the index is computed from. Every row carries
-- its agency.

CREATE TABLE survey_questionnaire (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  -- core's QuestionnaireContent; never changed once published.
  content jsonb NOT NULL,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  UNIQUE (agency_id, version)
);
-- One draft at a time per agency.
CREATE UNIQUE INDEX survey_questionnaire_draft ON survey_questionnaire (agency_id) WHERE status = 'draft';

-- A counter tablet opened by a counter officer for a unit: the page holds the token, no sign-in.
CREATE TABLE survey_kiosk (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  token_sha256 text NOT NULL UNIQUE,
  opened_by uuid REFERENCES app_user (id),
  opened_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE survey_response (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  questionnaire_id uuid NOT NULL REFERENCES survey_questionnaire (id),
  channel text NOT NULL CHECK (channel IN ('kiosk', 'link', 'paper')),
  -- The returned dossier a link answer is about: one answer per dossier.
  dossier_id uuid UNIQUE REFERENCES dossier (id),
  kiosk_id uuid REFERENCES survey_kiosk (id),
  -- The serial number printed on a paper form: typed in once per agency.
  paper_serial text,
  answered_on date NOT NULL,
  answers jsonb NOT NULL,
  entered_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  UNIQUE (agency_id, paper_serial),
  CHECK ((channel = 'paper') = (paper_serial IS NOT NULL)),
  CHECK ((channel = 'link') = (dossier_id IS NOT NULL))
);
CREATE INDEX survey_response_report ON survey_response (agency_id, answered_on);

-- The link given with a returned dossier's result (one per dossier), answered once.
CREATE TABLE survey_link (
  dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  response_id uuid REFERENCES survey_response (id)
);

-- The scored answers (scale 1-5) by element: what the index is computed from.
CREATE TABLE survey_score (
  response_id uuid NOT NULL REFERENCES survey_response (id),
  question_id text NOT NULL,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  answered_on date NOT NULL,
  element text NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  PRIMARY KEY (response_id, question_id)
);
CREATE INDEX survey_score_report ON survey_score (agency_id, answered_on, element);
