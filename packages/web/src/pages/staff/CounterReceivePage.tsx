import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useCreateDossier } from '../../api/dossiers.ts';
import { usePublicProcedure } from '../../api/public.ts';
import type { Applicant, CreateDossierBody, PublicProcedure } from '../../api/types.ts';
import { useSession } from '../../auth/session.ts';
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
import { LoadError, Loading, usePageTitle } from '../../components/ui.tsx';
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

type ApplicantForm = Required<Applicant>;
const APPLICANT_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'email',
  'address',
  'organisation',
  'proxyName',
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
  const notFound = isApiError(procedure.error) && [400, 404].includes(procedure.error.status);
  return (
    <>
      <p className="back-link-wrap">
        <Link to={PATHS.counter} className="back-link">
          {t.counter.changeProcedure}
        </Link>
      </p>
      {procedure.isPending ? <Loading /> : null}
      {notFound ? (
        <>
          <h1>{t.procedure.notFound}</h1>
          <p>{t.procedure.notFoundBody}</p>
        </>
      ) : procedure.isError ? (
        <LoadError error={procedure.error} onRetry={() => procedure.refetch()} />
      ) : null}
      {procedure.data ? <ReceiveWizard p={procedure.data} /> : null}
    </>
  );
}

function ReceiveWizard({ p }: { p: PublicProcedure }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const create = useCreateDossier();
  const errors = useFormErrors();
  const keys = useIdempotencyKey();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const counters = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of session.data?.roles ?? [])
      if (r.role === 'counter_officer') seen.set(r.unitId, r.unitName);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [session.data]);
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

  const setApplicant = (k: keyof ApplicantForm, v: string) =>
    setForm({ ...form, applicant: { ...form.applicant, [k]: v } });

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

  const procedureSummary = (
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
  );

  if (stage === 'check') {
    const received = form.rows.filter((r) => r.received);
    const missing = form.rows.filter((r) => !r.received);
    const applicant = toBody(form, p.id).applicant;
    const changeButton = (field: string, what: string) => (
      <button
        type="button"
        className="button button--link summary-list__change"
        onClick={() => change(field)}
      >
        {t.counter.change}
        <span className="visually-hidden"> {what.toLowerCase()}</span>
      </button>
    );
    return (
      <>
        <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
        <span className="caption">
          {t.counter.newTitle} · {t.counter.stepOf(3, 3)}
        </span>
        <h1 ref={headingRef} tabIndex={-1}>
          {refuse ? t.counter.checkTitleRefuse : t.counter.checkTitle}
        </h1>
        {procedureSummary}
        <form onSubmit={onSubmit} noValidate>
          <h2 className="heading-m">{t.counter.receivingUnit}</h2>
          <dl className="summary-list">
            {counters.length > 0 ? (
              <div className="summary-list__row summary-list__row--change">
                <dt>{t.counter.receivingUnit}</dt>
                <dd>{counters.find((c) => c.value === form.receivingUnitId)?.label ?? ''}</dd>
                <dd>
                  {counters.length > 1
                    ? changeButton(fieldId('receivingUnitId'), t.counter.receivingUnit)
                    : null}
                </dd>
              </div>
            ) : null}
            <div className="summary-list__row summary-list__row--change">
              <dt>{t.counter.channel}</dt>
              <dd>{t.dossier.channels[form.channel]}</dd>
              <dd>{changeButton(fieldId('channel'), t.counter.channel)}</dd>
            </div>
          </dl>
          <h2 className="heading-m">{t.counter.checklistTitle}</h2>
          <dl className="summary-list">
            <div className="summary-list__row summary-list__row--change">
              <dt>{t.counter.documentsReceived}</dt>
              <dd>
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
              </dd>
              <dd>{changeButton('f-checklist', t.counter.documentsReceived)}</dd>
            </div>
            {missing.length > 0 ? (
              <div className="summary-list__row summary-list__row--change">
                <dt>{t.counter.documentsMissing}</dt>
                <dd>
                  <ul className="list list--bullet">
                    {missing.map((r) => (
                      <li key={r.document} lang="vi">
                        {r.document}
                      </li>
                    ))}
                  </ul>
                </dd>
                <dd />
              </div>
            ) : null}
          </dl>
          <h2 className="heading-m">{t.counter.applicantTitle}</h2>
          <dl className="summary-list">
            {APPLICANT_FIELDS.map((k) =>
              applicant[k] ? (
                <div className="summary-list__row summary-list__row--change" key={k}>
                  <dt>{t.dossier.applicantFields[k]}</dt>
                  <dd>{applicant[k]}</dd>
                  <dd>{changeButton(fieldId(`applicant.${k}`), t.dossier.applicantFields[k])}</dd>
                </div>
              ) : null,
            )}
          </dl>
          <h2 className="heading-m">{t.counter.decisionTitle}</h2>
          <dl className="summary-list">
            <div className="summary-list__row summary-list__row--change">
              <dt>{t.counter.decisionTitle}</dt>
              <dd>
                <strong>{refuse ? t.counter.decisionRefuse : t.counter.decisionReceive}</strong>
              </dd>
              <dd>{changeButton(fieldId('decision'), t.counter.decisionTitle)}</dd>
            </div>
            {refuse ? (
              <div className="summary-list__row summary-list__row--change">
                <dt>{t.counter.reason}</dt>
                <dd className="pre-line">{form.reason.trim()}</dd>
                <dd>{changeButton(fieldId('reason'), t.counter.reason)}</dd>
              </div>
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
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <span className="caption">
        {t.counter.newTitle} · {t.counter.stepOf(2, 3)}
      </span>
      <h1 ref={headingRef} tabIndex={-1}>
        {t.counter.detailsTitle}
      </h1>
      {procedureSummary}
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
          <TextField
            id={fieldId('applicant.name')}
            label={t.dossier.applicantFields.name}
            autoComplete="off"
            maxLength={200}
            value={form.applicant.name}
            error={errors.fields['applicant.name']}
            onChange={(e) => setApplicant('name', e.target.value)}
          />
          <div className="form-row">
            <TextField
              id={fieldId('applicant.idNumber')}
              label={t.dossier.applicantFields.idNumber}
              hint={t.counter.idNumberHint}
              optional
              autoComplete="off"
              inputMode="numeric"
              spellCheck={false}
              value={form.applicant.idNumber}
              error={errors.fields['applicant.idNumber']}
              onChange={(e) => setApplicant('idNumber', e.target.value)}
            />
            <TextField
              id={fieldId('applicant.phone')}
              label={t.dossier.applicantFields.phone}
              hint={t.counter.phoneHint}
              optional
              type="tel"
              autoComplete="off"
              value={form.applicant.phone}
              error={errors.fields['applicant.phone']}
              onChange={(e) => setApplicant('phone', e.target.value)}
            />
          </div>
          <TextField
            id={fieldId('applicant.email')}
            label={t.dossier.applicantFields.email}
            optional
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={form.applicant.email}
            error={errors.fields['applicant.email']}
            onChange={(e) => setApplicant('email', e.target.value)}
          />
          <TextField
            id={fieldId('applicant.address')}
            label={t.dossier.applicantFields.address}
            optional
            autoComplete="off"
            maxLength={500}
            value={form.applicant.address}
            error={errors.fields['applicant.address']}
            onChange={(e) => setApplicant('address', e.target.value)}
          />
          <TextField
            id={fieldId('applicant.organisation')}
            label={t.dossier.applicantFields.organisation}
            optional
            autoComplete="off"
            maxLength={300}
            value={form.applicant.organisation}
            error={errors.fields['applicant.organisation']}
            onChange={(e) => setApplicant('organisation', e.target.value)}
          />
          <TextField
            id={fieldId('applicant.proxyName')}
            label={t.dossier.applicantFields.proxyName}
            hint={t.counter.proxyHint}
            optional
            autoComplete="off"
            maxLength={200}
            value={form.applicant.proxyName}
            error={errors.fields['applicant.proxyName']}
            onChange={(e) => setApplicant('proxyName', e.target.value)}
          />
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
