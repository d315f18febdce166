import {
  CODE_KINDS,
  DOCUMENT_FORMS,
  HOURS_PER_WORKING_DAY,
  ONLINE_LEVELS,
  PROCEDURE_LEVELS,
  PROCESS_STEP_ROLES,
  type ProcessStepRole,
  RESULT_TYPES,
  REVIEW_FLAGS,
  type ReviewFlag,
  ROLE_LABELS,
  TIME_UNITS,
} from '@motcua/core';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAdminProcedure, useProcedureMutations, type ValidateResult } from '../../api/admin.ts';
import { isApiError } from '../../api/client.ts';
import { useAgencies, useFields } from '../../api/public.ts';
import type { AdminProcedureDetail, DraftProblem } from '../../api/types.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { DateField } from '../../components/DateInput.tsx';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  InlineError,
  isIsoDate,
  normalisePath,
  problemToErrors,
  readableMessage,
  SelectField,
  SubmitButton,
  type SummaryItem,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, Loading, StatusTag, usePageTitle } from '../../components/ui.tsx';
import { useFlash } from '../../components/useFlash.tsx';
import { formatDate, formatDateTime, formatNumber, formatProcessingTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { EformEditor } from './EformEditor.tsx';
import {
  emptyForm,
  type FormState,
  fromContent,
  newKey,
  numberProblems,
  parseNumber,
  toContent,
} from './procedureForm.ts';

const OTHER_FIELD = '__other__';

export default function ProcedureEditorPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const detail = useAdminProcedure(id);

  if (!id) return <Editor key="new" detail={null} />;
  if (detail.isPending) {
    return <Loading />;
  }
  if (detail.isError) {
    if (isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400)) {
      return <NotFoundProcedure />;
    }
    return (
      <>
        <h1>{t.editor.notFound}</h1>
        <LoadError error={detail.error} onRetry={() => detail.refetch()} />
      </>
    );
  }
  return <Editor key={detail.data.id} detail={detail.data} />;
}

function NotFoundProcedure() {
  const { t } = useI18n();
  usePageTitle(t.editor.notFound);
  return (
    <>
      <h1>{t.editor.notFound}</h1>
      <p>
        <Link to={PATHS.procedures}>{t.editor.backToList}</Link>
      </p>
    </>
  );
}

/** Labels of review flags and problem lists. */
function ProblemList({ problems, label }: { problems: { path: string; message: string }[]; label: string }) {
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
        <li key={i}>
          <span className="visually-hidden">{label}: </span>
          {p.path ? <a href={`#${fieldId(p.path)}`}>{p.message}</a> : p.message}
        </li>
      ))}
    </ul>
  );
}

