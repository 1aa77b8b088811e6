// The workspace's one table component (src/office/ui/DataTable.tsx): caption, headings with scope, numeric columns
// marked for right alignment, a row heading per row when asked, cell attributes, and the empty state instead of a table.
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { cell, DataTable } from '../../src/office/ui/DataTable.tsx';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly count: number;
}
const ROWS: readonly Row[] = [
  { id: 'a', name: 'Anna', count: 3 },
  { id: 'b', name: 'Bram', count: 12 },
];

const table = (rows: readonly Row[], rowHeadings = false) => (
  <DataTable
    testId="people"
    caption="Mensen"
    headings={['Naam', { heading: 'Aantal', numeric: true }]}
    rows={rows}
    rowKey={(r) => r.id}
    rowAttributes={(r) => ({ 'data-row': r.id })}
    rowHeadings={rowHeadings}
    cells={(r) => [r.name, cell(r.count, { title: `${r.count} keer` })]}
    empty={<p data-testid="nobody">Niemand</p>}
  />
);

describe('DataTable', () => {
  it('has a caption, column headings with scope, and right-aligned numeric columns', () => {
    render(table(ROWS));
    const t = screen.getByTestId('people');
    expect(t.classList.contains('ws-table')).toBe(true);
    expect(t.querySelector('caption')?.textContent).toBe('Mensen');
    const headings = [...t.querySelectorAll('thead th')];
    expect(headings.map((h) => [h.textContent, h.getAttribute('scope'), h.className])).toEqual([
      ['Naam', 'col', ''],
      ['Aantal', 'col', 'num'],
    ]);
    const counts = [...t.querySelectorAll('tbody tr td:nth-child(2)')];
    expect(counts.map((c) => [c.textContent, c.className, c.getAttribute('title')])).toEqual([
      ['3', 'num', '3 keer'],
      ['12', 'num', '12 keer'],
    ]);
    expect(t.querySelector('tr[data-row="b"]')?.textContent).toBe('Bram12');
  });

  it('heads each row with its first cell when asked', () => {
    render(table(ROWS, true));
    const first = screen.getByTestId('people').querySelector('tbody tr > :first-child');
    expect(first?.tagName).toBe('TH');
    expect(first?.getAttribute('scope')).toBe('row');
  });

  it('shows the empty state instead of an empty table', () => {
    render(table([]));
    expect(screen.queryByTestId('people')).toBeNull();
    expect(screen.getByTestId('nobody').textContent).toBe('Niemand');
  });
});
