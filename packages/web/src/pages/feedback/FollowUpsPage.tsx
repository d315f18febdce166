import { RATING_REASONS } from '@motcua/core';
import { useState } from 'react';
import { SubmitButton, TextArea, useFormErrors } from '../../components/forms.tsx';
import { LoadError, Loading, usePageTitle } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { type RatingFollowUp, useCloseFollowUp, useFollowUps } from './api.ts';

/** /can-bo/phan-anh/danh-gia — the head of unit's not-satisfied ratings, each closed with a note. */
export default function FollowUpsPage() {
  const t = useT();
  const f = t.feedback.followUps;
  usePageTitle(f.title);
  const list = useFollowUps();
  return (
    <div>
      <h1>{f.title}</h1>
      <p className="lead">{f.lead}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{f.none}</p>
      ) : (
        list.data.items.map((item) => <FollowUp key={item.id} item={item} />)
      )}
    </div>
  );
}

function FollowUp({ item }: { item: RatingFollowUp }) {
  const t = useT();
  const f = t.feedback.followUps;
  const { locale } = useI18n();
  const close = useCloseFollowUp();
  const errors = useFormErrors();
  const [note, setNote] = useState('');
  const id = `f-note-${item.id}`;
  return (
    <section className="panel" aria-label={`${f.dossier} ${item.dossierCode}`}>
      <h2>
        {f.dossier} {item.dossierCode}
      </h2>
      <p className="caption">
        {item.procedureName} · {item.unitName} · {f.ratedAt} {formatDate(item.ratedAt, locale)}
      </p>
      <p>
        {f.reasons}:{' '}
        {item.reasons.map((r) => RATING_REASONS.find((x) => x.code === r)?.[locale] ?? r).join('; ')}
      </p>
      {item.comment ? (
        <p>
          {f.comment}: {item.comment}
        </p>
      ) : null}
      {item.closedAt ? (
        <p>
          {f.closed(formatDate(item.closedAt, locale))}: {item.closeNote}
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!close.isPending)
              close.mutate({ id: item.id, note }, { onError: (err) => errors.fromError(err) });
          }}
        >
          <TextArea
            id={id}
            label={f.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={errors.fields.note}
          />
          <SubmitButton busy={close.isPending} busyLabel={t.feedback.staff.working}>
            {f.close}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