function Editor({ detail }: { detail: AdminProcedureDetail | null }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const agencies = useAgencies();
  const fields = useFields();
  const { create, saveDraft, validate } = useProcedureMutations();
  const errors = useFormErrors();

  const source = detail?.draft?.content ?? detail?.published?.content ?? null;
  const [form, setForm] = useState<FormState>(() => (source ? fromContent(source) : emptyForm()));
  const [saved, setSaved] = useState(() => JSON.stringify(toContent(form)));
  const flash = useFlash((location.state as { notice?: string } | null)?.notice);
  const [checked, setChecked] = useState<ValidateResult | null>(null);

  // A new procedure: preselect the agency when there is only one.
  const agencyItems = agencies.data?.items ?? [];
  useEffect(() => {
    if (!detail && !form.agencyCode && agencyItems.length === 1 && agencyItems[0]) {
      const code = agencyItems[0].code;
      setForm((f) => ({ ...f, agencyCode: code }));
      setSaved((s) => JSON.stringify({ ...JSON.parse(s), agencyCode: code }));
    }
  }, [agencyItems, detail, form.agencyCode]);

  const title = detail
    ? t.editor.editTitle(detail.published?.content.name ?? detail.draft?.content.name ?? '')
    : t.editor.createTitle;
  usePageTitle(title);

  const content = useMemo(() => toContent(form), [form]);
  const dirty = JSON.stringify(content) !== saved;
  const busy = create.isPending || saveDraft.isPending;
  const readOnly = detail?.status === 'abolished';

  const say = (message: string) => flash.show(message);

  function onSave(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    flash.clear();
    setChecked(null);
    if (!errors.check(numberProblems(form, t))) return;
    const body = toContent(form);
    const onError = (err: unknown) => errors.fromError(err);
    if (!detail) {
      create.mutate(body, {
        onSuccess: (created) => {
          setSaved(JSON.stringify(body));
          navigate(PATHS.editProcedure(created.id), { replace: true, state: { notice: t.editor.created } });
        },
        onError,
      });
    } else {
      saveDraft.mutate(
        { id: detail.id, content: body },
        {
          onSuccess: () => {
            setSaved(JSON.stringify(body));
            say(t.editor.saved);
          },
          onError,
        },
      );
    }
  }

  function onValidate() {
    if (validate.isPending) return;
    flash.clear();
    if (!errors.check(numberProblems(form, t))) return;
    validate.mutate(toContent(form), {
      onSuccess: (r) => {
        setChecked(r);
        const errs = r.errors ?? [];
        if (errs.length > 0) errors.show(errs);
        else {
          errors.clear();
          say(t.editor.validOk);
        }
      },
      onError: errors.fromError,
    });
  }

  const fe = errors.fields;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  // Field choice: one of the known fields, or a new code typed in.
  const fieldItems = fields.data?.items ?? [];
  const knownField = fieldItems.some((f) => f.code === form.fieldCode);
  const [otherField, setOtherField] = useState(false);
  const showOther = otherField || (!!form.fieldCode && fields.isSuccess && !knownField);

  const agencyOptions = agencyItems.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }));
  if (form.agencyCode && !agencyItems.some((a) => a.code === form.agencyCode)) {
    agencyOptions.push({ value: form.agencyCode, label: form.agencyCode });
  }

  const stepHours = form.steps.reduce((sum, s) => sum + (parseNumber(s.hours) || 0), 0);
  const timeValue = parseNumber(form.time.value);
  const totalHours =
    timeValue === null || Number.isNaN(timeValue)
      ? null
      : form.time.unit === 'working_hours'
        ? timeValue
        : form.time.unit === 'working_days'
          ? timeValue * HOURS_PER_WORKING_DAY
          : null;

  return (
    <>
      <BackLink to={PATHS.procedures}>{t.editor.backToList}</BackLink>
      {flash.notice}
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <h1>{title}</h1>

      {detail ? <StatusBlock detail={detail} /> : null}

      {detail ? (
        <nav className="contents" aria-label={t.editor.tabs}>
          <ul className="contents__list contents__list--inline">
            <li>
              <a href="#noi-dung">{t.editor.contentTitle}</a>
            </li>
            {detail.draft ? (
              <li>
                <a href="#cong-bo">{t.editor.publishTitle}</a>
              </li>
            ) : null}
            {detail.published && detail.status !== 'abolished' ? (
              <li>
                <a href="#bai-bo">{t.editor.abolishTitle}</a>
              </li>
            ) : null}
            <li>
              <a href="#lich-su">{t.editor.history}</a>
            </li>
          </ul>
        </nav>
      ) : null}

      <form onSubmit={onSave} noValidate aria-labelledby="noi-dung" className="editor">
        <h2 id="noi-dung" className="visually-hidden">
          {t.editor.contentTitle}
        </h2>
        {/* An abolished procedure is kept for reference only: every control is disabled. */}
        <fieldset className="fieldset" disabled={readOnly}>
          <legend className="visually-hidden">{t.editor.contentTitle}</legend>

          <Section id="f-general" title={t.editor.general}>
            <div className="form-row">
              <TextField
                id="f-code"
                label={t.editor.code}
                hint={t.editor.codeHint}
                value={form.code}
                onChange={(e) => set('code', e.target.value)}
                error={fe.code}
                spellCheck={false}
              />
              <SelectField
                id="f-codeKind"
                label={t.editor.codeKind}
                value={form.codeKind}
                onChange={(e) => set('codeKind', e.target.value as FormState['codeKind'])}
                options={CODE_KINDS.map((k) => ({ value: k, label: t.codeKind[k] }))}
                error={fe.codeKind}
              />
            </div>
            <TextArea
              id="f-name"
              label={t.editor.name}
              rows={2}
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
              error={fe.name}
            />
            <div className="form-row">
              <SelectField
                id="f-fieldCode"
                label={t.editor.fieldCode}
                hint={t.editor.fieldCodeHint}
                value={showOther ? OTHER_FIELD : form.fieldCode}
                onChange={(e) => {
                  if (e.target.value === OTHER_FIELD) {
                    setOtherField(true);
                    set('fieldCode', '');
                  } else {
                    setOtherField(false);
                    set('fieldCode', e.target.value);
                  }
                }}
                placeholder={t.editor.chooseField}
                options={[
                  ...fieldItems.map((f) => ({ value: f.code, label: f.name })),
                  { value: OTHER_FIELD, label: t.editor.fieldNameUnknown },
                ]}
                error={showOther ? undefined : fe.fieldCode}
              />
              {showOther ? (
                <TextField
                  id="f-fieldCode-other"
                  label={t.editor.newFieldCode}
                  value={form.fieldCode}
                  onChange={(e) => set('fieldCode', e.target.value)}
                  error={fe.fieldCode}
                  spellCheck={false}
                />
              ) : null}
            </div>
            <div className="form-row">
              <SelectField
                id="f-agencyCode"
                label={t.editor.agencyCode}
                value={form.agencyCode}
                onChange={(e) => set('agencyCode', e.target.value)}
                placeholder={t.editor.chooseAgency}
                options={agencyOptions}
                error={fe.agencyCode}
              />
              <SelectField
                id="f-level"
                label={t.editor.level}
                value={form.level}
                onChange={(e) => set('level', e.target.value as FormState['level'])}
                options={PROCEDURE_LEVELS.map((l) => ({ value: l, label: t.level[l] }))}
                error={fe.level}
              />
            </div>
            <TextArea
              id="f-applicants"
              label={t.editor.applicants}
              optional
              rows={2}
              value={form.applicants}
              onChange={(e) => set('applicants', e.target.value)}
              error={fe.applicants}
            />
            <TextArea
              id="f-conditions"
              label={t.editor.conditions}
              optional
              value={form.conditions}
              onChange={(e) => set('conditions', e.target.value)}
              error={fe.conditions}
            />
          </Section>

          <Section id="f-processingTime" title={t.editor.processingTime} error={fe.processingTime}>
            <div className="form-row">
              <TextField
                id="f-processingTime-value"
                label={t.editor.timeValue}
                hint={t.editor.timeValueHint}
                inputMode="decimal"
                value={form.time.value}
                onChange={(e) => set('time', { ...form.time, value: e.target.value })}
                error={fe['processingTime.value']}
                className="input-width-10"
              />
              <SelectField
                id="f-processingTime-unit"
                label={t.editor.timeUnit}
                value={form.time.unit}
                onChange={(e) =>
                  set('time', { ...form.time, unit: e.target.value as FormState['time']['unit'] })
                }
                options={TIME_UNITS.map((u) => ({ value: u, label: t.timeUnit[u] }))}
                error={fe['processingTime.unit']}
              />
            </div>
            <TextField
              id="f-processingTime-note"
              label={t.editor.timeNote}
              optional
              value={form.time.note}
              onChange={(e) => set('time', { ...form.time, note: e.target.value })}
              error={fe['processingTime.note']}
            />
          </Section>

          <Section id="f-legalBasis" title={t.editor.legalBasis} error={fe.legalBasis}>
            {form.legalBasis.map((l, i) => (
              <div className="repeat repeat--inline" key={l.key}>
                <TextField
                  id={`f-legalBasis-${i}`}
                  label={t.editor.legalBasisItem(i + 1)}
                  hint={i === 0 ? t.editor.legalBasisHint : undefined}
                  value={l.text}
                  onChange={(e) =>
                    set(
                      'legalBasis',
                      form.legalBasis.map((x) => (x.key === l.key ? { ...x, text: e.target.value } : x)),
                    )
                  }
                  error={fe[`legalBasis[${i}]`]}
                />
                <RemoveButton
                  label={t.editor.removeItem(t.editor.legalBasisItem(i + 1))}
                  onClick={() =>
                    set(
                      'legalBasis',
                      form.legalBasis.filter((x) => x.key !== l.key),
                    )
                  }
                />
              </div>
            ))}
            <AddButton
              label={t.editor.addLegalBasis}
              focusId={`f-legalBasis-${form.legalBasis.length}`}
              onClick={() => set('legalBasis', [...form.legalBasis, { key: newKey(), text: '' }])}
            />
          </Section>

          <Section id="f-documents" title={t.editor.documents} error={fe.documents}>
            {form.documents.length === 0 ? <p className="muted">{t.editor.noDocuments}</p> : null}
            {form.documents.map((d, i) => {
              const update = (patch: Partial<FormState['documents'][number]>) =>
                set(
                  'documents',
                  form.documents.map((x) => (x.key === d.key ? { ...x, ...patch } : x)),
                );
              return (
                <fieldset className="repeat" key={d.key}>
                  <legend className="repeat__legend">{t.editor.documentItem(i + 1)}</legend>
                  <InlineError id={`f-documents-${i}`} error={fe[`documents[${i}]`]} />
                  <TextArea
                    id={`f-documents-${i}-name`}
                    label={t.editor.docName}
                    rows={2}
                    value={d.name}
                    onChange={(e) => update({ name: e.target.value })}
                    error={fe[`documents[${i}].name`]}
                  />
                  <div className="form-row">
                    <TextField
                      id={`f-documents-${i}-copies`}
                      label={t.editor.docCopies}
                      inputMode="numeric"
                      value={d.copies}
                      onChange={(e) => update({ copies: e.target.value })}
                      error={fe[`documents[${i}].copies`]}
                      className="input-width-5"
                    />
                    <SelectField
                      id={`f-documents-${i}-form`}
                      label={t.editor.docForm}
                      value={d.form}
                      onChange={(e) =>
                        update({ form: e.target.value as FormState['documents'][number]['form'] })
                      }
                      options={DOCUMENT_FORMS.map((f) => ({ value: f, label: t.documentForm[f] }))}
                      error={fe[`documents[${i}].form`]}
                    />
                  </div>
                  <TextField
                    id={`f-documents-${i}-template`}
                    label={t.editor.docTemplate}
                    optional
                    value={d.template}
                    onChange={(e) => update({ template: e.target.value })}
                    error={fe[`documents[${i}].template`]}
                  />
                  <Checkbox
                    id={`f-documents-${i}-required`}
                    label={t.editor.docRequired}
                    checked={d.required}
                    onChange={(e) => update({ required: e.target.checked })}
                    error={fe[`documents[${i}].required`]}
                  />
                  <RemoveButton
                    label={t.editor.removeItem(t.editor.documentItem(i + 1))}
                    onClick={() =>
                      set(
                        'documents',
                        form.documents.filter((x) => x.key !== d.key),
                      )
                    }
                  />
                </fieldset>
              );
            })}
            <AddButton
              label={t.editor.addDocument}
              focusId={`f-documents-${form.documents.length}-name`}
              onClick={() =>
                set('documents', [
                  ...form.documents,
                  { key: newKey(), name: '', copies: '1', form: 'original', required: true, template: '' },
                ])
              }
            />
          </Section>

          <Section id="f-fees" title={t.editor.fees} error={fe.fees}>
            {form.fees.length === 0 ? <p className="muted">{t.editor.noFees}</p> : null}
            {form.fees.map((x, i) => {
              const update = (patch: Partial<FormState['fees'][number]>) =>
                set(
                  'fees',
                  form.fees.map((y) => (y.key === x.key ? { ...y, ...patch } : y)),
                );
              return (
                <fieldset className="repeat" key={x.key}>
                  <legend className="repeat__legend">{t.editor.feeItem(i + 1)}</legend>
                  <TextField
                    id={`f-fees-${i}-name`}
                    label={t.editor.feeName}
                    value={x.name}
                    onChange={(e) => update({ name: e.target.value })}
                    error={fe[`fees[${i}].name`]}
                  />
                  <TextField
                    id={`f-fees-${i}-amountVnd`}
                    label={t.editor.feeAmount}
                    hint={t.editor.feeAmountHint}
                    inputMode="numeric"
                    value={x.amount}
                    onChange={(e) => update({ amount: e.target.value })}
                    error={fe[`fees[${i}].amountVnd`]}
                    className="input-width-10"
                  />
                  <TextField
                    id={`f-fees-${i}-note`}
                    label={t.editor.feeNote}
                    optional
                    value={x.note}
                    onChange={(e) => update({ note: e.target.value })}
                    error={fe[`fees[${i}].note`]}
                  />
                  <RemoveButton
                    label={t.editor.removeItem(t.editor.feeItem(i + 1))}
                    onClick={() =>
                      set(
                        'fees',
                        form.fees.filter((y) => y.key !== x.key),
                      )
                    }
                  />
                </fieldset>
              );
            })}
            <AddButton
              label={t.editor.addFee}
              focusId={`f-fees-${form.fees.length}-name`}
              onClick={() => set('fees', [...form.fees, { key: newKey(), name: '', amount: '', note: '' }])}
            />
          </Section>

          <Section id="f-result" title={t.editor.result}>
            <div className="form-row">
              <SelectField
                id="f-resultType"
                label={t.editor.resultType}
                value={form.resultType}
                onChange={(e) => set('resultType', e.target.value as FormState['resultType'])}
                options={RESULT_TYPES.map((r) => ({ value: r, label: t.resultType[r] }))}
                error={fe.resultType}
              />
              <SelectField
                id="f-onlineLevel"
                label={t.editor.onlineLevel}
                value={form.onlineLevel}
                onChange={(e) => set('onlineLevel', e.target.value as FormState['onlineLevel'])}
                options={ONLINE_LEVELS.map((l) => ({ value: l, label: t.onlineLevel[l] }))}
                error={fe.onlineLevel}
              />
            </div>
            <TextField
              id="f-resultName"
              label={t.editor.resultName}
              optional
              value={form.resultName}
              onChange={(e) => set('resultName', e.target.value)}
              error={fe.resultName}
            />
            <Checkbox
              id="f-postalAllowed"
              label={t.editor.postalAllowed}
              checked={form.postalAllowed}
              onChange={(e) => set('postalAllowed', e.target.checked)}
              error={fe.postalAllowed}
            />
            <TextArea
              id="f-howToApply"
              label={t.editor.howToApply}
              optional
              value={form.howToApply}
              onChange={(e) => set('howToApply', e.target.value)}
              error={fe.howToApply}
            />
          </Section>

          <Section id="f-steps" title={t.editor.steps} error={fe.steps}>
            {form.steps.length > 0 ? (
              <p className="hint">
                {t.editor.stepsHint(
                  formatNumber(stepHours, locale),
                  totalHours === null
                    ? formatProcessingTime(
                        {
                          value: timeValue === null || Number.isNaN(timeValue) ? null : timeValue,
                          unit: form.time.unit,
                        },
                        t,
                        locale,
                      )
                    : t.time.working_hours(formatNumber(totalHours, locale)),
                )}
              </p>
            ) : (
              <p className="muted">{t.editor.noSteps}</p>
            )}
            {form.steps.map((s, i) => {
              const update = (patch: Partial<FormState['steps'][number]>) =>
                set(
                  'steps',
                  form.steps.map((y) => (y.key === s.key ? { ...y, ...patch } : y)),
                );
              const move = (delta: number) => {
                const next = [...form.steps];
                const [item] = next.splice(i, 1);
                if (!item) return;
                next.splice(i + delta, 0, item);
                set('steps', next);
              };
              return (
                <fieldset className="repeat" key={s.key}>
                  <legend className="repeat__legend">{t.editor.stepItem(i + 1)}</legend>
                  <TextField
                    id={`f-steps-${i}-name`}
                    label={t.editor.stepName}
                    value={s.name}
                    onChange={(e) => update({ name: e.target.value })}
                    error={fe[`steps[${i}].name`]}
                  />
                  <div className="form-row">
                    <SelectField
                      id={`f-steps-${i}-role`}
                      label={t.editor.stepRole}
                      value={s.role}
                      placeholder={t.users.chooseRole}
                      onChange={(e) => update({ role: e.target.value as ProcessStepRole | '' })}
                      options={PROCESS_STEP_ROLES.map((r) => ({
                        value: r,
                        label: ROLE_LABELS[r][locale],
                      }))}
                      error={fe[`steps[${i}].role`]}
                    />
                    <TextField
                      id={`f-steps-${i}-hours`}
                      label={t.editor.stepHours}
                      inputMode="decimal"
                      value={s.hours}
                      onChange={(e) => update({ hours: e.target.value })}
                      error={fe[`steps[${i}].hours`]}
                      className="input-width-5"
                    />
                  </div>
                  <TextField
                    id={`f-steps-${i}-unitCode`}
                    label={t.editor.stepUnit}
                    hint={t.editor.stepUnitHint}
                    optional
                    value={s.unitCode}
                    onChange={(e) => update({ unitCode: e.target.value })}
                    error={fe[`steps[${i}].unitCode`]}
                    spellCheck={false}
                    className="input-width-20"
                  />
                  <div className="button-group button-group--tight">
                    {i > 0 ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => move(-1)}
                      >
                        <span aria-hidden="true">↑ </span>
                        {t.editor.moveUp(i + 1)}
                      </button>
                    ) : null}
                    {i < form.steps.length - 1 ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => move(1)}
                      >
                        <span aria-hidden="true">↓ </span>
                        {t.editor.moveDown(i + 1)}
                      </button>
                    ) : null}
                    <RemoveButton
                      label={t.editor.removeItem(t.editor.stepItem(i + 1))}
                      onClick={() =>
                        set(
                          'steps',
                          form.steps.filter((y) => y.key !== s.key),
                        )
                      }
                    />
                  </div>
                </fieldset>
              );
            })}
            <AddButton
              label={t.editor.addStep}
              focusId={`f-steps-${form.steps.length}-name`}
              onClick={() =>
                set('steps', [...form.steps, { key: newKey(), name: '', role: '', unitCode: '', hours: '' }])
              }
            />
          </Section>

          <Section id="f-publication" title={t.editor.publication} error={fe.publication}>
            <div className="form-row">
              <TextField
                id="f-publication-decisionNumber"
                label={t.editor.decisionNumber}
                hint={t.editor.decisionNumberHint}
                value={form.publication.decisionNumber}
                onChange={(e) => set('publication', { ...form.publication, decisionNumber: e.target.value })}
                error={fe['publication.decisionNumber']}
              />
              <DateField
                id="f-publication-date"
                label={t.editor.decisionDate}
                value={form.publication.date}
                onChange={(v) => set('publication', { ...form.publication, date: v })}
                error={fe['publication.date']}
                className="input-width-10"
              />
            </div>
          </Section>

          <Section id="f-needsReview" title={t.editor.needsReview} error={fe.needsReview}>
            <fieldset className="fieldset">
              <legend className="visually-hidden">{t.editor.needsReview}</legend>
              <div className="hint">{t.editor.needsReviewHint}</div>
              <div className="checkbox-group">
                {REVIEW_FLAGS.map((flag: ReviewFlag) => (
                  <Checkbox
                    key={flag}
                    id={`f-needsReview-${flag}`}
                    label={t.reviewFlag[flag]}
                    checked={form.needsReview.includes(flag)}
                    onChange={(e) =>
                      set(
                        'needsReview',
                        e.target.checked
                          ? REVIEW_FLAGS.filter((f) => f === flag || form.needsReview.includes(f))
                          : form.needsReview.filter((f) => f !== flag),
                      )
                    }
                  />
                ))}
              </div>
            </fieldset>
          </Section>

          {checked && (checked.errors ?? []).length === 0 ? (
            <ProblemsBlock problems={checked.problems ?? []} />
          ) : null}
        </fieldset>

        {readOnly ? null : (
          <div className="action-bar">
            {dirty ? (
              <p className="action-bar__status" role="status">
                {t.editor.unsaved}
              </p>
            ) : null}
            <div className="button-group">
              <SubmitButton busy={busy} busyLabel={t.editor.savingDraft}>
                {t.editor.saveDraft}
              </SubmitButton>
              <SubmitButton
                type="button"
                variant="secondary"
                busy={validate.isPending}
                busyLabel={t.editor.validating}
                onClick={onValidate}
              >
                {t.editor.validate}
              </SubmitButton>
            </div>
          </div>
        )}
      </form>

      {detail?.draft ? <PublishSection detail={detail} dirty={dirty} onDone={say} /> : null}
      {detail?.published && detail.status !== 'abolished' ? (
        <AbolishSection detail={detail} onDone={say} />
      ) : null}
      {detail ? <EformEditor procedureId={detail.id} /> : null}
      {detail ? <History detail={detail} /> : null}
    </>
  );
}

