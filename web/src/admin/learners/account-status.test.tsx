import type { AdminLearner, AdminLearnerDetail } from '@contract';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AccountStatus } from './account-status';
import { renderWithApi } from '@shared/testing/render-with-api';

const ada: AdminLearner = {
  id: 17,
  email: 'ada@example.com',
  full_name: 'Ada Lovelace',
  track_id: 1,
  track_name: 'default',
  created_at: '2026-11-26T10:00:00.000Z',
  graduated_at: null,
  is_active: true,
  extra_time_pct: 0,
  current_stage: { stage_id: 2, rank: 'junior', level: 1, status: 'active' },
};

function renderStatus(learner: AdminLearner) {
  const sent: { url: string; method: string; body: unknown }[] = [];
  const server = async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { is_active: boolean };
    sent.push({ url, method: String(init.method), body });
    const detail: AdminLearnerDetail = {
      profile: { ...learner, ...body },
      stages: [],
      diagnostika: null,
      attempts: [],
      approvals: [],
    };
    return Response.json(detail);
  };
  renderWithApi(<AccountStatus learner={learner} />, server);
  return { sent, user: userEvent.setup() };
}

describe('AccountStatus', () => {
  it('deactivates only after the confirmation, and cancelling changes nothing', async () => {
    const { sent, user } = renderStatus(ada);
    expect(screen.getByText('Active: the learner can log in.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Deactivate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Ada Lovelace?' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dialog.isConnected).toBe(false);
    expect(sent).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Deactivate' }));
    await screen.findByRole('dialog', { name: 'Deactivate Ada Lovelace?' });
    await user.click(screen.getAllByRole('button', { name: 'Deactivate' }).at(-1)!);
    await screen.findByText('The learner is deactivated.');
    expect(sent).toEqual([{ url: '/api/v1/admin/users/17', method: 'PATCH', body: { is_active: false } }]);
  });

  it('offers reactivation for a deactivated learner', async () => {
    const { sent, user } = renderStatus({ ...ada, is_active: false });
    expect(screen.getByText(/^Deactivated: the learner cannot log in/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reactivate' }));
    await screen.findByRole('dialog', { name: 'Reactivate Ada Lovelace?' });
    await user.click(screen.getAllByRole('button', { name: 'Reactivate' }).at(-1)!);
    await screen.findByText('The learner is active again.');
    expect(sent).toEqual([{ url: '/api/v1/admin/users/17', method: 'PATCH', body: { is_active: true } }]);
  });
});
