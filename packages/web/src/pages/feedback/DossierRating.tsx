import { Loading, Notice } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { useDossierRatingForm } from './api.ts';
import { RatingForm } from './RatingForm.tsx';

/**
 * The rating of a returned dossier on the page its result's one-time link opens (the same link
 * as the SIPAS survey): rated once; the survey follows below it.
 */
export function DossierRating({ token }: { token: string }) {
  const t = useT();
  const r = t.feedback.rating;
  const form = useDossierRatingForm(token);
  if (form.isPending) return <Loading />;
  // A wrong link: the survey below says so.
  if (form.isError) return null;
  return (
    <section className="panel" aria-labelledby="rating-title">
      <h2 id="rating-title">{r.title}</h2>
      {form.data.ratedAt ? (
        <Notice kind="info" focus={false}>
          {r.already}
        </Notice>
      ) : (
        <RatingForm
          path={`/api/v1/public/ratings/links/${encodeURIComponent(token)}`}
          legend={r.lead(form.data.dossierCode)}
        />
      )}
    </section>
  );
}
