-- Citizens (công dân) who sign in to the portal: by the electronic identity provider (VNeID, OpenID
-- Connect, found again by the provider's subject) or by a one-time code sent to their email.
CREATE TABLE citizen_account (
  id uuid PRIMARY KEY,
  -- The provider's issuer and subject together name the person at that provider.
  oidc_issuer text,
  oidc_subject text,
  email text UNIQUE,
  full_name text,
  -- The identity number (số định danh cá nhân), AES-256-GCM encrypted, and its masked form for display.
  identity_number_encrypted text,
  identity_number_masked text,
  created_at timestamptz NOT NULL,
  last_sign_in_at timestamptz NOT NULL,
  UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE citizen_session (
  token_hash text PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizen_account (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  sign_in_method text NOT NULL CHECK (sign_in_method IN ('oidc', 'email')),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX citizen_session_citizen ON citizen_session (citizen_id);

-- An authorisation request in flight: its state (hashed), PKCE verifier and nonce, used once.
CREATE TABLE citizen_oidc_flow (
  state_hash text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- The one live sign-in code per email address, hashed; wrong tries count towards its limit.
CREATE TABLE citizen_signin_code (
  email text PRIMARY KEY,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
