import type { ReactNode } from 'react';

/**
 * A table that stacks into labelled blocks on a narrow screen (each cell says its column in
 * `data-label`), with a caption for screen readers and the column headings. The rows are the children.
 */
export function StackTable({
  caption,
  columns,
  className = '',
  wrapClassName = '',
  children,
}: {
  caption: string;
  columns: readonly string[];
  /** More classes of the table: table--compact, … */
  className?: string;
  /** More classes of the scrolling wrapper. */
  wrapClassName?: string;
  children: ReactNode;
}) {
  return (
    <div className={`table-wrap ${wrapClassName}`}>
      <table className={`table table--stack ${className}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a table are fixed
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
