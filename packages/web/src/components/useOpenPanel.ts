import { useRef, useState } from 'react';
import { focusLater } from './focusLater.ts';

/**
 * The one panel (a form) a page has open, if any. Closed with nothing done, focus goes back to the
 * button that opened it; closed on success, the page's notice takes it instead.
 */
export function useOpenPanel<P>() {
  const [panel, setPanel] = useState<P | null>(null);
  const opener = useRef<string | null>(null);
  return {
    panel,
    /** `from`: the id of the button that opens it. */
    open(next: P, from?: string) {
      opener.current = from ?? null;
      setPanel(next);
    },
    close({ returnFocus }: { returnFocus: boolean }) {
      setPanel(null);
      if (returnFocus && opener.current) focusLater(opener.current);
    },
  };
}
