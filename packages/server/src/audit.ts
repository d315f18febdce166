import type { Queryable } from './db/database.ts';
import { NO_AGENCY } from './db/distribution.ts';

export interface AuditEntry {
  actorId: string | null;
  agencyId?: string | null;
  action: string;
  subjectType:
    | 'unit'
    | 'user'
    | 'procedure'
    | 'catalogue'
    | 'citizen'
    | 'notification_template'
    | 'fee_request';
  subjectId: string;
  /** What changed; never passwords or personal identifiers beyond the subject's id. */
  detail?: Record<string, unknown>;
}

/** Appends to the administrative audit log in the caller's transaction; a change of no agency is kept under NO_AGENCY. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO admin_audit (actor_id, agency_id, action, subject_type, subject_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.actorId,
      entry.agencyId ?? NO_AGENCY,
      entry.action,
      entry.subjectType,
      entry.subjectId,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}
