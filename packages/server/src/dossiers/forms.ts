import {
  DOSSIER_ACTION_LABELS,
  type HistoryEvent,
  isDossierAction,
  isHistoryOf,
  lastEventOf,
  noteOf,
  type ProcedureContent,
} from '@motcua/core';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import type {
  Applicant as FormApplicant,
  FormCode,
  FormContext,
  ReceivedDocument,
  Signer,
} from '../documents/model.ts';
import { openPayment } from '../fees/service.ts';
import { type Applicant, isTaxCode } from './applicant.ts';
import { loadHistory } from './history.ts';
import { type DossierRecord, loadHandovers } from './store.ts';

/** The public lookup page a receipt's QR code opens. */
export function lookupUrl(publicUrl: string, code: string | null): string {
  return `${publicUrl.replace(/\/$/, '')}/tra-cuu-ho-so?ma=${encodeURIComponent(code ?? '')}`;
}

/**
 * The applicant as the forms address them. An organisation is the one typed at the counter, or
 * the applicant whose number is an enterprise / tax code; the person named with it represents it.
 * A personal number always stays with the person it belongs to.
 */
export function formApplicant(a: Applicant): FormApplicant {
  const organisation = a.organisation?.trim() || (isTaxCode(a.idNumber) ? a.name : undefined);
  const contact = {
    ...(a.address ? { address: a.address } : {}),
    ...(a.phone ? { phone: a.phone } : {}),
    ...(a.email ? { email: a.email } : {}),
    ...(a.proxyName
      ? {
          proxy: {
            name: a.proxyName,
            ...(a.proxyIdNumber ? { idNumber: a.proxyIdNumber } : {}),
            ...(a.proxyPhone ? { phone: a.proxyPhone } : {}),
          },
        }
      : {}),
  };
  if (!organisation) {
    return { name: a.name, ...(a.idNumber ? { idNumber: a.idNumber } : {}), ...contact };
  }
  const taxCode = isTaxCode(a.idNumber) ? a.idNumber : undefined;
  const personalId = a.idNumber && !taxCode ? a.idNumber : undefined;
  const represents = a.name.trim() !== organisation && a.name.trim() !== a.proxyName?.trim();
  return {
    kind: 'organisation',
    name: organisation,
    ...(taxCode ? { idNumber: taxCode } : {}),
    ...(represents
      ? { representative: { name: a.name, ...(personalId ? { idNumber: personalId } : {}) } }
      : {}),
    ...contact,
  };
}

/** The register book a dossier is entered in (one per receiving unit and year) and its number there. */
async function registerEntry(
  db: Queryable,
  d: DossierRecord,
): Promise<{ book: string; number: number } | null> {
  const [row] = await db.query<{ book: string; number: number }>(
    `SELECT extract(year FROM d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int::text AS book,
            (SELECT count(*)::int FROM dossier o
              WHERE o.agency_id IN (SELECT agency_id FROM dossier_directory WHERE receiving_unit_id = d.receiving_unit_id)
                AND o.receiving_unit_id = d.receiving_unit_id AND o.code IS NOT NULL AND o.received_at IS NOT NULL
                AND date_trunc('year', o.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                  = date_trunc('year', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                AND (o.received_at, o.code) <= (d.received_at, d.code)) AS number
       FROM dossier d WHERE d.agency_id = $2 AND d.id = $1 AND d.code IS NOT NULL AND d.received_at IS NOT NULL`,
    [d.id, d.agencyId],
  );
  return row ?? null;
}

/** The agency's leaders (role `leader` on the agency itself), from the staff accounts. */
async function agencyLeaders(db: Queryable, agencyId: string): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(
    `SELECT u.id, u.full_name AS name FROM app_user u JOIN user_role r ON r.user_id = u.id
      WHERE r.role = 'leader' AND r.unit_id = $1 AND u.active ORDER BY u.full_name`,
    [agencyId],
  );
}