function Section({
  id,
  title,
  error,
  children,
}: {
  id: string;
  title: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <section className="form-section" id={id} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="form-section__title">
        {title}
      </h3>
      <InlineError id={id} error={error} />
      {children}
    </section>
  );
}

/** Adds a row, then moves focus to the new row's first field. */
function AddButton({ label, focusId, onClick }: { label: string; focusId: string; onClick: () => void }) {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current) {
      document.getElementById(pending.current)?.focus();
      pending.current = null;
    }
  });
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => {
        pending.current = focusId;
        onClick();
      }}
    >
      <span aria-hidden="true">+ </span>
      {label}
    </button>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--link button--small" onClick={onClick}>
      {label}
    </button>
  );
}

function StatusBlock({ detail }: { detail: AdminProcedureDetail }) {
  const { t, locale } = useI18n();
  return (
    <div className="status-block">
      <p>
        <StatusTag status={detail.status} />
        {detail.agency ? <span className="muted"> {detail.agency.name}</span> : null}
      </p>
      {detail.status === 'abolished' && detail.published ? (
        <p>
          {t.editor.abolishedVersion(
            detail.published.version,
            formatDate(
              detail.versions.find((v) => v.version === detail.published?.version)?.effectiveTo,
              locale,
            ),
          )}
        </p>
      ) : detail.published ? (
        <p>
          {t.editor.publishedVersion(
            detail.published.version,
            formatDate(detail.published.effectiveFrom ?? detail.published.publishedAt, locale),
          )}{' '}
          {detail.status !== 'abolished' ? (
            <Link to={PATHS.procedure(detail.id)}>{t.editor.viewPublic}</Link>
          ) : null}
        </p>
      ) : null}
      {detail.status === 'abolished' ? (
        <p>{t.editor.abolishedNote}</p>
      ) : (
        <p>{detail.draft ? t.editor.draftVersion(detail.draft.version) : t.editor.noDraft}</p>
      )}
    </div>
  );
}

