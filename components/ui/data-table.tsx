/**
 * The one table frame of the app: caption for screen readers, column headers, scrolling body.
 * `stackOnPhone`: below 640 px each row becomes a card and each cell shows its column's name
 * (the cells carry `data-label`, see StackedCell), so a list's status and due date stay in view
 * instead of scrolling off to the right. The roles keep it a table for screen readers.
 */
export function DataTable({
  caption,
  columns,
  children,
  testId,
  stackOnPhone = false,
}: {
  caption: string;
  columns: { label: string; align?: "right" }[];
  children: React.ReactNode;
  testId?: string;
  stackOnPhone?: boolean;
}) {
  return (
    // "relative": a screen-reader-only label in a cell (position: absolute) is placed within this
    // scrolling box, not at its spot in the page, where it widened the page at 390 px.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className={`w-full text-left text-sm${stackOnPhone ? " stack-on-phone" : ""}`} role={stackOnPhone ? "table" : undefined} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-3 py-2 font-semibold${column.align === "right" ? " text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{children}</p>;
}

/** A cell of a `stackOnPhone` table: labelled with its column on a phone. */
export function StackedCell({ label, className = "px-3 py-2", children, testId }: { label: string; className?: string; children: React.ReactNode; testId?: string }) {
  return (
    <td role="cell" data-label={label} className={className} data-testid={testId}>
      {children}
    </td>
  );
}
