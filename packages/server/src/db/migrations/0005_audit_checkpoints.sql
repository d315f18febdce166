-- A history that resists rewriting (issue 13).
--
-- Hash version 2 covers every column of the event row (actor_name and agency_id included), not
-- only the fields version 1 chose. Events already in the database keep version 1 and verify as
-- they were written: re-chaining them here would mean recomputing hashes in SQL, and a database
-- that verified before the upgrade must verify after it. Every new event is version 2; each
-- chain head records the last event of version 1 (`legacy_until`), and a version 1 event after it
-- is reported as tampering.
ALTER TABLE dossier_event ADD COLUMN hash_version smallint NOT NULL DEFAULT 1;
ALTER TABLE dossier_event ALTER COLUMN hash_version SET DEFAULT 2;
ALTER TABLE audit_chain_head ADD COLUMN legacy_until bigint NOT NULL DEFAULT 0;
UPDATE audit_chain_head SET legacy_until = last_seq;

-- Signed checkpoints of each agency's chain head (Ed25519, with a key kept outside the database).
-- Someone who can write to the database can recompute every hash, but cannot sign: a checkpoint
-- whose event is gone or has another hash shows the rewriting. The latest ones are printed on
-- the register (form 07), so a copy exists outside the database too.
CREATE TABLE audit_checkpoint (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  chain_seq bigint NOT NULL,
  head_hash text NOT NULL,
  signed_at timestamptz NOT NULL,
  -- sha256 of the public key (SubjectPublicKeyInfo, DER), hex.
  key_fingerprint text NOT NULL,
  -- Ed25519 signature of checkpointMessage(...), base64.
  signature text NOT NULL,
  UNIQUE (agency_id, chain_seq)
);
CREATE INDEX audit_checkpoint_latest ON audit_checkpoint (agency_id, chain_seq DESC);
