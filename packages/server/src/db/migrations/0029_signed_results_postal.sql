-- Signed electronic results, digitised copies of paper results (Circular 01/2023) and the postal
-- channel (bưu chính công ích). Every row carries its agency, in its keys too (docs/distribution.md).

CREATE UNIQUE INDEX IF NOT EXISTS dossier_agency_key ON dossier (agency_id, id);

-- A counter scan of a paper result is a document of kind 'digitised'.
ALTER TABLE dossier_document DROP CONSTRAINT IF EXISTS dossier_document_kind_check;
ALTER TABLE dossier_document ADD CONSTRAINT dossier_document_kind_check
  CHECK (kind IN ('applicant', 'scan', 'supplement', 'result', 'digitised', 'other'));

-- The result the leader's approval produced, signed (PAdES) with the agency's certificate.
CREATE TABLE signed_result (
  agency_id uuid NOT NULL,
  dossier_id uuid NOT NULL,
  document_id uuid NOT NULL,
  -- The whole signed file, as stored: a copy with any byte changed is not this document.
  sha256 text NOT NULL REFERENCES stored_file (sha256),
  signer_subject text NOT NULL,
  signed_at timestamptz NOT NULL,
  PRIMARY KEY (agency_id, document_id),
  FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
);
CREATE INDEX signed_result_sha256 ON signed_result (sha256);
CREATE INDEX signed_result_signed_at ON signed_result (agency_id, signed_at);

-- A dossier received by post, or its result sent by post: the carrier and its tracking number.
CREATE TABLE postal_shipment (
  agency_id uuid NOT NULL,
  dossier_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('receipt', 'return')),
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  recorded_by uuid REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (agency_id, dossier_id, direction),
  FOREIGN KEY (agency_id, dossier_id) REFERENCES dossier (agency_id, id)
);
