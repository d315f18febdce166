-- Decision 766's counting rules where the law leaves room (packages/core/src/dossier/policies.ts),
-- per agency; announced days an administrator still has to confirm (reported by the press, say);
-- and the years whose Tết an administrator has confirmed as announced rather than computed.

ALTER TABLE calendar_setting
  ADD COLUMN end_comparison text NOT NULL DEFAULT 'day' CHECK (end_comparison IN ('day', 'instant')),
  ADD COLUMN extension_notice text NOT NULL DEFAULT 'date' CHECK (extension_notice IN ('date', 'instant'));

ALTER TABLE calendar_override ADD COLUMN to_confirm boolean NOT NULL DEFAULT false;

CREATE TABLE calendar_tet_announcement (
  year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
  confirmed_at timestamptz NOT NULL,
  confirmed_by uuid REFERENCES app_user (id)
);
