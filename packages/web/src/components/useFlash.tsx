import { useRef, useState } from 'react';
import { Notice } from './ui.tsx';

type FlashKind = 'success' | 'error';

/**
 * The notice that says what an action did. Each new message is a new notice, so that it takes focus
 * and is read out even when the text is the same as before.
 */
export function useFlash(initial?: string | null) {
  const [flash, setFlash] = useState<{ kind: FlashKind; text: string; key: number } | null>(
    initial ? { kind: 'success', text: initial, key: 0 } : null,
  );
  const count = useRef(0);
  return {
    show(text: string, kind: FlashKind = 'success') {
      count.current += 1;
      setFlash({ kind, text, key: count.current });
    },
    clear() {
      setFlash(null);
    },
    notice: flash ? (
      <Notice key={flash.key} kind={flash.kind}>
        {flash.text}
      </Notice>
    ) : null,
  };
}
