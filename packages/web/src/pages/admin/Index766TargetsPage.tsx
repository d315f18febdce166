import type { Index766TargetsResponse } from '@motcua/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useIndex766Targets, useSaveIndex766Targets } from '../../api/index766.ts';
import {
  ErrorSummary,
  fieldId,
  problemToErrors,
  Radios,
  SubmitButton,
  TextField,
} from '../../components/forms.tsx';
import { LoadError, Notice, usePageTitle } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

type Draft = Record<string, { target: string; points: string }>;

const draftOf = (data: Index766TargetsResponse): Draft =>
  Object.fromEntries(
    data.indicators.map((i) => [
      i.code,
      { target: i.override?.target?.toString() ?? '', points: i.override?.points?.toString() ?? '' },
    ]),
  );

/** "80", "5,5" or "5.5" as a number; blank as null; anything else as NaN. */
/** The path of one input, for its id and the error summary. */
const pathOf = (code: string, kind: 'target' | 'points') => `index766-${code.replace('.', '-')}-${kind}`;

const parse = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));

/** The Decision 766 targets and points an administrator sets for an agency, or nationally, by year. */
export default function Index766TargetsPage() {
  const { t, locale } = useI18n();
  const x = t.index766.targets;
  usePageTitle(x.title);
  const [params] = useSearchParams();
  const agencyParam = params.get('agency');
  const [national, setNational] = useState(!agencyParam);
  const year = Number(params.get('year') ?? new Date().getUTCFullYear());
  const agencyId = national ? null : agencyParam;
  const targets = useIndex766Targets(agencyId, year);
  const save = useSaveIndex766Targets();
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (targets.data) setDraft(draftOf(targets.data));
  }, [targets.data]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found: Record<string, string> = {};
    const overrides = Object.entries(draft).map(([code, d]) => {
      const target = parse(d.target);
      const points = parse(d.points);
      if (Number.isNaN(target)) found[pathOf(code, 'target')] = x.numberInvalid;
      if (Number.isNaN(points)) found[pathOf(code, 'points')] = x.numberInvalid;
      return { code, target, points };
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { agencyId, year, overrides },
      {
        onSuccess: () => setSaved(true),
        onError: (err) => setErrors(problemToErrors(err, t).fields),
      },
    );
  };

  const summary = Object.entries(errors).map(([path, message]) => ({ path, message }));
  return (
    <>
      <p>
        <Link to={`${PATHS.index766}${agencyParam ? `?agency=${agencyParam}&period=year&year=${year}` : ''}`}>
          {x.back}
        </Link>
      </p>
      <h1>
        {x.title} {year}
      </h1>
      <p className="lead">{x.lead}</p>
      {saved ? <Notice>{x.saved}</Notice> : null}
      {summary.length > 0 ? <ErrorSummary items={summary} /> : null}
      {agencyParam ? (
        <Radios
          name="index766-scope"
          legend={x.scope}
          value={national ? 'national' : 'agency'}
          onChange={(v) => setNational(v === 'national')}
          options={[
            { value: 'agency', label: x.scopeAgency },
            { value: 'national', label: x.scopeNational },
          ]}
        />
      ) : null}
      {targets.isError ? <LoadError error={targets.error} onRetry={() => targets.refetch()} /> : null}
      {targets.data ? (
        <form onSubmit={submit} noValidate>
          {targets.data.indicators.map((i) => (
            <fieldset key={i.code} className="fieldset">
              <legend className="fieldset__legend">
                {i.code}. {i.name[locale]}
              </legend>
              <p className="hint">
                {x.defaults(i.defaultTarget, i.defaultPoints)} · {x.inForce(i.target, i.points)}
              </p>
              <div className="form-row">
                <TextField
                  id={fieldId(pathOf(i.code, 'target'))}
                  label={x.target(i.code)}
                  className="input-width-5"
                  inputMode="decimal"
                  value={draft[i.code]?.target ?? ''}
                  error={errors[pathOf(i.code, 'target')]}
                  onChange={(e) =>
                    setDraft({ ...draft, [i.code]: { ...draft[i.code]!, target: e.target.value } })
                  }
                />
                <TextField
                  id={fieldId(pathOf(i.code, 'points'))}
                  label={x.points(i.code)}
                  className="input-width-5"
                  inputMode="decimal"
                  value={draft[i.code]?.points ?? ''}
                  error={errors[pathOf(i.code, 'points')]}
                  onChange={(e) =>
                    setDraft({ ...draft, [i.code]: { ...draft[i.code]!, points: e.target.value } })
                  }
                />
              </div>
            </fieldset>
          ))}
          <SubmitButton busy={save.isPending} busyLabel={x.saving}>
            {x.save}
          </SubmitButton>
        </form>
      ) : null}
    </>
  );
}
