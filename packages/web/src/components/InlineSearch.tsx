import type { ReactNode } from 'react';
import { TextField } from './forms.tsx';

/** A search by one field, with its button beside it. */
export function InlineSearch({
  id,
  label,
  hint,
  value,
  onChange,
  onSearch,
  button,
  variant = 'secondary',
  tight = false,
  autoComplete,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
  button: string;
  variant?: 'primary' | 'secondary';
  /** Less space around it, in a panel. */
  tight?: boolean;
  autoComplete?: string;
}) {
  return (
    <search>
      <form
        className={tight ? 'inline-search inline-search--tight' : 'inline-search'}
        onSubmit={(e) => {
          e.preventDefault();
          onSearch();
        }}
      >
        <TextField
          id={id}
          type="search"
          label={label}
          hint={hint}
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className="inline-search__field"
        />
        <button type="submit" className={`button button--${variant} inline-search__button`}>
          {button}
        </button>
      </form>
    </search>
  );
}
