import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckboxField } from '../checkbox-field';

function Controlled() {
  const [selected, setSelected] = useState(false);
  return (
    <CheckboxField isSelected={selected} onChange={setSelected}>
      Flagged only
    </CheckboxField>
  );
}

describe('CheckboxField', () => {
  it('is a labelled checkbox that toggles by click and by keyboard and shows its state', async () => {
    const user = userEvent.setup();
    render(<Controlled />);
    const box = screen.getByRole('checkbox', { name: 'Flagged only' });
    expect((box as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByText('Flagged only'));
    expect((box as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('✓')).toBeDefined();
    await user.keyboard(' ');
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByText('✓')).toBeNull();
  });
});
