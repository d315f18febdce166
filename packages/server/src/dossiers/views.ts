import {
  type CalendarConfig,
  type CountingPolicy,
  classify,
  DOCUMENT_EVENT_LABELS,
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATE_INFO,
  type DocumentKind,
  type DossierAction,
  type DossierActor,
  type DossierState,
  type Locale,
  nationalStatusOf,
  openActions,
  ROLE_LABELS,
  type Role,
  workingHoursBetween,
} from '@motcua/core';
import { loadCalendar } from '../calendar/store.ts';
import type { Queryable } from '../db/database.ts';
import { type DossierRecord, loadHandovers } from './store.ts';

/** How the staff workspace sees one dossier: the record, its history, control sheet and documents. */
export async function dossierDetail(
  db: Queryable,
  d: DossierRecord,
  actor: DossierActor,
  locale: Locale,
  now: Date,
) {
  const calendar = await loadCalendar(db, d.agencyId);
  const names = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM org_unit WHERE id = ANY($1::uuid[])
     UNION ALL SELECT id, full_name AS name FROM app_user WHERE id = ANY($1::uuid[])`,
    [[d.agencyId, d.receivingUnitId, d.currentUnitId, d.assigneeId].filter(Boolean)],
  );
  const nameOf = (id: string | null) => (id ? (names.find((n) => n.id === id)?.name ?? null) : null);
  const [procedure] = await db.query<{ name: string; code: string; field_name: string }>(
    `SELECT v.content->>'name' AS name, v.content->>'code' AS code, f.name AS field_name
       FROM procedure_version v JOIN field f ON f.code = $2 WHERE v.id = $1`,
    [d.procedureVersionId, d.fieldCode],
  );
  const events = await db.query<{
    dossier_seq: number;
    at: Date;
    actor_name: string;
    action: DossierAction;
    from_state: DossierState | null;
    to_state: DossierState;
    payload: Record<string, unknown>;
  }>(
    'SELECT dossier_seq, at, actor_name, action, from_state, to_state, payload FROM dossier_event WHERE dossier_id = $1 ORDER BY dossier_seq',
    [d.id],
  );
  const handovers = await loadHandovers(db, d.id);
  const documents = await db.query<{
    id: string;
    kind: DocumentKind;
    name: string;
    filename: string;
    media_type: string;
    size: number;
    uploaded_at: Date;
  }>(
    `SELECT d.id, d.kind, d.name, d.filename, f.media_type, f.size::int AS size, d.uploaded_at
       FROM dossier_document d JOIN stored_file f ON f.sha256 = d.sha256 WHERE d.dossier_id = $1 AND d.removed_at IS NULL ORDER BY d.uploaded_at`,
    [d.id],
  );
  const s = d.snapshot;
  const step = s.step
    ? { ...s.step, ...s.procedure.steps[s.step.index]!, assigneeName: nameOf(s.step.assigneeId) }
    : null;
  return {
    ...summary(d, locale, now, calendar.config, calendar.policy),
    procedure: { id: d.procedureId, code: procedure?.code ?? s.procedure.code, name: procedure?.name ?? '' },
    field: { code: d.fieldCode, name: procedure?.field_name ?? d.fieldCode },
    agency: { id: d.agencyId, name: nameOf(d.agencyId) },
    receivingUnit: { id: d.receivingUnitId, name: nameOf(d.receivingUnitId) },
    currentUnit: d.currentUnitId ? { id: d.currentUnitId, name: nameOf(d.currentUnitId) } : null,
    assignee: d.assigneeId ? { id: d.assigneeId, name: nameOf(d.assigneeId) } : null,
    applicant: d.applicant,
    processingTime: s.procedure.processingTime,
    steps: s.procedure.steps.map((x) => ({
      ...x,
      roleLabel: ROLE_LABELS[x.role as Role]?.[locale] ?? x.role,
    })),
    step,
    submittedAt: s.submittedAt,
    acceptanceDueAt: s.acceptanceDueAt,
    countingStartAt: s.countingStartAt,
    originalDueAt: s.originalDueAt,
    dueHistory: s.dueHistory,
    pauses: s.pauses,
    supplementRequests: s.supplementRequests,
    extension: s.extension,
    outcome: s.outcome,
    returnedAt: s.returnedAt,
    returnChannel: s.returnChannel,
    endKind: s.endKind,
    availableActions: openActions(s, actor, {
      now,
      calendar: calendar.config,
      supplementLimitWorkingDays: calendar.supplementLimitDays,
      policy: calendar.policy,
    }).map((action) => ({
      action,
      title: DOSSIER_ACTION_LABELS[action].title[locale],
    })),
    events: events.map((e) => ({
      seq: e.dossier_seq,
      at: new Date(e.at).toISOString(),
      actorName: e.actor_name,
      action: e.action,
      title:
        DOSSIER_ACTION_LABELS[e.action]?.title[locale] ??
        DOCUMENT_EVENT_LABELS[e.action as keyof typeof DOCUMENT_EVENT_LABELS]?.[locale] ??
        e.action,
      fromState: e.from_state,
      toState: e.to_state,
      toStateLabel:
        DOSSIER_STATE_INFO[e.to_state as keyof typeof DOSSIER_STATE_INFO]?.label[locale] ?? e.to_state,
      payload: e.payload,
    })),
    controlSheet: handovers.map((h) => ({
      seq: h.seq,
      at: new Date(h.at).toISOString(),
      fromUnit: h.from_unit,
      fromUser: h.from_user,
      toUnit: h.to_unit,
      toUser: h.to_user,
      stepName: h.step_name,
      stepDueAt: h.step_due_at ? new Date(h.step_due_at).toISOString() : null,
      result: h.result,
      note: h.note,
    })),
    documents: documents.map((x) => ({
      id: x.id,
      kind: x.kind,
      name: x.name,
      filename: x.filename,
      mediaType: x.media_type,
      size: x.size,
      uploadedAt: new Date(x.uploaded_at).toISOString(),
    })),
  };
}

/**
 * Working time left until the appointment on the agency's own calendar (negative once overdue),
 * so every screen says "còn 2 ngày làm việc" the same way. Null when no clock runs.
 */
export function remainingTime(d: DossierRecord, now: Date, cal: CalendarConfig) {
  const s = d.snapshot;
  const waiting = s.pauses.some((p) => p.endedAt === null && p.kind !== 'inter_agency');
  if (!s.dueAt || s.endedAt || waiting) return null;
  const workingHours = workingHoursBetween(now, new Date(s.dueAt), cal);
  const hoursPerDay = cal.workingPeriods.reduce((h, p) => h + (minutes(p.end) - minutes(p.start)) / 60, 0);
  return {
    workingHours: Math.round(workingHours * 10) / 10,
    workingDays: Math.round((workingHours / hoursPerDay) * 10) / 10,
  };
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The fields every list shows. */
export function summary(
  d: DossierRecord,
  locale: Locale,
  now: Date,
  cal: CalendarConfig,
  policy?: CountingPolicy,
) {
  const s = d.snapshot;
  const national = nationalStatusOf(d.state);
  return {
    id: d.id,
    agencyId: d.agencyId,
    code: d.code,
    version: d.version,
    state: d.state,
    stateLabel: DOSSIER_STATE_INFO[d.state].label[locale],
    nationalStatus: national,
    channel: d.channel,
    receivedAt: s.receivedAt,
    dueAt: s.dueAt,
    endedAt: s.endedAt,
    timeliness: classify(s, now, policy),
    risk: d.risk,
    remaining: remainingTime(d, now, cal),
  };
}
