import type { Locale } from '@motcua/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLocale } from '../api/client.ts';
import { en } from './en.ts';
import { type Messages, vi } from './vi.ts';

export type { Messages };

const DICTIONARIES: Record<Locale, Messages> = { vi, en };
const STORAGE_KEY = 'motcua.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

/** ?lang=en in the address wins (and is remembered), then the remembered choice, then Vietnamese. */
export function initialLocale(): Locale {
  try {
    const fromUrl = new URLSearchParams(window.location.search).get('lang');
    if (isLocale(fromUrl)) {
      localStorage.setItem(STORAGE_KEY, fromUrl);
      return fromUrl;
    }
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); Vietnamese is the default
  }
  return 'vi';
}

interface I18n {
  locale: Locale;
  t: Messages;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  children,
  onChange,
}: {
  children: ReactNode;
  onChange?: (l: Locale) => void;
}) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLocale(l);
    return l;
  });

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // not remembered, but still switched
      }
      setApiLocale(next);
      setLocaleState(next);
      onChange?.(next);
    },
    [onChange],
  );

  const value = useMemo(() => ({ locale, t: DICTIONARIES[locale], setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export function useT(): Messages {
  return useI18n().t;
}
