import { FEEDBACK_TOPICS, type FeedbackTopic } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useCitizen, useSendSignInCode, useVerifySignInCode } from '../../api/citizen.ts';
import { newUuid } from '../../api/client.ts';
import { useAgencies, useProcedureSearch } from '../../api/public.ts';
import {
  ErrorSummary,
  type FieldErrors,
  Radios,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { Loading, usePageTitle } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { useSendFeedback } from './api.ts';
import './feedback.css';

type Step = 'topic' | 'which' | 'message' | 'contact' | 'code' | 'check' | 'done';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * /phan-anh — a citizen sends feedback, one thing per page: what it is about, which procedure or
 * dossier, the message, the contact (signed in, or an email confirmed by a one-time code, which
 * signs the citizen in), check your answers, then the confirmation with the reference and the
 * deadline. What was typed is kept when going back.
 */
export default function FeedbackFormPage() {
  const t = useT();
  const f = t.feedback.form;
  const { locale } = useI18n();
  const citizen = useCitizen();
  const agencies = useAgencies();
  const sendCode = useSendSignInCode();
  const verify = useVerifySignInCode();
  const send = useSendFeedback();
  const errors = useFormErrors();
  const [key] = useState(newUuid);
  const [step, setStep] = useState<Step>('topic');
  const [topic, setTopic] = useState<FeedbackTopic | ''>('');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [procedure, setProcedure] = useState<{ id: string; name: string } | null>(null);
  const [dossierCode, setDossierCode] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [message, setMessage] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const procedures = useProcedureSearch({ q: query, field: '', agency: '', onlineLevel: '', page: 1 });
  const titles: Record<Step, string> = {
    topic: f.topicLegend,
    which: topic === 'procedure' ? f.procedure : topic === 'dossier' ? f.dossierCode : f.agency,
    message: f.message,
    contact: f.contactTitle,
    code: t.citizen.codeTitle,
    check: f.checkTitle,
    done: f.doneTitle,
  };
  usePageTitle(`${titles[step]} – ${f.title}`);
  if (citizen.isPending) return <Loading />;
  const me = citizen.data;

  const go = (next: Step) => {
    errors.clear();
    setStep(next);
  };
  const back = (to: Step) => (
    <p>
      <button type="button" className="back-link button--link" onClick={() => go(to)}>
        {f.back}
      </button>
    </p>
  );
  const agencyName = agencies.data?.items.find((a) => a.id === agencyId)?.name ?? '';

  function submitTopic(e: FormEvent) {
    e.preventDefault();
    if (errors.check(topic ? {} : { topic: f.topicRequired })) go('which');
  }
  function submitWhich(e: FormEvent) {
    e.preventDefault();
    const errs: FieldErrors = {};
    if (topic === 'procedure' && !procedure) errs.procedureId = f.procedureRequired;
    if (topic === 'dossier' && !dossierCode.trim()) errs.dossierCode = f.dossierRequired;
    if (topic === 'conduct' && !dossierCode.trim() && !agencyId) errs.agencyId = f.agencyRequired;
    if (errors.check(errs)) go('message');
  }
  function submitMessage(e: FormEvent) {
    e.preventDefault();
    if (errors.check(message.trim().length < 20 ? { message: f.messageShort } : {}))
      go(me ? 'check' : 'contact');
  }
  function submitContact(e: FormEvent) {
    e.preventDefault();
    if (sendCode.isPending) return;
    const errs: FieldErrors = {};
    if (!email.trim()) errs.email = t.citizen.emailRequired;
    else if (!EMAIL.test(email.trim())) errs.email = t.citizen.emailInvalid;
    if (!errors.check(errs)) return;
    sendCode.mutate(
      { email: email.trim() },
      { onSuccess: () => go('code'), onError: (err) => errors.fromError(err) },
    );
  }
  function submitCode(e: FormEvent) {
    e.preventDefault();
    if (verify.isPending) return;
    const value = code.replace(/\s/g, '');
    const errs: FieldErrors = {};
    if (!value) errs.code = t.citizen.codeRequired;
    else if (!/^\d{6}$/.test(value)) errs.code = t.citizen.codeFormat;
    if (!errors.check(errs)) return;
    verify.mutate(
      { email: email.trim(), code: value },
      { onSuccess: () => go('check'), onError: (err) => errors.fromError(err) },
    );
  }
  function submitAll(e: FormEvent) {
    e.preventDefault();
    if (send.isPending) return;
    const body: Record<string, unknown> = { topic, message: message.trim() };
    if (topic === 'procedure' && procedure) body.procedureId = procedure.id;
    if (dossierCode.trim()) body.dossierCode = dossierCode.trim();
    if (topic === 'conduct' && !dossierCode.trim()) body.agencyId = agencyId;
    if (name.trim()) body.contactName = name.trim();
    send.mutate({ body, key }, { onSuccess: () => go('done'), onError: (err) => errors.fromError(err) });
  }

  const summary = <ErrorSummary items={errors.summary} focusKey={errors.attempt} />;

  if (step === 'done' && send.data) {
    const r = send.data;
    return (
      <div className="narrow">
        <div className="confirmation">
          <h1 className="confirmation__title">{f.doneTitle}</h1>
          <div className="confirmation__body">
            <p className="confirmation__label">{f.reference}</p>
            <p className="confirmation__code" data-testid="feedback-reference">
              {r.reference}
            </p>
          </div>
        </div>
        <p>{f.doneAgency(r.agencyName)}</p>
        <p data-testid="feedback-due">{f.dueBy(formatDate(r.dueAt, locale))}</p>
        <p>
          <Link to="/phan-anh/cong-khai">{f.published}</Link>
        </p>
      </div>
    );
  }

  if (step === 'topic')
    return (
      <div className="narrow">
        {summary}
        <h1>{f.title}</h1>
        <form onSubmit={submitTopic} noValidate>
          <Radios
            name="topic"
            legend={f.topicLegend}
            options={FEEDBACK_TOPICS.map((v) => ({ value: v, label: f.topics[v] }))}
            value={topic}
            onChange={(v) => setTopic(v as FeedbackTopic)}
            error={errors.fields.topic}
          />
          <button type="submit" className="button button--primary">
            {f.next}
          </button>
        </form>
        <p>
          <Link to="/phan-anh/cong-khai">{f.published}</Link>
        </p>
      </div>
    );

  if (step === 'which')
    return (
      <div className="narrow">
        {back('topic')}
        {summary}
        <p className="caption">{f.title}</p>
        <h1>{titles.which}</h1>
        {topic === 'procedure' ? (
          <>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setQuery(search.trim());
              }}
            >
              <TextField
                id="f-procedure-search"
                label={f.procedureSearch}
                hint={f.procedureHint}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <button type="submit" className="button button--secondary">
                {f.procedureSearch}
              </button>
            </form>
            <form onSubmit={submitWhich} noValidate aria-busy={procedures.isFetching ? true : undefined}>
              <Radios
                name="procedureId"
                legend={f.procedure}
                options={(procedures.data?.items ?? [])
                  .slice(0, 10)
                  .concat(
                    procedure && !procedures.data?.items.some((p) => p.id === procedure.id)
                      ? [procedure as never]
                      : [],
                  )
                  .map((p) => ({ value: p.id, label: p.name }))}
                value={procedure?.id ?? ''}
                onChange={(id) => {
                  const p = procedures.data?.items.find((x) => x.id === id);
                  if (p) setProcedure({ id: p.id, name: p.name });
                }}
                error={errors.fields.procedureId}
              />
              <button type="submit" className="button button--primary">
                {f.next}
              </button>
            </form>
          </>
        ) : (
          <form onSubmit={submitWhich} noValidate>
            <TextField
              id="f-dossierCode"
              label={f.dossierCode}
              hint={topic === 'dossier' ? f.dossierCodeHint : f.dossierCodeOptional}
              optional={topic === 'conduct'}
              autoCapitalize="characters"
              spellCheck={false}
              value={dossierCode}
              onChange={(e) => setDossierCode(e.target.value)}
              error={errors.fields.dossierCode}
            />
            {topic === 'conduct' ? (
              <SelectField
                id="f-agencyId"
                label={f.agency}
                placeholder={f.chooseAgency}
                options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
                value={agencyId}
                onChange={(e) => setAgencyId(e.target.value)}
                error={errors.fields.agencyId}
              />
            ) : null}
            <button type="submit" className="button button--primary">
              {f.next}
            </button>
          </form>
        )}
      </div>
    );

  if (step === 'message')
    return (
      <div className="narrow">
        {back('which')}
        {summary}
        <p className="caption">{f.title}</p>
        <form onSubmit={submitMessage} noValidate>
          <TextArea
            id="f-message"
            label={<h1 className="label-heading">{f.message}</h1>}
            hint={f.messageHint}
            rows={8}
            maxLength={5000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            error={errors.fields.message}
          />
          <button type="submit" className="button button--primary">
            {f.next}
          </button>
        </form>
      </div>
    );

  if (step === 'contact')
    return (
      <div className="narrow">
        {back('message')}
        {summary}
        <p className="caption">{f.title}</p>
        <h1>{f.contactTitle}</h1>
        <p>{f.contactLead}</p>
        <form onSubmit={submitContact} noValidate>
          <TextField
            id="f-contactName"
            label={f.name}
            hint={f.nameHint}
            optional
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <TextField
            id="f-email"
            type="email"
            label={t.citizen.email}
            hint={t.citizen.emailHint}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
          <SubmitButton busy={sendCode.isPending} busyLabel={t.citizen.sendingCode}>
            {t.citizen.sendCode}
          </SubmitButton>
        </form>
      </div>
    );

  if (step === 'code')
    return (
      <div className="narrow">
        {back('contact')}
        {summary}
        <p className="caption">{f.title}</p>
        <h1>{t.citizen.codeTitle}</h1>
        <p className="lead">{t.citizen.codeLead(email.trim(), sendCode.data?.expiresInMinutes ?? 10)}</p>
        <form onSubmit={submitCode} noValidate>
          <TextField
            id="f-code"
            label={t.citizen.code}
            hint={t.citizen.codeHint}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.fields.code}
            className="input-width-10"
          />
          <SubmitButton busy={verify.isPending} busyLabel={t.citizen.verifying}>
            {f.next}
          </SubmitButton>
        </form>
      </div>
    );

  const who = me?.email ?? me?.fullName ?? email;
  const row = (label: string, value: string, to: Step) => (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd className="pre-line">
        {value}{' '}
        <button type="button" className="button--link" onClick={() => go(to)}>
          {f.change}
          <span className="visually-hidden"> {label}</span>
        </button>
      </dd>
    </div>
  );
  return (
    <div className="narrow">
      {summary}
      <p className="caption">{f.title}</p>
      <h1>{f.checkTitle}</h1>
      <dl className="summary-list">
        {row(f.about, topic ? f.topics[topic] : '', 'topic')}
        {topic === 'procedure' ? row(f.procedure, procedure?.name ?? '', 'which') : null}
        {dossierCode.trim() ? row(f.dossierCode, dossierCode.trim(), 'which') : null}
        {topic === 'conduct' && !dossierCode.trim() ? row(f.agency, agencyName, 'which') : null}
        {row(f.message, message.trim(), 'message')}
        <div className="summary-list__row">
          <dt>{f.contact}</dt>
          <dd>{f.signedInAs(who ?? '')}</dd>
        </div>
      </dl>
      <form onSubmit={submitAll} noValidate>
        <SubmitButton busy={send.isPending} busyLabel={f.sending}>
          {f.send}
        </SubmitButton>
      </form>
    </div>
  );
}
