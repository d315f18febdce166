-- Foundation: organisation, users and sessions, the procedure catalogue, the admin audit log.
-- Every table holding agency data carries agency_id so a national deployment can distribute by it.

CREATE TABLE org_unit (
  id uuid PRIMARY KEY,
  parent_id uuid REFERENCES org_unit (id),
  -- The agency this unit belongs to (itself for an agency); null above agency level (province).
  agency_id uuid REFERENCES org_unit (id),
  kind text NOT NULL CHECK (kind IN ('province', 'agency', 'department', 'service_centre', 'public_service_unit')),
  -- National unit code for agencies (mã định danh, e.g. 000.00.12.H57); an internal code below.
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  short_name text,
  effective_from date NOT NULL,
  effective_to date,
  -- The unit that took over this one's work after a reorganisation.
  successor_id uuid REFERENCES org_unit (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX org_unit_parent ON org_unit (parent_id);

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  full_name text NOT NULL,
  email text,
  phone text,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A role held on a unit applies to that unit and every unit below it.
CREATE TABLE user_role (
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role text NOT NULL,
  unit_id uuid NOT NULL REFERENCES org_unit (id),
  agency_id uuid REFERENCES org_unit (id),
  PRIMARY KEY (user_id, role, unit_id)
);

-- Only a hash of the session token is stored: a copy of this table opens no session.
CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE field (
  code text PRIMARY KEY,
  name text NOT NULL,
  name_en text
);

-- A procedure's identity; its content lives in versions. The published version's searchable
-- columns are copied here so the public catalogue reads one table.
CREATE TABLE procedure (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  code text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'in_force', 'amended', 'abolished')),
  current_version_id uuid,
  name text NOT NULL,
  field_code text NOT NULL REFERENCES field (code),
  online_level text NOT NULL,
  -- Name and code folded to ASCII lower case, for accent-insensitive search.
  search_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, code)
);
CREATE INDEX procedure_public ON procedure (status, field_code);

CREATE TABLE procedure_version (
  id uuid PRIMARY KEY,
  procedure_id uuid NOT NULL REFERENCES procedure (id),
  agency_id uuid NOT NULL REFERENCES org_unit (id),
  version integer NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'published', 'superseded', 'abolished')),
  content jsonb NOT NULL,
  effective_from date,
  effective_to date,
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES app_user (id),
  published_at timestamptz,
  UNIQUE (procedure_id, version)
);
ALTER TABLE procedure ADD CONSTRAINT procedure_current_version FOREIGN KEY (current_version_id) REFERENCES procedure_version (id);

-- Append-only record of administrative changes (who changed which unit, user or procedure).
CREATE TABLE admin_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES app_user (id),
  agency_id uuid REFERENCES org_unit (id),
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
