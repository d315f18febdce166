import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useCreateDossier } from '../../api/dossiers.ts';
import { usePublicProcedure } from '../../api/public.ts';
import type { Applicant, CreateDossierBody, PublicProcedure } from '../../api/types.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { useIdempotencyKey } from '../../components/dossier.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  Radios,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { NotReceivableNotice } from '../../components/Receivability.tsx';
import { Loading, usePageTitle } from '../../components/ui.tsx';
import { formatProcessingTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Messages } from '../../i18n/vi.ts';
import { PATHS } from '../../paths.ts';
import {
  Checklist,
  type ChecklistRow,
  checklistErrors,
  checklistInput,
  initialChecklist,
} from './Checklist.tsx';
import { useCounterUnits } from './useCounterUnits.ts';

type ApplicantForm = Required<Applicant>;
const APPLICANT_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'email',
  'address',
  'organisation',
  'proxyName',
  'proxyIdNumber',
  'proxyPhone',
] as const;

interface ReceiveForm {
  receivingUnitId: string;
  channel: 'counter' | 'post';
  rows: ChecklistRow[];
  applicant: ApplicantForm;
  decision: 'receive' | 'refuse';
  reason: string;
}

const EMPTY_APPLICANT: ApplicantForm = {
  name: '',
  idNumber: '',
  phone: '',
  email: '',
  address: '',
  organisation: '',
  proxyName: '',
  proxyIdNumber: '',
  proxyPhone: '',
};

/** The same rules as the server (applicant.ts), said in words before anything is sent. */
function validate(f: ReceiveForm, p: PublicProcedure, t: Messages): FieldErrors {
  // In the order of the page, so that the summary reads top to bottom.
  const errs: FieldErrors = checklistErrors(p.documents ?? [], f.rows, t, f.decision === 'receive');
  const a = f.applicant;
  if (a.name.trim().length < 2) errs['applicant.name'] = t.counter.errors.name;
  if (a.idNumber.trim() && !/^(\d{9}|\d{12}|\d{10}(-\d{3})?)$/.test(a.idNumber.trim()))
    errs['applicant.idNumber'] = t.counter.errors.idNumber;
  if (a.phone.trim() && !/^(\+84|0)\d{9,10}$/.test(a.phone.trim().replace(/[\s.-]/g, '')))
    errs['applicant.phone'] = t.counter.errors.phone;
  if (a.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim()))
    errs['applicant.email'] = t.counter.errors.email;
  if (a.proxyIdNumber.trim() && !/^(\d{9}|\d{12})$/.test(a.proxyIdNumber.trim()))
    errs['applicant.proxyIdNumber'] = t.counter.errors.idNumber;
  if (a.proxyPhone.trim() && !/^(\+84|0)\d{9,10}$/.test(a.proxyPhone.trim().replace(/[\s.-]/g, '')))
    errs['applicant.proxyPhone'] = t.counter.errors.phone;
  if (f.decision === 'refuse' && !f.reason.trim()) errs.reason = t.counter.errors.reason;
  return errs;
}

function toBody(f: ReceiveForm, procedureId: string): CreateDossierBody {
  const applicant: Applicant = { name: f.applicant.name.trim() };
  for (const k of APPLICANT_FIELDS) {
    const v = f.applicant[k].trim();
    if (v && k !== 'name') applicant[k] = v;
  }
  return {
    procedureId,
    channel: f.channel,
    ...(f.receivingUnitId ? { receivingUnitId: f.receivingUnitId } : {}),
    applicant,
    decision: f.decision,
    checklist: checklistInput(f.rows),
    ...(f.decision === 'refuse' ? { reason: f.reason.trim() } : {}),
  };
}

/** Receiving a dossier at the counter: check the documents and the applicant, then confirm. */
export default function CounterReceivePage() {
  const { procedureId = '' } = useParams();
  const { t } = useI18n();
  const procedure = usePublicProcedure(procedureId);
  usePageTitle(procedure.data ? `${t.counter.newTitle}: ${procedure.data.name}` : t.counter.newTitle);
  return (
    <>
      <BackLink to={PATHS.counter}>{t.counter.changeProcedure}</BackLink>
      <QueryStatus
        query={procedure}
        notFound={{ title: t.procedure.notFound, body: t.procedure.notFoundBody }}
      />
      {procedure.data?.notReceivableReason ? (
        <>
          <h1 lang="vi">{procedure.data.name}</h1>
          <NotReceivableNotice reason={procedure.data.notReceivableReason} />
        </>
      ) : procedure.data ? (
        <ReceiveWizard p={procedure.data} />
      ) : null}
    </>
  );
}

