import { fieldId, SelectField } from '../../components/forms.tsx';
import { useT } from '../../i18n/index.tsx';
import type { BankAccountList } from './api.ts';

/** The agency's collection accounts as a labelled select. */
export function AccountSelect({
  accounts,
  value,
  onChange,
  error,
}: {
  accounts: BankAccountList['items'];
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const f = useT().fees;
  return (
    <SelectField
      id={fieldId('accountId')}
      label={f.account}
      hint={f.accountHint}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      {...(error ? { error } : {})}
      options={accounts.map((a) => ({ value: a.id, label: f.accountLabel(a.accountName, a.accountNumber) }))}
    />
  );
}
