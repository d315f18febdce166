import {
  EFORM_FIELD_TYPES,
  type Eform,
  type EformField,
  type EformFieldType,
  type eformResponse,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import {
  Checkbox,
  ErrorSummary,
  fieldId,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { Notice } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';

type EformAnswer = z.infer<typeof eformResponse>;
type Row = EformField & { optionsText: string; pageTitle: string };

const toRows = (form: Eform | null): Row[] =>
  (form?.pages ?? []).flatMap((p) =>
    p.fields.map((f) => ({
      ...f,
      pageTitle: p.fields.length === 1 ? '' : p.titleVi,
      optionsText: (f.options ?? []).map((o) => `${o.value}=${o.labelVi}`).join('\n'),
    })),
  );

const CHOICES = new Set<EformFieldType>(['select', 'radio', 'checkbox']);

/** Rows back to a form: each question its own page (one thing per page); options from their lines. */
function toForm(rows: Row[]): Eform {
  return {
    pages: rows.map(({ optionsText, pageTitle, ...f }) => {
      const field: EformField = { ...f };
      if (CHOICES.has(f.type))
        field.options = optionsText
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [value, ...label] = l.split('=');
            return { value: (value ?? '').trim(), labelVi: (label.join('=') || value || '').trim() };
          });
      else delete field.options;
      if (!field.labelEn) delete field.labelEn;
      if (!field.hintVi) delete field.hintVi;
      return { titleVi: pageTitle || f.labelVi, fields: [field] };
    }),
  };
}

/**
 * The procedure editor's e-form section: the questions a citizen answers online, added, removed,
 * reordered and worded here, saved through PUT /api/v1/admin/procedures/{id}/eform, which checks
 * them with core's eformSchema (its messages shown next to the field and in the summary).
 */
export function EformEditor({ procedureId }: { procedureId: string }) {
  const t = useT();
  const e = t.onlineSubmit.editor;
  const qc = useQueryClient();
  const url = `/api/v1/admin/procedures/${encodeURIComponent(procedureId)}/eform`;
  const current = useQuery({
    queryKey: ['admin', 'eform', procedureId],
    queryFn: () => api<EformAnswer>(url),
  });
  const save = useMutation({
    mutationFn: (form: Eform) => api<EformAnswer>(url, { method: 'PUT', body: { form } }),
    onSuccess: (data) => qc.setQueryData(['admin', 'eform', procedureId], data),
  });
  const errors = useFormErrors();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && rows === null) setRows(toRows(current.data.form));
  }, [current.data, rows]);
  if (!rows) return null;

  const update = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [r] = next.splice(i, 1);
    next.splice(i + by, 0, r!);
    setRows(next);
  };
  const add = () =>
    setRows([
      ...rows,
      {
        key: `field${rows.length + 1}`,
        type: 'text',
        required: true,
        labelVi: '',
        optionsText: '',
        pageTitle: '',
      },
    ]);
  function onSubmit(ev: FormEvent) {
    ev.preventDefault();
    if (save.isPending) return;
    errors.clear();
    save.mutate(toForm(rows!), { onSuccess: () => setSaved(true), onError: (err) => errors.fromError(err) });
  }
  // Server paths are form.pages[N].fields[0].x: page N is row N.
  const err = (i: number, name: string) => errors.fields[`form.pages[${i}].fields[0].${name}`];

  return (
    <section className="form-section" id="f-eform" aria-labelledby="f-eform-title">
      <h3 id="f-eform-title" className="form-section__title">
        {e.title}
      </h3>
      <p className="hint">{e.lead}</p>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {saved ? <Notice>{e.saved}</Notice> : null}
      {rows.length === 0 ? <p>{e.none}</p> : null}
      <form onSubmit={onSubmit} noValidate>
        {rows.map((r, i) => {
          const id = (name: string) => fieldId(`form.pages.${i}.fields.0.${name}`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: questions have no id until saved; the key can be edited
            <fieldset className="fieldset form-group" key={i}>
              <legend className="fieldset__legend">{e.question(i + 1)}</legend>
              <TextField
                id={id('labelVi')}
                label={e.labelVi}
                value={r.labelVi}
                error={err(i, 'labelVi')}
                onChange={(x) => update(i, { labelVi: x.target.value })}
              />
              <TextField
                id={id('labelEn')}
                label={e.labelEn}
                optional
                value={r.labelEn ?? ''}
                error={err(i, 'labelEn')}
                onChange={(x) => update(i, { labelEn: x.target.value })}
              />
              <TextField
                id={id('hintVi')}
                label={e.hintVi}
                optional
                value={r.hintVi ?? ''}
                error={err(i, 'hintVi')}
                onChange={(x) => update(i, { hintVi: x.target.value })}
              />
              <TextField
                id={id('key')}
                label={e.key}
                hint={e.keyHint}
                value={r.key}
                error={err(i, 'key')}
                spellCheck={false}
                onChange={(x) => update(i, { key: x.target.value })}
              />
              <SelectField
                id={id('type')}
                label={e.type}
                value={r.type}
                options={EFORM_FIELD_TYPES.map((v) => ({ value: v, label: e.types[v] }))}
                onChange={(x) => update(i, { type: x.target.value as EformFieldType })}
              />
              {CHOICES.has(r.type) ? (
                <TextArea
                  id={id('options')}
                  label={e.options}
                  hint={e.optionsHint}
                  value={r.optionsText}
                  error={err(i, 'options')}
                  onChange={(x) => update(i, { optionsText: x.target.value })}
                />
              ) : null}
              <Checkbox
                id={id('required')}
                label={e.required}
                checked={r.required}
                onChange={(x) => update(i, { required: x.target.checked })}
              />
              <div className="button-group">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  {e.up}
                  <span className="visually-hidden"> {e.question(i + 1)}</span>
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {e.down}
                  <span className="visually-hidden"> {e.question(i + 1)}</span>
                </button>
                <button
                  type="button"
                  className="button button--warning"
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  {e.remove}
                  <span className="visually-hidden"> {i + 1}</span>
                </button>
              </div>
            </fieldset>
          );
        })}
        <div className="button-group">
          <button type="button" className="button button--secondary" onClick={add}>
            {e.add}
          </button>
          <SubmitButton busy={save.isPending} busyLabel={e.saving}>
            {e.save}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