function ReceiveWizard({ p }: { p: PublicProcedure }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const create = useCreateDossier();
  const errors = useFormErrors();
  const keys = useIdempotencyKey();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const counters = useCounterUnits();
  const [stage, setStage] = useState<'details' | 'check'>('details');
  const [form, setForm] = useState<ReceiveForm>(() => ({
    receivingUnitId: counters[0]?.value ?? '',
    channel: 'counter',
    rows: initialChecklist(p.documents ?? []),
    applicant: EMPTY_APPLICANT,
    decision: 'receive',
    reason: '',
  }));
  const [focusField, setFocusField] = useState<string | null>(null);
  const documents = p.documents ?? [];
  const refuse = form.decision === 'refuse';

  // A new stage: bring the reader to its heading, or to the field they asked to change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on each change of stage
  useEffect(() => {
    if (focusField) {
      const el = document.getElementById(focusField);
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
      setFocusField(null);
    } else {
      headingRef.current?.focus();
    }
  }, [stage]);

  /** What every field of the applicant has: its path, label, value, error and change. */
  const applicantField = (k: keyof ApplicantForm) => ({
    id: fieldId(`applicant.${k}`),
    label: t.dossier.applicantFields[k],
    autoComplete: 'off',
    value: form.applicant[k],
    error: errors.fields[`applicant.${k}`],
    onChange: (e: ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, applicant: { ...form.applicant, [k]: e.target.value } }),
  });

  function onContinue(e: FormEvent) {
    e.preventDefault();
    if (!errors.check(validate(form, p, t))) return;
    setStage('check');
  }

  function change(field: string) {
    errors.clear();
    setFocusField(field);
    setStage('details');
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    const body = toBody(form, p.id);
    create.mutate(
      { body, key: keys.for(body) },
      {
        onSuccess: (detail) => {
          keys.reset();
          navigate(PATHS.counterReceipt(detail.id), { replace: true });
        },
        onError: (err) => {
          if (!(isApiError(err) && err.status === 0)) keys.reset();
          errors.fromError(err);
          // Field errors are fixed where the fields are.
          if (isApiError(err) && (err.problem.errors ?? []).some((x) => x.path?.startsWith('applicant'))) {
            setStage('details');
          }
        },
      },
    );
  }

  // The top of each stage: the errors, the step, its heading, and the procedure.
  const stageTop = (step: number, title: string) => (
    <>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <span className="caption">
        {t.counter.newTitle} · {t.counter.stepOf(step, 3)}
      </span>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      <dl className="summary-list summary-list--compact">
        <div className="summary-list__row">
          <dt>{t.dossier.procedure}</dt>
          <dd>
            <span lang="vi">{p.name}</span>
            <span className="summary-list__note">
              {p.code} · {p.agency?.name}
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.dossier.processingTime}</dt>
          <dd>{formatProcessingTime(p.processingTime, t, locale)}</dd>
        </div>
      </dl>
    </>
  );

  if (stage === 'check') {
    const received = form.rows.filter((r) => r.received);
    const missing = form.rows.filter((r) => !r.received);
    const applicant = toBody(form, p.id).applicant;
    return (
      <>
        {stageTop(3, refuse ? t.counter.checkTitleRefuse : t.counter.checkTitle)}
        <form onSubmit={onSubmit} noValidate>
          <h2 className="heading-m">{t.counter.receivingUnit}</h2>
          <dl className="summary-list">
            {counters.length > 0 ? (
              <ChangeRow
                label={t.counter.receivingUnit}
                field={counters.length > 1 ? fieldId('receivingUnitId') : undefined}
                onEdit={change}
              >
                {counters.find((c) => c.value === form.receivingUnitId)?.label ?? ''}
              </ChangeRow>
            ) : null}
            <ChangeRow label={t.counter.channel} field={fieldId('channel')} onEdit={change}>
              {t.dossier.channels[form.channel]}
            </ChangeRow>
          </dl>
          <h2 className="heading-m">{t.counter.checklistTitle}</h2>
          <dl className="summary-list">
            <ChangeRow label={t.counter.documentsReceived} field="f-checklist" onEdit={change}>
              {received.length === 0 ? (
                t.counter.noneReceived
              ) : (
                <ul className="list list--bullet">
                  {received.map((r) => (
                    <li key={r.document} lang="vi">
                      {r.document} ({t.counter.copiesCount(Number(r.copies))})
                    </li>
                  ))}
                </ul>
              )}
            </ChangeRow>
            {missing.length > 0 ? (
              <ChangeRow label={t.counter.documentsMissing} onEdit={change}>
                <ul className="list list--bullet">
                  {missing.map((r) => (
                    <li key={r.document} lang="vi">
                      {r.document}
                    </li>
                  ))}
                </ul>
              </ChangeRow>
            ) : null}
          </dl>
          <h2 className="heading-m">{t.counter.applicantTitle}</h2>
          <dl className="summary-list">
            {APPLICANT_FIELDS.map((k) =>
              applicant[k] ? (
                <ChangeRow
                  key={k}
                  label={t.dossier.applicantFields[k]}
                  field={fieldId(`applicant.${k}`)}
                  onEdit={change}
                >
                  {applicant[k]}
                </ChangeRow>
              ) : null,
            )}
          </dl>
          <h2 className="heading-m">{t.counter.decisionTitle}</h2>
          <dl className="summary-list">
            <ChangeRow label={t.counter.decisionTitle} field={fieldId('decision')} onEdit={change}>
              <strong>{refuse ? t.counter.decisionRefuse : t.counter.decisionReceive}</strong>
            </ChangeRow>
            {refuse ? (
              <ChangeRow
                label={t.counter.reason}
                field={fieldId('reason')}
                onEdit={change}
                valueClassName="pre-line"
              >
                {form.reason.trim()}
              </ChangeRow>
            ) : null}
          </dl>
          {create.isPending ? (
            <Loading label={refuse ? t.counter.submittingRefuse : t.counter.submittingReceive} />
          ) : null}
          <div className="button-group">
            <SubmitButton
              busy={create.isPending}
              busyLabel={refuse ? t.counter.submittingRefuse : t.counter.submittingReceive}
              variant={refuse ? 'warning' : 'primary'}
            >
              {refuse ? t.counter.submitRefuse : t.counter.submitReceive}
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={() => change('')}>
              {t.counter.backToDetails}
            </button>
          </div>
        </form>
      </>
    );
  }

  return (
    <>
      {stageTop(2, t.counter.detailsTitle)}
      <form onSubmit={onContinue} noValidate>
        {counters.length > 1 ? (
          <SelectField
            id={fieldId('receivingUnitId')}
            label={t.counter.receivingUnit}
            value={form.receivingUnitId}
            options={counters}
            error={errors.fields.receivingUnitId}
            onChange={(e) => setForm({ ...form, receivingUnitId: e.target.value })}
          />
        ) : null}
        <Radios
          name="channel"
          legend={t.counter.channel}
          value={form.channel}
          error={errors.fields.channel}
          options={[
            { value: 'counter', label: t.dossier.channels.counter ?? 'counter' },
            ...(p.postalAllowed ? [{ value: 'post', label: t.dossier.channels.post ?? 'post' }] : []),
          ]}
          onChange={(v) => setForm({ ...form, channel: v as ReceiveForm['channel'] })}
        />
        <Checklist
          documents={documents}
          rows={form.rows}
          errors={errors.fields}
          onChange={(rows) => setForm({ ...form, rows })}
        />

        <fieldset className="fieldset fieldset--section">
          <legend className="fieldset__legend fieldset__legend--m">{t.counter.applicantTitle}</legend>
          <TextField {...applicantField('name')} maxLength={200} />
          <div className="form-row">
            <TextField
              {...applicantField('idNumber')}
              hint={t.counter.idNumberHint}
              optional
              inputMode="numeric"
              spellCheck={false}
            />
            <TextField {...applicantField('phone')} hint={t.counter.phoneHint} optional type="tel" />
          </div>
          <TextField {...applicantField('email')} optional type="email" spellCheck={false} />
          <TextField {...applicantField('address')} optional maxLength={500} />
          <TextField {...applicantField('organisation')} optional maxLength={300} />
          <TextField {...applicantField('proxyName')} hint={t.counter.proxyHint} optional maxLength={200} />
          <div className="form-row">
            <TextField {...applicantField('proxyIdNumber')} optional inputMode="numeric" spellCheck={false} />
            <TextField {...applicantField('proxyPhone')} optional type="tel" />
          </div>
        </fieldset>

        <Radios
          name="decision"
          legend={t.counter.decisionTitle}
          value={form.decision}
          error={errors.fields.decision}
          options={[
            { value: 'receive', label: t.counter.decisionReceive, hint: t.counter.decisionReceiveHint },
            { value: 'refuse', label: t.counter.decisionRefuse, hint: t.counter.decisionRefuseHint },
          ]}
          onChange={(v) => setForm({ ...form, decision: v as ReceiveForm['decision'] })}
        >
          {refuse ? (
            <div className="conditional">
              <TextArea
                id={fieldId('reason')}
                label={t.counter.reason}
                hint={t.counter.reasonHint}
                rows={3}
                maxLength={4000}
                value={form.reason}
                error={errors.fields.reason}
                onChange={(e) => setForm({ ...form, reason: e.target.value })}
              />
            </div>
          ) : null}
        </Radios>
        <div className="button-group">
          <button type="submit" className="button button--primary">
            {t.counter.continue}
          </button>
        </div>
      </form>
    </>
  );
}

/** A line of the answers to check, with the button that goes back to the field to change it. */
function ChangeRow({
  label,
  field,
  onEdit,
  valueClassName,
  children,
}: {
  label: string;
  /** The id of the field to go back to; none for a line that is not changed on its own. */
  field?: string;
  onEdit: (field: string) => void;
  valueClassName?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="summary-list__row summary-list__row--change">
      <dt>{label}</dt>
      <dd className={valueClassName}>{children}</dd>
      <dd>
        {field ? (
          <button
            type="button"
            className="button button--link summary-list__change"
            onClick={() => onEdit(field)}
          >
            {t.counter.change}
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        ) : null}
      </dd>
    </div>
  );
}
