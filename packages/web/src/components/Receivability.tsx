import type { ReactNode } from 'react';
import type { NotReceivableReason } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

/** The short mark, in a list, of a procedure whose dossiers the counter cannot receive yet. */
export function NotReceivableTag({ reason }: { reason: NotReceivableReason | null | undefined }) {
  const { t } = useI18n();
  if (!reason) return null;
  return <span className="tag tag--warning">{t.receivability.tag}</span>;
}

/**
 * Why the counter cannot receive dossiers of a procedure, and who can change that. Staff see the
 * reason and the role that fixes it; `audience="public"` tells citizens what it means for them.
 */
export function NotReceivableNotice({
  reason,
  audience = 'staff',
  children,
}: {
  reason: NotReceivableReason | null | undefined;
  audience?: 'staff' | 'public';
  children?: ReactNode;
}) {
  const { t } = useI18n();
  if (!reason) return null;
  return (
    <div className="notice notice--warning" role="status" data-testid="not-receivable">
      <p className="notice__title">{audience === 'public' ? t.receivability.tag : t.receivability.title}</p>
      {audience === 'public' ? (
        <p>{t.receivability.public}</p>
      ) : (
        <>
          <p>{t.receivability.reason}</p>
          <p>{t.receivability.whoFixes}</p>
        </>
      )}
      {children}
    </div>
  );
}