/**
 * Who signs forms 04 and 05 (Decree 118/2025; Circular 03/2025): the head of the agency (thủ trưởng
 * cơ quan) apologises and sets the new date; the agency's leader (lãnh đạo cơ quan) notifies the
 * stop. The name is the leader who acted, or the agency's only leader; when the accounts do not
 * say who it is, the office's title is printed and the name is left to sign by hand.
 */
function signerFor(
  form: '04' | '05',
  leaders: { id: string; name: string }[],
  actorId: string | null | undefined,
): Signer {
  const title = form === '04' ? 'Thủ trưởng cơ quan' : 'Lãnh đạo cơ quan';
  const acted = form === '05' ? leaders.find((l) => l.id === actorId) : undefined;
  const name = acted?.name ?? (leaders.length === 1 ? leaders[0]!.name : undefined);
  return { title, ...(name ? { name } : {}) };
}

/** Why processing stopped, as form 05 says it: the leader's reasons, or the applicant's request. */
function stopReason(stop: HistoryEvent<'stop' | 'accept_withdrawal' | 'close_unsupplemented'>): string {
  return 'reason' in stop.payload ? stop.payload.reason : 'Theo đề nghị của người nộp hồ sơ';
}

/** The note of a control-sheet row: what was done, in words, and what the officer wrote. */
function handoverNote(action: string | null, note: string | undefined): string | undefined {
  const done = action && isDossierAction(action) ? DOSSIER_ACTION_LABELS[action].title.vi : undefined;
  const written = note?.trim() || undefined;
  if (done && written) return `${done}: ${written}`;
  return done ?? written;
}

