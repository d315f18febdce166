import type { ProcedureContent } from '@motcua/core';
import type { AppContext } from '../context.ts';
import type { FormCode, FormContext, ReceivedDocument } from '../documents/model.ts';
import { type DossierRecord, loadHandovers } from './store.ts';

/** The public lookup page a receipt's QR code opens. */
export function lookupUrl(publicUrl: string, code: string | null): string {
  return `${publicUrl.replace(/\/$/, '')}/tra-cuu-ho-so?ma=${encodeURIComponent(code ?? '')}`;
}

interface EventRow {
  action: string;
  at: Date;
  actor_name: string;
  payload: Record<string, unknown>;
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
  const events = await db.query<EventRow>(
    'SELECT action, at, actor_name, payload FROM dossier_event WHERE dossier_id = $1 ORDER BY dossier_seq',
    [d.id],
  );
  const last = (action: string) => [...events].reverse().find((e) => e.action === action);
  const s = d.snapshot;
  const content = names!.content;
  const receipt = last('receive') ?? last('submit_online') ?? last('refuse');
  const checklist = (receipt?.payload.checklist ?? []) as {
    document: string;
    received: boolean;
    copies?: number;
  }[];
  const documents: ReceivedDocument[] = checklist
    .filter((c) => c.received)
    .map((c) => {
      const known = content.documents.find((doc) => doc.name === c.document);
      const form = known?.form === 'original_or_certified_copy' ? 'certified_copy' : (known?.form ?? 'copy');
      return { name: c.document, copies: c.copies ?? known?.copies ?? 1, form };
    });
  const place = (names!.parent ?? names!.agency).replace(/^Ủy ban nhân dân\s+/i, '');
  const handovers = await loadHandovers(db, d.id);
  const supplement = last('request_supplement');
  const stop = last('stop') ?? last('accept_withdrawal') ?? last('close_unsupplemented');
  const issuing =
    form === '02'
      ? supplement
      : form === '03'
        ? last('refuse')
        : form === '04'
          ? last('extend')
          : form === '05'
            ? stop
            : receipt;
  const time = content.processingTime;
  const receivedAt = new Date(s.receivedAt ?? s.submittedAt ?? d.createdAt);
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
      ...(s.originalDueAt && s.originalDueAt !== s.dueAt ? { originalDueAt: new Date(s.originalDueAt) } : {}),
      ...(s.returnedAt ? { returnedAt: new Date(s.returnedAt) } : {}),
      channel: d.channel,
      ...(s.returnChannel ? { resultDelivery: { method: s.returnChannel } } : {}),
    },
    applicant: {
      name: d.applicant.name,
      ...(d.applicant.idNumber ? { idNumber: d.applicant.idNumber } : {}),
      ...(d.applicant.address ? { address: d.applicant.address } : {}),
      ...(d.applicant.phone ? { phone: d.applicant.phone } : {}),
      ...(d.applicant.email ? { email: d.applicant.email } : {}),
      ...(d.applicant.organisation ? { kind: 'organisation' as const } : {}),
      ...(d.applicant.proxyName ? { proxy: { name: d.applicant.proxyName } } : {}),
    },
    documents,
    ...(receipt ? { officer: { name: receipt.actor_name } } : {}),
    ...(supplement
      ? {
          supplement: {
            items: ((supplement.payload.items ?? []) as { description: string; reason: string }[]).map(
              (i) => ({
                name: i.description,
                reason: i.reason,
              }),
            ),
            officer:
              (supplement.payload.contact as { name?: string } | undefined)?.name ?? supplement.actor_name,
            officerPhone: (supplement.payload.contact as { phone?: string } | undefined)?.phone ?? '',
            ...(supplement.payload.limitAt ? { dueBy: new Date(String(supplement.payload.limitAt)) } : {}),
          },
        }
      : {}),
    ...(last('refuse') ? { refusal: { reasons: [String(last('refuse')!.payload.reason ?? '')] } } : {}),
    ...(s.extension
      ? { apology: { reason: s.extension.reason, newDueAt: new Date(s.extension.newDueAt) } }
      : {}),
    ...(stop ? { stop: { reason: String(stop.payload.reason ?? 'Theo đề nghị của người nộp hồ sơ') } } : {}),
    ...(issuing && ['04', '05'].includes(form)
      ? { signer: { name: issuing.actor_name, title: 'Lãnh đạo cơ quan' } }
      : {}),
    controlSheet: handovers.map((h) => ({
      fromUnit: h.from_unit ?? '',
      fromPerson: h.from_user ?? '',
      toUnit: h.to_unit ?? '',
      toPerson: h.to_user ?? '',
      at: new Date(h.at),
      result: h.result,
      ...(h.note ? { note: h.note } : {}),
    })),
    lookupUrl: lookupUrl(ctx.config.publicUrl, d.code),
    issuedAt: issuing ? new Date(issuing.at) : ctx.now(),
  };
}
