/**
 * The workspace's one table markup (accounts, languages, clients, measurements, quality, …): an optional caption,
 * column headings with `scope`, numeric columns right-aligned with tabular figures, an optional row heading per row,
 * and what to show instead when there are no rows.
 */
import type { ComponentChildren } from 'preact';

/** A column heading; `numeric` right-aligns the column, heading and cells. */
export interface Column {
  readonly heading: ComponentChildren;
  readonly numeric?: boolean;
}

/** Attributes of one cell or row (a class, a `data-` hook for tests, a title). */
export type CellAttributes = Readonly<Record<string, string | undefined>>;

/** A cell with attributes of its own; plain content needs no wrapper. */
export class Cell {
  constructor(
    readonly content: ComponentChildren,
    readonly attributes: CellAttributes,
  ) {}
}

/** Wraps content with the cell's attributes (a class such as `num` for one numeric cell, a `data-` hook, a title). */
export const cell = (content: ComponentChildren, attributes: CellAttributes): Cell =>
  new Cell(content, attributes);

/** Props: the headings, the items, each item's key and cells, and the table's options. */
export interface DataTableProps<T> {
  readonly headings: readonly (string | Column)[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly cells: (row: T) => readonly (ComponentChildren | Cell)[];
  readonly rowAttributes?: (row: T) => CellAttributes;
  readonly testId?: string;
  readonly caption?: ComponentChildren;
  /** The first cell of each row heads it (`<th scope="row">`). */
  readonly rowHeadings?: boolean;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  readonly empty?: ComponentChildren;
  /** More classes beside `ws-table`. */
  readonly class?: string;
  /** More attributes on the table (e.g. `data-scale`). */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Wraps the table in a box that scrolls sideways when it is wider than the page. */
  readonly scroll?: boolean;
}

const numClass = (numeric: boolean, own: string | undefined): string | undefined =>
  numeric ? (own ? `num ${own}` : 'num') : own;

/** The table, or the empty state. */
export function DataTable<T>(p: DataTableProps<T>) {
  if (p.rows.length === 0 && p.empty !== undefined) return <>{p.empty}</>;
  const columns = p.headings.map((h): Column => (typeof h === 'string' ? { heading: h } : h));
  const table = (
    <table
      class={p.class ? `ws-table ${p.class}` : 'ws-table'}
      {...p.attributes}
      {...(p.testId === undefined ? {} : { 'data-testid': p.testId })}
    >
      {p.caption !== undefined && <caption>{p.caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" class={numClass(c.numeric === true, undefined)}>
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.rows.map((row) => (
          <tr key={p.rowKey(row)} {...p.rowAttributes?.(row)}>
            {p.cells(row).map((c, i) => {
              const { content, attributes } =
                c instanceof Cell ? c : { content: c, attributes: {} };
              const Tag = p.rowHeadings && i === 0 ? 'th' : 'td';
              return (
                <Tag
                  key={i}
                  {...(Tag === 'th' ? { scope: 'row' } : {})}
                  {...attributes}
                  class={numClass(columns[i]?.numeric === true, attributes.class)}
                >
                  {content}
                </Tag>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return p.scroll ? <div class="table-scroll">{table}</div> : table;
}
