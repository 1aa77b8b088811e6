/** The workspace's admin tables (staff accounts, languages, …): column headings, then one row per item. */
import type { ComponentChildren } from 'preact';

/** Props: the headings, the items, each item's key and cells, and optional row attributes. */
export interface DataTableProps<T> {
  readonly headings: readonly string[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly cells: (row: T) => readonly ComponentChildren[];
  readonly rowAttributes?: (row: T) => Readonly<Record<string, string>>;
  readonly testId?: string;
}

/** The table. */
export function DataTable<T>({
  headings,
  rows,
  rowKey,
  cells,
  rowAttributes,
  testId,
}: DataTableProps<T>) {
  return (
    <table class="ws-table" {...(testId === undefined ? {} : { 'data-testid': testId })}>
      <thead>
        <tr>
          {headings.map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttributes?.(row)}>
            {cells(row).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
