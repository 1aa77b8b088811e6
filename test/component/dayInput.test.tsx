// The dashboard's date filter (src/office/coordinator/DayInput.tsx): typed and shown as dd-mm-jjjj in Dutch, applied
// only when valid, with an error linked to the field; usable with the keyboard alone (Enter applies).
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import workspaceNl from '../../locales/nl/workspace.json';
import { addTexts } from '../../src/shared/i18n/index.ts';
import { DayInput } from '../../src/office/coordinator/DayInput.tsx';

beforeAll(() => addTexts('nl', 'workspace', workspaceNl));

describe('day input', () => {
  it('shows the value as dd-mm-jjjj, applies a typed day on Enter and refuses a day that does not exist', () => {
    const changed = vi.fn();
    render(<DayInput id="f" label="Van" value="2026-01-31" onChange={changed} />);
    const input = screen.getByLabelText<HTMLInputElement>(/Van/);
    expect(input.value).toBe('31-01-2026');
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('dd-mm-jjjj');
    expect(screen.getByText('dd-mm-jjjj', { selector: '.hint' })).toBeTruthy();

    fireEvent.input(input, { target: { value: '1-2-2026' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(changed).toHaveBeenLastCalledWith('2026-02-01');
    expect(input.value).toBe('01-02-2026');

    changed.mockClear();
    fireEvent.input(input, { target: { value: '31-02-2026' } });
    fireEvent.blur(input);
    expect(changed).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByRole('alert');
    expect(error.textContent).toContain('dd-mm-jjjj');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);

    // Emptying the field clears the filter.
    fireEvent.input(input, { target: { value: '' } });
    fireEvent.blur(input);
    expect(changed).toHaveBeenLastCalledWith('');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });
});
