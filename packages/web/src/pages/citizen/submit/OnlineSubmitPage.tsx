import { type EformAnswers, type EformField, fieldLabel, validateAnswers } from '@motcua/core';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCitizen } from '../../../api/citizen.ts';
import { isApiError } from '../../../api/client.ts';
import {
  ErrorSummary,
  fieldId,
  problemMessage,
  Radios,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../../components/forms.tsx';
import { Loading, Notice, usePageTitle } from '../../../components/ui.tsx';
import { useI18n, useT } from '../../../i18n/index.tsx';
import { ActingBanner } from '../business/ActingBanner.tsx';
import { useDraft, useSaveDraft, useSubmitDraft } from './api.ts';
import { DocumentsStep } from './DocumentsStep.tsx';

type Step = number | 'documents' | 'check';

/** The step in the address (?buoc=2, ?buoc=giay-to, ?buoc=kiem-tra), so the browser's Back and Forward move between steps. */
const STEP_PARAM = 'buoc';
/** Set when the citizen came from check your answers by a Change link: saving returns there. */
const CHANGE_PARAM = 'sua';
const STEP_NAMES = { documents: 'giay-to', check: 'kiem-tra' } as const;

function stepFromParam(raw: string | null, pageCount: number): Step | null {
  if (raw === STEP_NAMES.documents) return 'documents';
  if (raw === STEP_NAMES.check) return 'check';
  const n = raw && /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
  return n >= 1 && n <= pageCount ? n - 1 : null;
}

const stepParam = (step: Step) => (typeof step === 'number' ? String(step + 1) : STEP_NAMES[step]);

const asText = (v: unknown) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

/**
 * /nop-truc-tuyen/:code (OnlineSubmitRoute finds the procedure) — an online application, GOV.UK style: one question (or a small
 * group) per page with the error summary at the top and the message next to the field, each page
 * saved on the server (so the citizen resumes on any device), check your answers with change
 * links, submit, then the confirmation with the reference and the 8-working-hour rule.
 */
export default function OnlineSubmitPage({ procedureId }: { procedureId: string }) {
  const t = useT();
  const s = t.onlineSubmit;
  const { locale } = useI18n();
  const citizen = useCitizen();
  const draft = useDraft(procedureId, !!citizen.data);
  const save = useSaveDraft(procedureId);
  const submit = useSubmitDraft(procedureId);
  const errors = useFormErrors();
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState<EformAnswers>({});
  // The mutation's pending state shows only after a render: a double click must not send twice.
  const submitting = useRef(false);
  const d = draft.data;
  const pages = d?.form.pages ?? [];
  const page = stepFromParam(params.get(STEP_PARAM), pages.length);
  const changing = params.get(CHANGE_PARAM) === '1';
  const current = page === null ? 0 : page;
  const title = submit.data
    ? s.doneTitle
    : current === 'check'
      ? s.checkTitle
      : current === 'documents'
        ? s.documentsTitle
        : (pages[current]?.[locale === 'en' ? 'titleEn' : 'titleVi'] ?? pages[current]?.titleVi);
  usePageTitle(`${title ?? s.caption} – ${s.caption}`);

  if (citizen.isPending || (citizen.data && draft.isPending)) return <Loading />;
  if (!citizen.data)
    return (
      <div className="narrow">
        <h1>{s.signIn}</h1>
        <p>{s.signInLead}</p>
        <Link className="button button--primary" to="/dang-nhap-cong-dan">
          {t.citizen.signInTitle}
        </Link>
      </div>
    );
  if (draft.isError || !d)
    return (
      <div className="narrow">
        <Notice kind="error">{problemMessage(draft.error, t)}</Notice>
      </div>
    );

  const answers: EformAnswers = { ...d.answers, ...typed };
  // Each step is a new entry in the browser's history; the language choice (?lang) stays.
  const go = (to: Step, options: { change?: boolean } = {}) => {
    errors.clear();
    const next = new URLSearchParams(params);
    next.set(STEP_PARAM, stepParam(to));
    if (options.change) next.set(CHANGE_PARAM, '1');
    else next.delete(CHANGE_PARAM);
    setParams(next);
    window.scrollTo(0, 0);
  };
  // Where a resumed draft opens: the first page whose required questions the server has no answer
  // to. Only saved answers count, so typing on a page never moves the citizen off it.
  const firstUnanswered = () => {
    const saved = d.answers;
    const i = pages.findIndex((p) =>
      p.fields.some((f) => f.required && !asText(saved[f.key]) && !Array.isArray(saved[f.key])),
    );
    if (i >= 0) return i;
    return d.checklist.some((c) => c.required && !c.document) ? 'documents' : 'check';
  };
  const shown = page === null ? firstUnanswered() : page;
  const back = (to: Step | null) =>
    to === null ? (
      <p>
        <Link className="back-link" to={`/thu-tuc/${procedureId}`}>
          {s.back}
        </Link>
      </p>
    ) : (
      <p>
        <button type="button" className="back-link button--link" onClick={() => go(to)}>
          {s.back}
        </button>
      </p>
    );
  const showServerErrors = (err: unknown) => errors.fromError(err);

  if (submit.data)
    return (
      <div className="narrow">
        <div className="confirmation">
          <h1 className="confirmation__title">{s.doneTitle}</h1>
          <div className="confirmation__body">
            <p className="confirmation__label">{s.reference}</p>
            <p className="confirmation__code" data-testid="online-reference">
              {submit.data.code}
            </p>
          </div>
        </div>
        <p data-testid="online-rule">{submit.data.acceptanceRule}</p>
        <h2>{s.next}</h2>
        <p>{s.nextBody}</p>
        <p>
          <Link to="/tra-cuu-ho-so">{s.lookup}</Link>
        </p>
      </div>
    );

  const summary = <ErrorSummary items={errors.summary} focusKey={errors.attempt} />;

  if (shown === 'documents')
    return (
      <DocumentsStep
        draft={d}
        back={back(changing ? 'check' : pages.length - 1)}
        onDone={() => go('check')}
      />
    );

  if (shown === 'check') {
    // A question the server finds unanswered or wrong (the form changed, or another device did):
    // the citizen is taken to it, the message next to the field, and saving brings them back here.
    const onSubmitRefused = (err: unknown) => {
      const wrong = isApiError(err)
        ? (err.problem.errors ?? []).flatMap((x) =>
            x.path?.startsWith('answers.') ? [{ path: x.path, message: x.message }] : [],
          )
        : [];
      const at = pages.findIndex((p) =>
        p.fields.some((f) => wrong.some((w) => w.path === `answers.${f.key}`)),
      );
      if (at < 0) return showServerErrors(err);
      const keys = new Set(pages[at]!.fields.map((f) => `answers.${f.key}`));
      go(at, { change: true });
      errors.show(wrong.filter((w) => keys.has(w.path)));
    };
    const onSubmit = (e: FormEvent) => {
      e.preventDefault();
      if (submitting.current || submit.isPending) return;
      submitting.current = true;
      submit.mutate(
        { draftId: d.id, version: d.version },
        {
          // The confirmation is not a step: reloading it starts afresh, not on an empty check page.
          onSuccess: () => {
            const next = new URLSearchParams(params);
            next.delete(STEP_PARAM);
            next.delete(CHANGE_PARAM);
            setParams(next, { replace: true });
          },
          onError: onSubmitRefused,
          onSettled: () => {
            submitting.current = false;
          },
        },
      );
    };
    return (
      <div className="narrow">
        {back(d.checklist.length > 0 ? 'documents' : pages.length - 1)}
        {summary}
        <p className="caption">{d.procedureName}</p>
        <h1>{s.checkTitle}</h1>
        <ActingBanner />
        <dl className="summary-list">
          {pages.flatMap((p, i) =>
            p.fields.map((f) => (
              <div className="summary-list__row" key={f.key}>
                <dt>{fieldLabel(f, locale)}</dt>
                <dd>{display(f, answers[f.key], locale) || s.notAnswered}</dd>
                <dd>
                  <button type="button" className="button--link" onClick={() => go(i, { change: true })}>
                    {s.change}
                    <span className="visually-hidden"> {fieldLabel(f, locale)}</span>
                  </button>
                </dd>
              </div>
            )),
          )}
        </dl>
        {d.checklist.length > 0 ? (
          <>
            <h2>{s.documentsHeading}</h2>
            <dl className="summary-list">
              {d.checklist.map((c) => (
                <div className="summary-list__row" key={c.item}>
                  <dt>{c.name}</dt>
                  <dd>{c.document?.filename ?? s.noFile}</dd>
                  <dd>
                    <button
                      type="button"
                      className="button--link"
                      onClick={() => go('documents', { change: true })}
                    >
                      {s.change}
                      <span className="visually-hidden"> {c.name}</span>
                    </button>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        <p>{s.submitLead}</p>
        <form onSubmit={onSubmit} noValidate>
          <SubmitButton busy={submit.isPending} busyLabel={s.submitting}>
            {s.submit}
          </SubmitButton>
        </form>
      </div>
    );
  }

  const p = pages[shown]!;
  const keys = p.fields.map((f) => f.key);
  const onNext = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const found = validateAnswers(d.form, answers, locale, { keys });
    if (found.length > 0)
      return errors.show(found.map((e) => ({ path: `answers.${e.path}`, message: e.message })));
    const mine = Object.fromEntries(
      keys.filter((k) => answers[k] !== undefined).map((k) => [k, answers[k]!]),
    );
    save.mutate(
      { draftId: d.id, version: d.version, answers: mine, page: keys },
      {
        onSuccess: () =>
          go(
            changing
              ? 'check'
              : shown + 1 < pages.length
                ? shown + 1
                : d.checklist.length > 0
                  ? 'documents'
                  : 'check',
          ),
        onError: showServerErrors,
      },
    );
  };
  const set = (key: string, value: string | string[]) => setTyped((a) => ({ ...a, [key]: value }));
  const single = p.fields.length === 1;
  return (
    <div className="narrow">
      {back(changing ? 'check' : shown === 0 ? null : shown - 1)}
      {summary}
      <p className="caption">{d.procedureName}</p>
      {single ? null : <h1>{locale === 'en' ? (p.titleEn ?? p.titleVi) : p.titleVi}</h1>}
      <form onSubmit={onNext} noValidate>
        {p.fields.map((f) => (
          <Field
            key={f.key}
            field={f}
            locale={locale}
            asHeading={single}
            value={answers[f.key]}
            error={errors.fields[`answers.${f.key}`]}
            onChange={(v) => set(f.key, v)}
          />
        ))}
        <SubmitButton busy={save.isPending} busyLabel={s.submitting}>
          {s.continue}
        </SubmitButton>
      </form>
    </div>
  );
}

function display(f: EformField, v: unknown, locale: 'vi' | 'en'): string {
  const label = (value: string) => {
    const o = f.options?.find((x) => x.value === value);
    return o ? (locale === 'en' ? (o.labelEn ?? o.labelVi) : o.labelVi) : value;
  };
  if (Array.isArray(v)) return v.map(label).join(', ');
  return f.options ? label(asText(v)) : asText(v);
}

function Field({
  field: f,
  locale,
  value,
  error,
  asHeading,
  onChange,
}: {
  field: EformField;
  locale: 'vi' | 'en';
  value: unknown;
  error?: string | undefined;
  asHeading: boolean;
  onChange: (v: string | string[]) => void;
}) {
  const label = fieldLabel(f, locale);
  const hint = (locale === 'en' ? f.hintEn : undefined) ?? f.hintVi;
  const id = fieldId(`answers.${f.key}`);
  const shownLabel = asHeading ? <h1 className="label--heading">{label}</h1> : label;
  const common = { id, label: shownLabel, hint, error, optional: !f.required, name: f.key };
  const options = (f.options ?? []).map((o) => ({
    value: o.value,
    label: locale === 'en' ? (o.labelEn ?? o.labelVi) : o.labelVi,
  }));
  switch (f.type) {
    case 'textarea':
      return <TextArea {...common} value={asText(value)} onChange={(e) => onChange(e.target.value)} />;
    case 'radio':
      return (
        <Radios
          name={`answers.${f.key}`}
          legend={shownLabel}
          hint={hint}
          options={options}
          value={asText(value)}
          onChange={onChange}
          error={error}
        />
      );
    case 'select':
      return (
        <SelectField
          {...common}
          options={options}
          placeholder=""
          value={asText(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'checkbox': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset className={`form-group fieldset ${error ? 'form-group--error' : ''}`} id={id}>
          <legend className="fieldset__legend">{shownLabel}</legend>
          {error ? <p className="error-message">{error}</p> : null}
          {options.map((o) => (
            <div className="checkbox" key={o.value}>
              <input
                type="checkbox"
                id={`${id}-${o.value}`}
                checked={chosen.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))
                }
              />
              <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </fieldset>
      );
    }
    default: {
      const input: Record<
        string,
        { type: string; inputMode?: 'numeric' | 'tel' | 'email'; autoComplete?: string }
      > = {
        number: { type: 'text', inputMode: 'numeric' },
        id_number: { type: 'text', inputMode: 'numeric' },
        phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
        email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
        date: { type: 'text' },
      };
      return (
        <TextField
          {...common}
          {...(input[f.type] ?? { type: 'text' })}
          spellCheck={false}
          value={asText(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
  }
}
