-- Service ratings (đánh giá mức độ hài lòng) of returned dossiers, with the follow-up a "not
-- satisfied" rating opens for the receiving unit's head; and citizen feedback (phản ánh, kiến nghị)
-- as tracked cases with a 15-working-day deadline, answered, rated and chosen answers published.
-- Every row carries its agency, in its keys too (Citus distributes these tables by agency).

CREATE UNIQUE INDEX IF NOT EXISTS dossier_agency_key ON dossier (agency_id, id);

CREATE TABLE dossier_rating (
  agency_id uuid NOT NULL,
  id uuid NOT NULL,
  dossier_id uuid NOT NULL,
  -- The receiving unit, whose head follows a negative rating up.
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  value text NOT NULL CHECK (value IN ('satisfied', 'acceptable', 'not_satisfied')),
  reasons text[] NOT NULL DEFAULT '{}',
  comment text,
  channel text NOT NULL CHECK (channel IN ('link', 'kiosk', 'account')),
  rated_at timestamptz NOT NULL,
  rated_on date NOT NULL,
  -- The follow-up of a "not satisfied" rating, closed by the head of unit with a note.
  follow_up_open boolean NOT NULL DEFAULT false,
  follow_up_closed_at timestamptz,
  follow_up_closed_by uuid REFERENCES app_user (id),
  follow_up_note text,
  PRIMARY KEY (agency_id, id),
  -- Once per dossier: a double submit, from any channel, counts once.
  UNIQUE (agency_id, dossier_id),
  FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
);
CREATE INDEX dossier_rating_report ON dossier_rating (agency_id, rated_on);
CREATE INDEX dossier_rating_follow_up ON dossier_rating (agency_id, unit_id) WHERE follow_up_open;

CREATE TABLE feedback_sequence (
  agency_id uuid NOT NULL,
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (agency_id, day)
);

CREATE TABLE feedback_case (
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  topic text NOT NULL CHECK (topic IN ('procedure', 'dossier', 'conduct')),
  procedure_id uuid REFERENCES procedure (id),
  dossier_id uuid,
  message text NOT NULL,
  -- The sender: a signed-in citizen (by VNeID or the emailed code); never shown in public.
  citizen_id uuid NOT NULL REFERENCES citizen_account (id),
  contact_name text,
  contact_email text,
  state text NOT NULL CHECK (state IN ('received', 'assigned', 'answered', 'closed', 'rejected')),
  received_at timestamptz NOT NULL,
  received_on date NOT NULL,
  -- 15 working days after receipt on the agency's calendar, computed by core.
  due_at timestamptz NOT NULL,
  unit_id uuid REFERENCES org_unit (id),
  assignee_id uuid REFERENCES app_user (id),
  answer text,
  answered_at timestamptz,
  answered_by uuid REFERENCES app_user (id),
  -- Core's timeliness of the answer, kept for the counts of 5.2.
  answered_on_time boolean,
  reject_reason text,
  closed_at timestamptz,
  close_note text,
  -- The citizen's rating of the answer, through the once-only token sent with it.
  rating_token text,
  rating text CHECK (rating IN ('satisfied', 'acceptable', 'not_satisfied')),
  rating_comment text,
  rated_at timestamptz,
  -- The published (redacted, confirmed by an officer) question and answer, and their folded text.
  published_question text,
  published_answer text,
  published_search text,
  published_at timestamptz,
  published_by uuid REFERENCES app_user (id),
  version integer NOT NULL,
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, reference),
  UNIQUE (agency_id, rating_token),
  FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id),
  CHECK ((state = 'answered' OR state = 'closed') = (answer IS NOT NULL))
);
CREATE INDEX feedback_case_queue ON feedback_case (agency_id, state, due_at);
CREATE INDEX feedback_case_report ON feedback_case (agency_id, received_on);
CREATE INDEX feedback_case_published ON feedback_case (agency_id, published_at) WHERE published_at IS NOT NULL;
CREATE INDEX feedback_case_rating_token ON feedback_case (rating_token) WHERE rating_token IS NOT NULL;
