-- The dossier engine (DOMAIN.md §3): dossiers, their append-only hash-chained history, the control
-- sheet, statistics counters, the notification outbox, idempotency keys and stored files.

-- Daily sequence per receiving unit for dossier codes <unit code>-YYMMDD-XXXX. The row is locked
-- by the transaction that takes a number, so numbers never repeat, and a rolled-back receipt
-- gives its number back, so they never skip.
CREATE TABLE dossier_sequence (
  unit_code text NOT NULL,
  day date NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (unit_code, day)
);

CREATE TABLE dossier (
  id uuid PRIMARY KEY,
  -- The competent agency (cơ quan giải quyết); the receiving unit may be another (phi địa giới).
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  code text UNIQUE,
  procedure_id uuid NOT NULL REFERENCES procedure (id),
  procedure_version_id uuid NOT NULL REFERENCES procedure_version (id),
  field_code text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('counter', 'online', 'post')),
  receiving_unit_id uuid NOT NULL REFERENCES org_unit (id),
  current_unit_id uuid REFERENCES org_unit (id),
  assignee_id uuid REFERENCES app_user (id),
  state text NOT NULL,
  national_status integer NOT NULL,
  applicant jsonb NOT NULL,
  -- Applicant name folded for search; the ID number is kept only inside `applicant`.
  search_text text NOT NULL,
  -- The rules' view of the dossier (core's DossierSnapshot), rewritten by each action.
  snapshot jsonb NOT NULL,
  -- Optimistic concurrency: every action names the version it saw.
  version integer NOT NULL,
  submitted_at timestamptz,
  received_at timestamptz,
  due_at timestamptz,
  ended_at timestamptz,
  -- Set by the deadline sweep: 'at_risk' (due within a working day) or 'overdue'.
  risk text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dossier_queue ON dossier (agency_id, state, due_at);
CREATE INDEX dossier_assignee ON dossier (assignee_id, due_at);
CREATE INDEX dossier_open_due ON dossier (due_at) WHERE ended_at IS NULL;

-- The append-only history. Each agency's events form one hash chain: hash = sha256(prev_hash +
-- the event's canonical content), so editing or deleting a row breaks every hash after it.
CREATE TABLE dossier_event (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  chain_seq bigint NOT NULL,
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  dossier_seq integer NOT NULL,
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES app_user (id),
  actor_name text NOT NULL,
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  payload jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (agency_id, chain_seq),
  UNIQUE (dossier_id, dossier_seq)
);

CREATE TABLE audit_chain_head (
  agency_id uuid PRIMARY KEY REFERENCES org_unit (id),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);

-- Form 06: one row per hand-over between people or units.
CREATE TABLE dossier_handover (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  from_unit_id uuid REFERENCES org_unit (id),
  from_user_id uuid REFERENCES app_user (id),
  to_unit_id uuid REFERENCES org_unit (id),
  to_user_id uuid REFERENCES app_user (id),
  step_name text,
  step_due_at timestamptz,
  result text CHECK (result IN ('early', 'on_time', 'late')),
  note text,
  UNIQUE (dossier_id, seq)
);

-- Statistics kept in the same transaction as the actions (report 06 reads groups, not dossiers).
CREATE TABLE dossier_counter (
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  field_code text NOT NULL,
  channel text NOT NULL,
  day date NOT NULL,
  metric text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (agency_id, unit_id, field_code, channel, day, metric)
);

-- Notifications to send, written in the action's transaction and sent by a job afterwards.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  agency_id uuid REFERENCES org_unit (id),
  kind text NOT NULL,
  recipient_id uuid REFERENCES app_user (id),
  dossier_id uuid REFERENCES dossier (id),
  payload jsonb NOT NULL,
  -- Makes a notification happen once even if two jobs decide to raise it.
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  claimed_by text,
  claimed_at timestamptz,
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_pending ON outbox (available_at) WHERE sent_at IS NULL;

-- A retried create returns the first answer instead of creating again.
CREATE TABLE idempotency_key (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);

-- Content-addressed files: the bytes live in the file store under their sha256.
CREATE TABLE stored_file (
  sha256 text PRIMARY KEY,
  size bigint NOT NULL,
  media_type text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE dossier_document (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  dossier_id uuid NOT NULL REFERENCES dossier (id),
  kind text NOT NULL CHECK (kind IN ('applicant', 'scan', 'supplement', 'result', 'other')),
  name text NOT NULL,
  filename text NOT NULL,
  sha256 text NOT NULL REFERENCES stored_file (sha256),
  uploaded_by uuid REFERENCES app_user (id),
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX dossier_document_dossier ON dossier_document (dossier_id);
