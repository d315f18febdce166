import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The link back to the list a page was opened from, above its heading. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="back-link-wrap">
      <Link to={to} className="back-link">
        {children}
      </Link>
    </p>
  );
}
