import type { SettingsVersion } from '@contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ApiProvider } from '@shared/api/api-context';
import { createHttpClient } from '@shared/api/http-client';
import { setupI18n } from '@shared/i18n/i18n';
import type { Session } from '@shared/session/session';
import { SettingsEditor } from './settings-editor';

const draft: SettingsVersion = {
  id: 2,
  track_id: 1,
  version_no: 2,
  status: 'draft',
  note: null,
  created_at: '2026-12-01T10:00:00Z',
  created_by_admin_id: 1,
  activated_at: null,
  archived_at: null,
  settings: {
    expected_modules_count: 6,
    entry_total_q: 30,
    entry_per_module_q: 5,
    level_exam_total_q: 20,
    level_exam_pass_score: 16,
    k_exam: 3,
    level_exam_min_per_module: 4,
    level_exam_max_per_module: 6,
    rank_final_total_q: 30,
    rank_final_pass_score: 24,
    k_final: 3,
    rank_final_min_per_module: 5,
    rank_final_max_per_module: 8,
    content_k_weak_modules: 3,
    content_optional_per_module: 1,
    weakness_metric: 'errors',
    item_min_responses: 30,
    item_min_facility_pct: 20,
    item_max_facility_pct: 95,
    item_min_discrimination_pct: 15,
    exclude_flagged_items: 0,
    level_exam_time_limit_minutes: 0,
    rank_final_time_limit_minutes: 0,
    diagnostika_time_limit_minutes: 0,
  },
};

const settingsInvalid = {
  type: '/problems/settings_invalid',
  title: 'Settings invalid',
  status: 422,
  detail: 'Settings violate 3 consistency rule(s)',
  code: 'settings_invalid',
  instance: '/api/v1/admin/settings-versions/2',
  errors: [
    {
      code: 'min_above_max',
      message: 'level_exam_min_per_module (7) must be <= level_exam_max_per_module (6)',
      path: '/body/settings/level_exam_min_per_module',
    },
    {
      code: 'k_times_min_above_total',
      message: 'k_exam × level_exam_min_per_module (3 × 7 = 21) must be <= level_exam_total_q (20)',
      path: '/body/settings/level_exam_total_q',
    },
    {
      code: 'pass_above_total',
      message: 'level_exam_pass_score (21) must be <= level_exam_total_q (20)',
      path: '/body/settings/level_exam_total_q',
    },
  ],
};

function renderEditor(respond: (body: unknown) => Response) {
  const sent: unknown[] = [];
  const session = { accessToken: () => 'token', refreshAfterUnauthorized: async () => null } as unknown as Session;
  const http = createHttpClient(session, (async (_url: string, init: RequestInit) => {
    const body: unknown = JSON.parse(String(init.body));
    sent.push(body);
    return respond(body);
  }) as typeof fetch);
  render(
    <I18nextProvider i18n={setupI18n('en')}>
      <ApiProvider client={http}>
        <QueryClientProvider client={new QueryClient()}>
          <SettingsEditor version={draft} />
        </QueryClientProvider>
      </ApiProvider>
    </I18nextProvider>,
  );
  return { sent, user: userEvent.setup() };
}

/** The text a screen reader announces with the field: its aria-describedby targets. */
function descriptionOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '');
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('SettingsEditor', () => {
  it('puts every rule of a 422 settings_invalid at the field it names, and clears them once the save succeeds', async () => {
    let reject = true;
    const { sent, user } = renderEditor((body) =>
      reject
        ? new Response(JSON.stringify(settingsInvalid), {
            status: 422,
            headers: { 'content-type': 'application/problem+json' },
          })
        : Response.json({ ...draft, settings: (body as { settings: SettingsVersion['settings'] }).settings }),
    );
    const min = screen.getByLabelText('Level exam: min per weak module');
    await user.clear(min);
    await user.type(min, '7');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await screen.findByText('Settings violate 3 consistency rule(s)');
    expect((sent[0] as { settings: Record<string, unknown> }).settings.level_exam_min_per_module).toBe(7);
    expect(min.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(min)).toContain('level_exam_min_per_module (7) must be <= level_exam_max_per_module (6)');
    const total = screen.getByLabelText('Level exam: questions');
    expect(total.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(total)).toContain('k_exam × level_exam_min_per_module (3 × 7 = 21)');
    expect(descriptionOf(total)).toContain('level_exam_pass_score (21) must be <= level_exam_total_q (20)');
    const untouched = screen.getByLabelText('Level exam: pass score');
    expect(untouched.getAttribute('aria-invalid')).toBeNull();

    reject = false;
    await user.clear(min);
    await user.type(min, '4');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText('Draft saved.');
    expect(min.getAttribute('aria-invalid')).toBeNull();
    expect(total.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses a value that is not a whole number at its field without calling the server', async () => {
    const { sent, user } = renderEditor(() => Response.json(draft));
    const k = screen.getByLabelText('Level exam: weak modules (K)');
    await user.clear(k);
    await user.type(k, 'three');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(k.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(k)).toContain('Enter a whole number, 0 or more.');
    expect(sent).toEqual([]);
  });
});