function ProblemsBlock({ problems }: { problems: DraftProblem[] | ValidateResult['problems'] }) {
  const { t } = useI18n();
  const errs = problems.filter((p) => p.severity === 'error');
  const warns = problems.filter((p) => p.severity === 'warning');
  return (
    <div className="problems">
      {errs.length === 0 ? (
        <p className="problems__ok">
          <span aria-hidden="true">✓ </span>
          {t.editor.noProblems}
        </p>
      ) : (
        <div className="notice notice--error">
          <p className="notice__title">{t.editor.problemsTitle}</p>
          <ProblemList
            problems={errs.map((p) => ({
              path: normalisePath(p.path),
              message: readableMessage(p.message, p.path),
            }))}
            label={t.editor.errorLabel}
          />
        </div>
      )}
      {warns.length > 0 ? (
        <div className="notice notice--warning">
          <p className="notice__title">{t.editor.warningsTitle}</p>
          <ProblemList
            problems={warns.map((p) => ({
              path: normalisePath(p.path),
              message: readableMessage(p.message, p.path),
            }))}
            label={t.editor.warningLabel}
          />
        </div>
      ) : null}
    </div>
  );
}

function PublishSection({
  detail,
  dirty,
  onDone,
}: {
  detail: AdminProcedureDetail;
  dirty: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const { publish } = useProcedureMutations();
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [fields, setFields] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const problems = detail.draft?.problems ?? [];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (publish.isPending) return;
    setAttempt((n) => n + 1);
    if (dirty) {
      setSummary([{ path: '', message: t.editor.saveBeforePublish }]);
      return;
    }
    if (effectiveFrom && !isIsoDate(effectiveFrom)) {
      setFields({ effectiveFrom: t.validation.dateInvalid });
      setSummary([{ path: 'publish-effectiveFrom', message: t.validation.dateInvalid }]);
      return;
    }
    setFields({});
    setSummary([]);
    publish.mutate(
      { id: detail.id, ...(effectiveFrom ? { effectiveFrom } : {}) },
      {
        onSuccess: (r) => {
          onDone(t.editor.published(r.published?.version ?? detail.draft?.version ?? 0));
          window.scrollTo(0, 0);
        },
        onError: (err) => {
          const r = problemToErrors(err, t);
          const f: FieldErrors = {};
          if (r.fields.effectiveFrom) f.effectiveFrom = r.fields.effectiveFrom;
          setFields(f);
          setSummary(
            r.summary.map((s) => (s.path === 'effectiveFrom' ? { ...s, path: 'publish-effectiveFrom' } : s)),
          );
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  return (
    <section className="panel panel--section" aria-labelledby="cong-bo">
      <h2 id="cong-bo">{t.editor.publishTitle}</h2>
      <ErrorSummary items={summary} focusKey={attempt} title={t.editor.publishBlocked} />
      <p>{t.editor.publishLead}</p>
      <ProblemsBlock problems={problems} />
      <form onSubmit={onSubmit} noValidate>
        <DateField
          id="f-publish-effectiveFrom"
          label={t.editor.effectiveFrom}
          hint={t.editor.effectiveFromHint}
          optional
          value={effectiveFrom}
          onChange={(v) => setEffectiveFrom(v)}
          error={fields.effectiveFrom}
          className="input-width-10"
        />
        {dirty ? <p className="warning-text">{t.editor.saveBeforePublish}</p> : null}
        <SubmitButton busy={publish.isPending} busyLabel={t.editor.publishing}>
          {t.editor.publish}
        </SubmitButton>
      </form>
    </section>
  );
}

function AbolishSection({
  detail,
  onDone,
}: {
  detail: AdminProcedureDetail;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const { abolish } = useProcedureMutations();
  const errors = useFormErrors();
  const [effectiveTo, setEffectiveTo] = useState('');
  const [confirm, setConfirm] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (abolish.isPending) return;
    const errs: FieldErrors = {};
    if (effectiveTo && !isIsoDate(effectiveTo)) errs['abolish-effectiveTo'] = t.validation.dateInvalid;
    if (!confirm) errs['abolish-confirm'] = t.editor.abolishConfirmRequired;
    if (!errors.check(errs)) return;
    abolish.mutate(
      { id: detail.id, ...(effectiveTo ? { effectiveTo } : {}) },
      {
        onSuccess: () => {
          onDone(t.editor.abolished);
          window.scrollTo(0, 0);
        },
        onError: (err) => errors.fromError(err),
      },
    );
  }

  return (
    <section className="panel panel--section" aria-labelledby="bai-bo">
      <h2 id="bai-bo">{t.editor.abolishTitle}</h2>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <p>{t.editor.abolishLead}</p>
      <form onSubmit={onSubmit} noValidate>
        <DateField
          id="f-abolish-effectiveTo"
          label={t.editor.effectiveTo}
          hint={t.editor.effectiveToHint}
          optional
          value={effectiveTo}
          onChange={(v) => setEffectiveTo(v)}
          error={errors.fields['abolish-effectiveTo'] ?? errors.fields.effectiveTo}
          className="input-width-10"
        />
        <Checkbox
          id="f-abolish-confirm"
          label={t.editor.abolishConfirm}
          checked={confirm}
          onChange={(e) => setConfirm(e.target.checked)}
          error={errors.fields['abolish-confirm']}
        />
        <SubmitButton busy={abolish.isPending} busyLabel={t.editor.abolishing} variant="warning">
          {t.editor.abolish}
        </SubmitButton>
      </form>
    </section>
  );
}

function History({ detail }: { detail: AdminProcedureDetail }) {
  const { t, locale } = useI18n();
  const versions = [...(detail.versions ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="lich-su" className="history">
      <h2 id="lich-su">{t.editor.history}</h2>
      {versions.length === 0 ? (
        <p>{t.editor.noHistory}</p>
      ) : (
        <StackTable
          caption={t.editor.history}
          columns={[
            t.editor.historyVersion,
            t.editor.historyState,
            t.editor.historyFrom,
            t.editor.historyTo,
            t.editor.historyPublished,
          ]}
        >
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row" data-label={t.editor.historyVersion}>
                {v.version}
              </th>
              <td data-label={t.editor.historyState}>{t.versionState[v.state] ?? v.state}</td>
              <td data-label={t.editor.historyFrom}>{formatDate(v.effectiveFrom, locale) || '–'}</td>
              <td data-label={t.editor.historyTo}>{formatDate(v.effectiveTo, locale) || '–'}</td>
              <td data-label={t.editor.historyPublished}>{formatDateTime(v.publishedAt, locale) || '–'}</td>
            </tr>
          ))}
        </StackTable>
      )}
    </section>
  );
}
