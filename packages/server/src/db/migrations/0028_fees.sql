-- Fees (phí, lệ phí) paid by bank transfer with a VietQR code, at the counter, or (later) through
-- the national portal's payment platform; bank statements imported and matched; receipts (biên lai)
-- numbered per agency per year. Every row carries its agency, in its keys too (Citus distributes
-- these tables by agency, colocated with dossier).

CREATE UNIQUE INDEX IF NOT EXISTS dossier_agency_key ON dossier (agency_id, id);

-- The agency's collection account(s) (tài khoản thu phí): the VietQR code carries BIN and number.
CREATE TABLE bank_account (
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  id uuid NOT NULL,
  bank_bin text NOT NULL CHECK (bank_bin ~ '^[0-9]{6}$'),
  account_number text NOT NULL CHECK (account_number ~ '^[0-9A-Za-z]{1,19}$'),
  account_name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, bank_bin, account_number)
);

-- What a dossier owes: one open request at a time; exemption recorded with its reason.
CREATE TABLE fee_request (
  agency_id uuid NOT NULL,
  id uuid NOT NULL,
  dossier_id uuid NOT NULL,
  account_id uuid NOT NULL,
  items jsonb NOT NULL,
  catalogue_amount bigint NOT NULL CHECK (catalogue_amount >= 0),
  amount bigint NOT NULL CHECK (amount >= 0),
  -- The dossier code, the reference the citizen writes in the transfer.
  reference text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'paid', 'exempt', 'cancelled')),
  exemption_reason text,
  exemption_percent integer CHECK (exemption_percent BETWEEN 1 AND 100),
  exempted_by uuid REFERENCES app_user (id),
  requested_at timestamptz NOT NULL,
  requested_by uuid REFERENCES app_user (id),
  PRIMARY KEY (agency_id, id),
  FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id),
  FOREIGN KEY (agency_id, account_id) REFERENCES bank_account (agency_id, id),
  CHECK (status <> 'exempt' OR exemption_reason IS NOT NULL)
);
-- One open request per dossier.
CREATE UNIQUE INDEX fee_request_open ON fee_request (agency_id, dossier_id) WHERE status = 'open';
CREATE INDEX fee_request_by_reference ON fee_request (agency_id, reference);

-- A bank statement file imported (sao kê); the same file twice for one account is refused.
CREATE TABLE bank_statement (
  agency_id uuid NOT NULL,
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  file_sha256 text NOT NULL,
  file_name text NOT NULL,
  encoding text NOT NULL,
  line_count integer NOT NULL,
  imported_at timestamptz NOT NULL,
  imported_by uuid REFERENCES app_user (id),
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, account_id, file_sha256),
  FOREIGN KEY (agency_id, account_id) REFERENCES bank_account (agency_id, id)
);

CREATE TABLE statement_line (
  agency_id uuid NOT NULL,
  id uuid NOT NULL,
  statement_id uuid NOT NULL,
  row_number integer NOT NULL,
  booked_on date NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  description text NOT NULL,
  -- sha256 of the row number-free content; a repeat within the file is flagged, not paid twice.
  fingerprint text NOT NULL,
  duplicate_in_file boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('matched', 'unmatched', 'assigned', 'dismissed')),
  unmatched_reason text,
  fee_request_id uuid,
  resolved_by uuid REFERENCES app_user (id),
  resolved_at timestamptz,
  resolution_note text,
  PRIMARY KEY (agency_id, id),
  UNIQUE (agency_id, statement_id, row_number),
  FOREIGN KEY (agency_id, statement_id) REFERENCES bank_statement (agency_id, id),
  FOREIGN KEY (agency_id, fee_request_id) REFERENCES fee_request (agency_id, id),
  CHECK (status <> 'dismissed' OR resolution_note IS NOT NULL)
);
-- The first occurrence of a line in a statement is unique; later copies are flagged duplicates.
CREATE UNIQUE INDEX statement_line_fingerprint ON statement_line (agency_id, statement_id, fingerprint)
  WHERE NOT duplicate_in_file;
CREATE INDEX statement_line_open ON statement_line (agency_id, status, booked_on);

CREATE TABLE receipt_sequence (
  agency_id uuid NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (agency_id, year)
);

CREATE TABLE fee_payment (
  agency_id uuid NOT NULL,
  id uuid NOT NULL,
  fee_request_id uuid NOT NULL,
  dossier_id uuid NOT NULL,
  method text NOT NULL CHECK (method IN ('bank_transfer', 'cash', 'gateway')),
  amount bigint NOT NULL CHECK (amount > 0),
  paid_at timestamptz NOT NULL,
  statement_line_id uuid,
  gateway_reference text,
  recorded_by uuid REFERENCES app_user (id),
  receipt_year integer NOT NULL,
  receipt_number integer NOT NULL,
  PRIMARY KEY (agency_id, id),
  -- A request is paid once, a statement line pays once, a receipt number is given once.
  UNIQUE (agency_id, fee_request_id),
  UNIQUE (agency_id, statement_line_id),
  UNIQUE (agency_id, receipt_year, receipt_number),
  FOREIGN KEY (agency_id, fee_request_id) REFERENCES fee_request (agency_id, id),
  FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id),
  FOREIGN KEY (agency_id, statement_line_id) REFERENCES statement_line (agency_id, id)
);
CREATE INDEX fee_payment_by_day ON fee_payment (agency_id, paid_at);
