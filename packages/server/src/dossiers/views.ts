import {
  acceptanceChecklist,
  answerRows,
  type CalendarConfig,
  type CountingPolicy,
  DOCUMENT_EVENT_LABELS,
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATE_INFO,
  type DocumentKind,
  type DossierActor,
  type DossierDetail,
  dossierReadModel,
  dossierTime,
  isDossierAction,
  type Locale,
  nationalStatusOf,
  ROLE_LABELS,
  type Role,
} from '@motcua/core';
import { type AgencyCalendar, loadCalendar } from '../calendar/store.ts';
import type { Queryable } from '../db/database.ts';
import { answersOfDossier } from '../online-submission/store.ts';
import { approvalBriefs } from './approval.ts';
import { loadHistory } from './history.ts';
import { type DossierRecord, loadHandovers, procedureDocuments } from './store.ts';

/** How the staff workspace sees one dossier: the record, its history, control sheet and documents. */
export async function dossierDetail(
  db: Queryable,
  d: DossierRecord,
  actor: DossierActor,
  locale: Locale,
  now: Date,
  /** The agency's calendar, when the caller has it loaded already. */
  loaded?: AgencyCalendar,
): Promise<DossierDetail> {
  const calendar = loaded ?? (await loadCalendar(db, d.agencyId));
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
  const events = await loadHistory(db, d.agencyId, d.id);
  const handovers = await loadHandovers(db, d.agencyId, d.id);
  const online = d.channel === 'online' ? await answersOfDossier(db, d.agencyId, d.id) : null;
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
       FROM dossier_document d JOIN stored_file f ON f.sha256 = d.sha256 WHERE d.agency_id = $1 AND d.dossier_id = $2 AND d.removed_at IS NULL ORDER BY d.uploaded_at`,
    [d.agencyId, d.id],
  );
  // An online dossier awaiting acceptance: the checklist comes ticked for what the citizen uploaded.
  const acceptance =
    d.channel === 'online' && d.state === 'submitted'
      ? acceptanceChecklist(await procedureDocuments(db, d.procedureVersionId), documents)
      : null;
  // Before the decision, the leader reads the draft and the steps' notes (approval.ts).
  const approval =
    d.state === 'awaiting_approval' ? ((await approvalBriefs(db, [d.id], locale)).get(d.id) ?? null) : null;
  const s = d.snapshot;
  const model = dossierReadModel(s, now, calendar.config, calendar.policy, {
    actor,
    supplementLimitWorkingDays: calendar.supplementLimitDays,
  });
  const { actions, forms, ...time } = model;
  const step = s.step
    ? { ...s.step, ...s.procedure.steps[s.step.index]!, assigneeName: nameOf(s.step.assigneeId) }
    : null;
  return {
    ...summaryOf(d, locale, time),
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
    approval,
    forms,
    availableActions: actions.map((action) => ({
      action,
      title: DOSSIER_ACTION_LABELS[action].title[locale],
    })),
    events: events.map(({ actorId: _, ...e }) => ({
      ...e,
      title: isDossierAction(e.action)
        ? DOSSIER_ACTION_LABELS[e.action].title[locale]
        : DOCUMENT_EVENT_LABELS[e.action][locale],
      toStateLabel: DOSSIER_STATE_INFO[e.toState].label[locale],
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
    acceptanceChecklist: acceptance,
    eformAnswers: online?.form ? answerRows(online.form, online.answers, locale) : null,
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

/** The fields every list shows; `time` is core's read model of the dossier's time (read-model.ts). */
export function summary(
  d: DossierRecord,
  locale: Locale,
  now: Date,
  cal: CalendarConfig,
  policy: CountingPolicy,
) {
  return summaryOf(d, locale, dossierTime(d.snapshot, now, cal, policy));
}

function summaryOf(d: DossierRecord, locale: Locale, time: ReturnType<typeof dossierTime>) {
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
    timeliness: time.timeliness,
    time,
  };
}
