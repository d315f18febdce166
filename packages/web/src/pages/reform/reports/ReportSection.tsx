import { type FormEvent, useState } from 'react';
import { ErrorSummary, SubmitButton, TextArea, useFormErrors } from '../../../components/forms.tsx';
import { Notice } from '../../../components/ui.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { type ReportContent, type ReportView, useReportChange } from './api.ts';

/** "Số liệu hệ thống tổng hợp ngày …" while the part is as the system drafted it. */
export function DraftMark({ draftedAt, edited = false }: { draftedAt: string | null; edited?: boolean }) {
  const { t, locale } = useI18n();
  const r = t.reformReports;
  if (draftedAt)
    return (
      <p className="report-mark">
        <strong className="tag tag--status-draft">{r.drafted(formatDateTime(draftedAt, locale))}</strong>
      </p>
    );
  return edited ? (
    <p className="report-mark">
      <strong className="tag">{r.edited}</strong>
    </p>
  ) : null;
}

/** Saves a change of the latest version's content as a new version; errors beside the fields. */
export function useSave(view: ReportView) {
  const change = useReportChange(view.report.id);
  const errors = useFormErrors();
  const [saved, setSaved] = useState(0);
  const save = (content: ReportContent) => {
    if (change.isPending) return;
    errors.clear();
    change.mutate(
      { path: '', method: 'PUT', body: { baseVersion: view.report.version, content } },
      { onSuccess: () => setSaved((n) => n + 1), onError: errors.fromError },
    );
  };
  return { save, errors, busy: change.isPending, saved };
}

/** One section of the report, edited on its own: its text, saved as a new version. */
export function SectionForm({ view, index, label }: { view: ReportView; index: number; label: string }) {
  const { t } = useI18n();
  const r = t.reformReports;
  const section = view.content.sections[index]!;
  const [text, setText] = useState(section.text);
  const { save, errors, busy, saved } = useSave(view);
  const path = `sections.${index}.text`;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const sections = view.content.sections.map((s, n) => (n === index ? { ...s, text } : s));
    save({ ...view.content, sections });
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {saved > 0 && !busy && errors.summary.length === 0 ? (
        <Notice focus={false}>
          <p>{r.saved}</p>
        </Notice>
      ) : null}
      <TextArea
        id={`f-sections-${index}-text`}
        label={`${r.sectionText}: ${label}`}
        labelClassName="visually-hidden"
        rows={Math.min(18, Math.max(4, text.split('\n').length + 1))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors.fields[path]}
      />
      <SubmitButton busy={busy} busyLabel={r.saving} variant="secondary">
        {r.save}
      </SubmitButton>
    </form>
  );
}
