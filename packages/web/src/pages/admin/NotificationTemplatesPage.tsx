import type { NotificationTemplateView } from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const TEMPLATES = '/api/v1/admin/notification-templates';
const KEY = ['admin', 'notification-templates'] as const;
const keyOf = (v: { kind: string; locale: string }) => `${v.kind}/${v.locale}`;

/**
 * /can-bo/quan-tri/mau-thong-bao: the administrator edits a notification template. When an edited
 * template lacks a placeholder the current default uses (the server's missingFromDefault), the page
 * warns and offers to restore the default in one click; nothing changes until they choose.
 */
export default function NotificationTemplatesPage() {
  const { t, locale } = useI18n();
  const n = t.notificationTemplates;
  usePageTitle(n.title);
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => api<{ items: NotificationTemplateView[] }>(TEMPLATES),
  });
  const [chosen, setChosen] = useState('');
  const [draft, setDraft] = useState<{ subject: string; body: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = useFormErrors();
  const change = useMutation({
    mutationFn: (p: { method: 'PUT' | 'DELETE'; key: string; body?: { subject: string; body: string } }) =>
      api<NotificationTemplateView>(`${TEMPLATES}/${p.key}`, { method: p.method, body: p.body }),
    onSuccess: (view) => {
      qc.setQueryData<{ items: NotificationTemplateView[] }>(KEY, (old) =>
        old ? { items: old.items.map((i) => (keyOf(i) === keyOf(view) ? view : i)) } : old,
      );
      setDraft({ subject: view.subject, body: view.body });
    },
  });

  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  const key = chosen || (items[0] ? keyOf(items[0]) : '');
  const current = items.find((i) => keyOf(i) === key);
  const value = draft ?? (current ? { subject: current.subject, body: current.body } : null);

  function onSave(e: FormEvent) {
    e.preventDefault();
    if (!value || change.isPending) return;
    change.mutate(
      { method: 'PUT', key, body: value },
      { onSuccess: () => setDone(n.saved), onError: (err) => errors.fromError(err) },
    );
  }
  function onRestore() {
    if (change.isPending) return;
    change.mutate(
      { method: 'DELETE', key },
      { onSuccess: () => setDone(n.restored), onError: (err) => errors.fromError(err) },
    );
  }

  return (
    <div className="narrow">
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <h1>{n.title}</h1>
      <p>{n.lead}</p>
      <SelectField
        id="f-template"
        label={n.choose}
        value={key}
        options={items.map((i) => ({
          value: keyOf(i),
          label: n.optionLabel(i.kind, n.locale[i.locale], i.customised),
        }))}
        onChange={(e) => {
          setChosen(e.target.value);
          setDraft(null);
          setDone(null);
          errors.check({});
        }}
      />
      {current && value ? (
        <>
          {done ? <Notice>{done}</Notice> : null}
          <p data-testid="template-state">
            {current.customised && current.updatedAt
              ? n.isCustomised(formatDateTime(current.updatedAt, locale))
              : n.isDefault}
          </p>
          {current.missingFromDefault.length > 0 ? (
            <Notice kind="warning" title={n.missingTitle} focus={false} live={false}>
              <p>{n.missing(current.missingFromDefault.map((p) => `{{${p}}}`).join(', '))}</p>
            </Notice>
          ) : null}
          <form onSubmit={onSave} noValidate>
            <TextField
              id="f-subject"
              label={n.subject}
              value={value.subject}
              maxLength={200}
              onChange={(e) => setDraft({ ...value, subject: e.target.value })}
              error={errors.fields.subject}
            />
            <TextArea
              id="f-body"
              label={n.body}
              hint={n.allowed(current.placeholders.map((p) => `{{${p}}}`).join(', '))}
              rows={10}
              maxLength={5000}
              value={value.body}
              onChange={(e) => setDraft({ ...value, body: e.target.value })}
              error={errors.fields.body}
            />
            <div className="button-group">
              <SubmitButton busy={change.isPending} busyLabel={n.saving}>
                {n.save}
              </SubmitButton>
              {current.customised ? (
                <SubmitButton
                  type="button"
                  variant="secondary"
                  busy={change.isPending}
                  busyLabel={n.restoring}
                  onClick={onRestore}
                >
                  {n.restore}
                </SubmitButton>
              ) : null}
            </div>
          </form>
        </>
      ) : null}
    </div>
  );
}
