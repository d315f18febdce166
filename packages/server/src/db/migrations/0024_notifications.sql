-- Notifications delivered from the outbox: recipients' language and channels, templates an
-- administrator edits, and what became of each outbox row.

-- Citizens choose the language and the channels they are told on; email by default.
ALTER TABLE app_user ADD COLUMN locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en'));
ALTER TABLE app_user ADD COLUMN notify_channels text[] NOT NULL DEFAULT '{email}';

-- An administrator's text for a kind and language; without a row the shipped default is used.
CREATE TABLE notification_template (
  kind text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('vi', 'en')),
  subject text NOT NULL,
  body text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES app_user (id),
  PRIMARY KEY (kind, locale)
);

-- A row given up on (after the last retry) keeps its error and is never claimed again; a row with
-- nothing to send (no template, no address, no chosen channel) is closed with its reason.
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE outbox ADD COLUMN outcome text;
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox (available_at) WHERE sent_at IS NULL AND failed_at IS NULL;
