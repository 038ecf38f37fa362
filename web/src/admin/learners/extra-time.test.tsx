import type { AdminLearner, AdminLearnerDetail } from '@contract';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExtraTime } from './extra-time';
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

const outOfRange = {
  type: '/problems/validation_failed',
  title: 'Validation failed',
  status: 400,
  detail: 'The request is invalid',
  code: 'validation_failed',
  errors: [{ code: 'maximum', message: 'must be <= 400', path: '/body/extra_time_pct' }],
};

/** A server that accepts 0-400 and answers anything else like the contract validator does. */
function renderExtraTime() {
  const sent: unknown[] = [];
  const server = async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { extra_time_pct: number | null };
    sent.push(body);
    const pct = body.extra_time_pct;
    if (pct === null || pct > 400)
      return new Response(JSON.stringify(outOfRange), {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      });
    const detail: AdminLearnerDetail = {
      profile: { ...ada, extra_time_pct: pct },
      stages: [],
      diagnostika: null,
      attempts: [],
      approvals: [],
    };
    return Response.json(detail);
  };
  renderWithApi(<ExtraTime learner={ada} />, server);
  return { sent, user: userEvent.setup() };
}

describe('ExtraTime', () => {
  it('sends the percentage as a number and confirms it', async () => {
    const { sent, user } = renderExtraTime();
    const field = screen.getByRole('textbox', { name: 'Extra time, %' });
    await user.clear(field);
    await user.type(field, '50');
    await user.click(screen.getByRole('button', { name: 'Save extra time' }));
    await screen.findByText('Extra time set to 50 %.');
    expect(sent).toEqual([{ extra_time_pct: 50 }]);
  });

  it("shows the server's rule at the field for a value out of range or not a number", async () => {
    const { sent, user } = renderExtraTime();
    const field = screen.getByRole('textbox', { name: 'Extra time, %' });
    await user.clear(field);
    await user.type(field, '500');
    await user.click(screen.getByRole('button', { name: 'Save extra time' }));
    expect(await screen.findByText('must be <= 400')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await user.clear(field);
    await user.type(field, 'lots');
    await user.click(screen.getByRole('button', { name: 'Save extra time' }));
    await screen.findByText('must be <= 400');
    expect(sent).toEqual([{ extra_time_pct: 500 }, { extra_time_pct: null }]);
  });
});
