import { type CitizenMe, parseTaxCode } from '@motcua/core';
import { type FormEvent, useState } from 'react';
import {
  ErrorSummary,
  type FieldErrors,
  Radios,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../../components/forms.tsx';
import { LoadError, Loading } from '../../../components/ui.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useBusinesses, useChooseActingAs, useDeclareBusiness } from './api.ts';

const SELF = 'self';

/**
 * On /cong-dan after sign-in: whom the session acts as (the person, or a business they represent),
 * and a form to declare a business. What each choice lets them see is said next to it, as the
 * server decides it (a declared business: only the dossiers they submitted for it).
 */
export function ActingAsSection({ me }: { me: CitizenMe }) {
  const m = useT().citizenBusiness;
  const businesses = useBusinesses();
  const choose = useChooseActingAs();
  const declare = useDeclareBusiness();
  const chooseErrors = useFormErrors();
  const declareErrors = useFormErrors();
  const [choice, setChoice] = useState<string | null>(null);
  const [taxCode, setTaxCode] = useState('');
  const [name, setName] = useState('');
  const [declaredName, setDeclaredName] = useState<string | null>(null);

  if (businesses.isPending) return <Loading />;
  if (businesses.isError)
    return <LoadError error={businesses.error} onRetry={() => void businesses.refetch()} />;
  const { actingAs, businesses: list } = businesses.data;
  const current = actingAs.kind === 'business' ? actingAs.business.taxCode : SELF;
  const value = choice ?? current;
  const options = [
    { value: SELF, label: m.self(me.fullName ?? me.email ?? ''), hint: m.selfHint },
    ...list.map((b) => ({
      value: b.taxCode,
      label: m.business(b.name, b.taxCode),
      hint: b.representation === 'provider' ? m.providerHint : m.declaredHint,
    })),
  ];

  function onChoose(e: FormEvent) {
    e.preventDefault();
    if (choose.isPending) return;
    chooseErrors.check({});
    choose.mutate(value === SELF ? { kind: 'self' } : { kind: 'business', taxCode: value }, {
      onSuccess: () => setChoice(null),
      onError: (err) => chooseErrors.fromError(err),
    });
  }

  function onDeclare(e: FormEvent) {
    e.preventDefault();
    if (declare.isPending) return;
    const errs: FieldErrors = {};
    const parsed = parseTaxCode(taxCode);
    if (!taxCode.trim()) errs.taxCode = m.taxCodeRequired;
    else if (!parsed.ok)
      errs.taxCode = parsed.problem === 'tax_code_check_digit' ? m.taxCodeCheckDigit : m.taxCodeFormat;
    if (name.trim().length < 2) errs.name = m.nameRequired;
    if (!declareErrors.check(errs)) return;
    declare.mutate(
      { taxCode, name: name.trim() },
      {
        onSuccess: () => {
          setDeclaredName(name.trim());
          setTaxCode('');
          setName('');
        },
        onError: (err) => declareErrors.fromError(err),
      },
    );
  }

  const chosen = list.find((b) => b.taxCode === current);
  return (
    <>
      <section aria-labelledby="acting-title">
        <h2 id="acting-title">{m.actingTitle}</h2>
        <ErrorSummary items={chooseErrors.summary} focusKey={chooseErrors.attempt} />
        <p>{m.actingLead}</p>
        <form onSubmit={onChoose} noValidate>
          <Radios
            name="actingAs"
            legend={m.actingLegend}
            options={options}
            value={value}
            onChange={setChoice}
            error={chooseErrors.fields.taxCode ?? chooseErrors.fields.actingAs}
          />
          <SubmitButton busy={choose.isPending} busyLabel={m.choosing}>
            {m.choose}
          </SubmitButton>
        </form>
        <p role="status">{chosen ? m.chosenBusiness(chosen.name) : m.chosenSelf}</p>
      </section>
      <section aria-labelledby="declare-title">
        <h2 id="declare-title">{m.declareTitle}</h2>
        <ErrorSummary items={declareErrors.summary} focusKey={declareErrors.attempt} />
        <p>{m.declareLead}</p>
        <form onSubmit={onDeclare} noValidate>
          <TextField
            id="f-taxCode"
            name="taxCode"
            label={m.taxCode}
            hint={m.taxCodeHint}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            value={taxCode}
            onChange={(e) => setTaxCode(e.target.value)}
            error={declareErrors.fields.taxCode}
            className="input-width-20"
          />
          <TextField
            id="f-name"
            name="name"
            label={m.name}
            hint={m.nameHint}
            autoComplete="organization"
            maxLength={300}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={declareErrors.fields.name}
          />
          <SubmitButton busy={declare.isPending} busyLabel={m.declaring}>
            {m.declare}
          </SubmitButton>
        </form>
        <p role="status">{declaredName ? m.declared(declaredName) : ''}</p>
      </section>
    </>
  );
}
