import { type ReactNode, useState } from 'react';

/**
 * A form behind a disclosure: its fields exist only while it is open, so two forms of a page that
 * edit fields of the same name (a target's and a task's title) never put two equal ids in the page.
 */
export function Panel({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="reform-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children : null}
    </details>
  );
}