/** Everything a standard form needs, read from the dossier, its history and its control sheet. */
export async function formContext(ctx: AppContext, d: DossierRecord, form: FormCode): Promise<FormContext> {
  const db = ctx.db;
  const [names] = await db.query<{
    agency: string;
    parent: string | null;
    receiving: string;
    content: ProcedureContent;
    field: string;
  }>(
    `SELECT a.name AS agency, p.name AS parent, r.name AS receiving, v.content, f.name AS field
       FROM org_unit a LEFT JOIN org_unit p ON p.id = a.parent_id, org_unit r, procedure_version v, field f
      WHERE a.id = $1 AND r.id = $2 AND v.id = $3 AND f.code = $4`,
    [d.agencyId, d.receivingUnitId, d.procedureVersionId, d.fieldCode],
  );
  const events = await loadHistory(db, d.agencyId, d.id);
  const s = d.snapshot;
  const content = names!.content;
  const receipt =
    lastEventOf(events, 'receive') ?? lastEventOf(events, 'submit_online') ?? lastEventOf(events, 'refuse');
  const checklist = receipt && 'checklist' in receipt.payload ? receipt.payload.checklist : [];
  const documents: ReceivedDocument[] = checklist
    .filter((c) => c.received)
    .map((c) => {
      const known = content.documents.find((doc) => doc.name === c.document);
      const form = known?.form === 'original_or_certified_copy' ? 'certified_copy' : (known?.form ?? 'copy');
      return { name: c.document, copies: c.copies ?? known?.copies ?? 1, form };
    });
  const place = (names!.parent ?? names!.agency).replace(/^Ủy ban nhân dân\s+/i, '');
  const handovers = await loadHandovers(db, d.agencyId, d.id);
  const supplement = lastEventOf(events, 'request_supplement');
  const refusal = lastEventOf(events, 'refuse');
  // The notice of form 05: the last of a stop, an accepted withdrawal, a supplement that never came.
  const stop =
    lastEventOf(events, 'stop') ??
    lastEventOf(events, 'accept_withdrawal') ??
    lastEventOf(events, 'close_unsupplemented');
  const issuing =
    form === '02'
      ? supplement
      : form === '03'
        ? refusal
        : form === '04'
          ? lastEventOf(events, 'extend')
          : form === '05'
            ? stop
            : receipt;
  const time = content.processingTime;
  const receivedAt = new Date(s.receivedAt ?? s.submittedAt ?? d.createdAt);
  const entry = await registerEntry(db, d);
  const leaders = form === '04' || form === '05' ? await agencyLeaders(db, d.agencyId) : [];
  // The unit that leads the processing: the one of the first step done outside the counter.
  const leadCode = s.procedure.steps.find(
    (step) => step.unitCode && step.role !== 'counter_officer',
  )?.unitCode;
  const [lead] = leadCode
    ? await db.query<{ name: string }>('SELECT name FROM org_unit WHERE code = $1', [leadCode])
    : [];
  const coordinating = [
    ...new Set(
      events
        .flatMap((e) => (isHistoryOf(e, 'send_inter_agency') ? [e.payload.agency.trim()] : []))
        .filter(Boolean),
    ),
  ];
  return {
    agency: { parentName: names!.parent ?? undefined, name: names!.agency, place },
    receivingUnit: { name: names!.receiving },
    dossier: {
      code: d.code ?? '',
      procedureName: content.name,
      procedureCode: content.code,
      fieldName: names!.field,
      ...(time.value !== null
        ? { processingTime: { amount: time.value, unit: time.unit === 'calendar_days' ? 'days' : time.unit } }
        : {}),
      receivedAt,
      dueAt: new Date(s.dueAt ?? receivedAt),
      ...(s.extension ? { originalDueAt: new Date(s.extension.previousDueAt) } : {}),
      ...(s.returnedAt ? { returnedAt: new Date(s.returnedAt) } : {}),
      channel: d.channel,
      ...(s.returnChannel ? { resultDelivery: { method: s.returnChannel } } : {}),
      ...(entry ? { registerBook: entry.book, registerNumber: entry.number } : {}),
      leadUnit: lead?.name ?? names!.agency,
      ...(coordinating.length ? { coordinatingUnits: coordinating } : {}),
    },
    applicant: formApplicant(d.applicant),
    documents,
    ...(receipt ? { officer: { name: receipt.actorName } } : {}),
    ...(supplement
      ? {
          supplement: {
            items: supplement.payload.items.map((i) => ({ name: i.description, reason: i.reason })),
            officer: supplement.payload.contact?.name ?? supplement.actorName,
            officerPhone: supplement.payload.contact?.phone ?? '',
            dueBy: new Date(supplement.payload.limitAt),
          },
        }
      : {}),
    ...(refusal ? { refusal: { reasons: [refusal.payload.reason] } } : {}),
    ...(s.extension
      ? { apology: { reason: s.extension.reason, newDueAt: new Date(s.extension.newDueAt) } }
      : {}),
    ...(stop ? { stop: { reason: stopReason(stop) } } : {}),
    ...(form === '04' || form === '05' ? { signer: signerFor(form, leaders, issuing?.actorId) } : {}),
    controlSheet: handovers.map((h) => {
      // The row and its event are written in one transaction, at the same instant.
      const event = events.find(
        (e) => e.action === h.note && new Date(e.at).getTime() === new Date(h.at).getTime(),
      );
      const note = handoverNote(h.note, event ? noteOf(event.payload) : undefined);
      return {
        fromUnit: h.from_unit ?? '',
        fromPerson: h.from_user ?? '',
        toUnit: h.to_unit ?? '',
        toPerson: h.to_user ?? '',
        at: new Date(h.at),
        result: h.result,
        ...(note ? { note } : {}),
      };
    }),
    lookupUrl: lookupUrl(ctx.config.publicUrl, d.code),
    issuedAt: issuing ? new Date(issuing.at) : ctx.now(),
    ...(form === '01' ? await feeDueOf(db, d) : {}),
  };
}

/** The open fee of a dossier waiting for payment, for form 01. */
async function feeDueOf(db: Queryable, d: DossierRecord) {
  if (d.state !== 'awaiting_payment') return {};
  const p = await openPayment(db, d.agencyId, d.id);
  if (!p) return {};
  const { payload, amountVnd, bankName, accountNumber, accountName, reference } = p;
  return { feeDue: { payload, amountVnd, bankName, accountNumber, accountName, reference } };
}
