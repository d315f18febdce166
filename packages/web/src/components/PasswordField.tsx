import type { InputHTMLAttributes, ReactNode } from 'react';
import { TextField } from './forms.tsx';

/** A password input of the usual width; `autoComplete` tells password managers which one it is. */
export function PasswordField(
  props: {
    id: string;
    label: ReactNode;
    hint?: ReactNode;
    error?: string;
    autoComplete: 'current-password' | 'new-password';
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'autoComplete' | 'className'>,
) {
  return <TextField type="password" className="input-width-20" {...props} />;
}
