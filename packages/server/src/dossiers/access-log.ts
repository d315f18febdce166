import type { Queryable } from '../db/database.ts';

/** One read of a dossier's applicant data by a staff member. */
export interface PersonalDataRead {
  at: Date;
  agencyId: string;
  dossierId: string;
  userId: string;
  /** The reader's roles on the dossier, or 'read_grant' for an explicit read access. */
  access: string;
  what: 'detail' | 'form' | 'document';
  /** The form code or document id read; null for the dossier page. */
  item: string | null;
}

/** Appends the read to the access record, in the caller's transaction when there is one. */
export async function recordPersonalDataRead(db: Queryable, read: PersonalDataRead): Promise<void> {
  await db.query(
    `INSERT INTO dossier_access_log (at, agency_id, dossier_id, user_id, access, what, item)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [read.at, read.agencyId, read.dossierId, read.userId, read.access, read.what, read.item],
  );
}

export interface AccessLogQuery {
  /** Agencies whose records the administrator may see. */
  agencies: string[];
  dossierId?: string | undefined;
  userId?: string | undefined;
  page: number;
  pageSize: number;
}

/** The access record, newest first, within the given agencies. */
export async function listPersonalDataReads(db: Queryable, q: AccessLogQuery) {
  const where = `l.agency_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR l.dossier_id = $2)
    AND ($3::uuid IS NULL OR l.user_id = $3)`;
  const params = [q.agencies, q.dossierId ?? null, q.userId ?? null];
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM dossier_access_log l WHERE ${where}`,
    params,
  );
  const rows = await db.query<{
    at: Date;
    dossier_id: string;
    code: string | null;
    user_id: string;
    username: string;
    full_name: string;
    access: string;
    what: PersonalDataRead['what'];
    item: string | null;
  }>(
    `SELECT l.at, l.dossier_id, d.code, l.user_id, u.username, u.full_name, l.access, l.what, l.item
       FROM dossier_access_log l JOIN dossier d ON d.agency_id = l.agency_id AND d.id = l.dossier_id JOIN app_user u ON u.id = l.user_id
      WHERE ${where} ORDER BY l.at DESC, l.id DESC LIMIT $4 OFFSET $5`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize],
  );
  return {
    items: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      dossier: { id: r.dossier_id, code: r.code },
      user: { id: r.user_id, username: r.username, fullName: r.full_name },
      access: r.access,
      what: r.what,
      item: r.item,
    })),
    total: count?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
