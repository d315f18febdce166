import {
  type ApprovalBrief,
  approvalListResponse,
  DOSSIER_ACTION_LABELS,
  type DocumentKind,
  type DossierAction,
  type DossierDocument,
  dossierQueueUnits,
  type Locale,
  ROLE_LABELS,
  type Role,
} from '@motcua/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireSession } from '../auth/guard.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { requestLocale } from '../http/locale.ts';
import { Problem } from '../http/problem.ts';
import { answers } from '../http/responses.ts';
import { descendantIds } from '../org/tree.ts';
import { listDossiers } from './list.ts';

/**
 * What the leader reads before approving (phê duyệt): the draft result (documents of kind
 * `result`), the notes each work step's holder wrote when moving it on (the specialist's appraisal,
 * the head of unit's review) and any earlier return for rework, and every document of the dossier.
 */

/** Events whose note or reason is a step's word on the dossier. */
const NOTE_ACTIONS: readonly DossierAction[] = ['forward_step', 'return_for_rework', 'receive_inter_agency'];

/** The briefs of several dossiers at once: two queries whatever their number. */
export async function approvalBriefs(
  db: Queryable,
  dossierIds: readonly string[],
  locale: Locale,
): Promise<Map<string, ApprovalBrief>> {
  const briefs = new Map<string, ApprovalBrief>(
    dossierIds.map((id) => [id, { draft: [], notes: [], documents: [] }]),
  );
  if (dossierIds.length === 0) return briefs;
  const events = await db.query<{
    dossier_id: string;
    dossier_seq: number;
    at: Date;
    actor_name: string;
    action: DossierAction;
    payload: Record<string, unknown>;
  }>(
    `SELECT dossier_id, dossier_seq, at, actor_name, action, payload FROM dossier_event
      WHERE agency_id IN (SELECT agency_id FROM dossier_directory WHERE id = ANY($1::uuid[]))
        AND dossier_id = ANY($1::uuid[]) AND action = ANY($2::text[]) ORDER BY dossier_id, dossier_seq`,
    [dossierIds, NOTE_ACTIONS],
  );
  const documents = await db.query<{
    dossier_id: string;
    id: string;
    kind: DocumentKind;
    name: string;
    filename: string;
    media_type: string;
    size: number;
    uploaded_at: Date;
  }>(
    `SELECT d.dossier_id, d.id, d.kind, d.name, d.filename, f.media_type, f.size::int AS size, d.uploaded_at
       FROM dossier_document d JOIN stored_file f ON f.sha256 = d.sha256
      WHERE d.agency_id IN (SELECT agency_id FROM dossier_directory WHERE id = ANY($1::uuid[]))
        AND d.dossier_id = ANY($1::uuid[]) AND d.removed_at IS NULL ORDER BY d.uploaded_at`,
    [dossierIds],
  );
  for (const e of events) {
    const p = e.payload;
    const step = (p.finishedStep ?? null) as { name?: string | null; role?: string | null } | null;
    const text = [p.note, p.reason].find((v): v is string => typeof v === 'string' && v.trim() !== '');
    briefs.get(e.dossier_id)?.notes.push({
      seq: e.dossier_seq,
      at: new Date(e.at).toISOString(),
      actorName: e.actor_name,
      action: e.action,
      title: DOSSIER_ACTION_LABELS[e.action]?.title[locale] ?? e.action,
      stepName: e.action === 'return_for_rework' ? null : (step?.name ?? null),
      roleLabel:
        e.action === 'return_for_rework'
          ? ROLE_LABELS.leader[locale]
          : step?.role
            ? (ROLE_LABELS[step.role as Role]?.[locale] ?? step.role)
            : null,
      text: text?.trim() ?? null,
    });
  }
  for (const d of documents) {
    const brief = briefs.get(d.dossier_id);
    if (!brief) continue;
    const doc: DossierDocument = {
      id: d.id,
      kind: d.kind,
      name: d.name,
      filename: d.filename,
      mediaType: d.media_type,
      size: d.size,
      uploadedAt: new Date(d.uploaded_at).toISOString(),
    };
    brief.documents.push(doc);
    if (d.kind === 'result') brief.draft.push(doc);
  }
  return briefs;
}

export function approvalRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/dossiers/approvals',
      {
        schema: {
          tags: ['dossiers'],
          summary:
            'Dossiers awaiting approval, most urgent first, each with its draft result, the steps’ notes and its documents',
          response: answers({ 200: approvalListResponse }),
        },
      },
      async (request) => {
        const session = requireSession(request);
        const scope = await descendantIds(ctx.db, dossierQueueUnits(session.roles));
        if (scope.size === 0) throw new Problem(403, 'forbidden');
        const locale = requestLocale(request);
        const page = await listDossiers(ctx.db, {
          scope: [...scope],
          state: 'awaiting_approval',
          sort: 'due',
          page: 1,
          pageSize: 100,
          now: ctx.now(),
          locale,
        });
        const briefs = await approvalBriefs(
          ctx.db,
          page.items.map((i) => i.id),
          locale,
        );
        return { ...page, items: page.items.map((i) => ({ ...i, approval: briefs.get(i.id)! })) };
      },
    );
  };
}
