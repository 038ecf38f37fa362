import type { ImportSummary } from '@contract';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportPage } from './import-page';
import { renderWithApi } from '@shared/testing/render-with-api';

const summary: ImportSummary = {
  track_id: 7,
  created: { tracks: 1, modules: 2, questions: 6, articles: 2, minitests: 1 },
  unchanged: { tracks: 0, modules: 0, questions: 3, articles: 0, minitests: 0 },
};

const importInvalid = {
  type: '/problems/import_invalid',
  title: 'Import bundle invalid',
  status: 422,
  detail: 'The import bundle is invalid: 3 problem(s)',
  code: 'import_invalid',
  instance: '/api/v1/admin/import',
  errors: [
    {
      code: 'unknown_stage',
      message: 'stage must be trainee-0 or junior|middle|senior-1..3',
      path: '/body/modules/0/articles/0/stage',
    },
    {
      code: 'minitest_size',
      message: 'a required article needs exactly 3 distinct minitest questions',
      path: '/body/modules/0/articles/0/minitest',
    },
    { code: 'duplicate_module', message: 'module names must be unique in a bundle', path: '/body/modules/1/name' },
  ],
};

function renderPage(respond: () => Response) {
  const sent: { url: string; method: string; body: unknown }[] = [];
  const server = async (url: string, init: RequestInit) => {
    sent.push({ url, method: String(init.method), body: JSON.parse(String(init.body)) });
    return respond();
  };
  renderWithApi(<ImportPage />, server);
  return { sent, user: userEvent.setup() };
}

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;
const jsonFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });
const bundle = { track: 'data-engineering', modules: [{ name: 'spark-basics' }] };

describe('ImportPage', () => {
  it('sends the chosen file as the bundle and shows what was created and what was already there', async () => {
    const { sent, user } = renderPage(() => Response.json(summary));
    expect((screen.getByRole('button', { name: 'Import the bundle' }) as HTMLButtonElement).disabled).toBe(true);
    await user.upload(fileInput(), jsonFile('bundle.json', JSON.stringify(bundle)));
    expect(screen.getByText('Chosen file: bundle.json')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import the bundle' }));

    await screen.findByText('Imported into track id 7.');
    expect(sent).toEqual([{ url: '/api/v1/admin/import', method: 'POST', body: bundle }]);
    const questions = screen.getByRole('row', { name: /Questions/ });
    expect(
      within(questions)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['6', '3']);
  });

  it('lists every problem of a refused bundle at its path in the file', async () => {
    const { user } = renderPage(
      () =>
        new Response(JSON.stringify(importInvalid), {
          status: 422,
          headers: { 'content-type': 'application/problem+json' },
        }),
    );
    await user.upload(fileInput(), jsonFile('broken.json', JSON.stringify(bundle)));
    await user.click(screen.getByRole('button', { name: 'Import the bundle' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: the bundle has 3 problems.');
    const rows = screen.getByRole('table', { name: 'Every problem, where it is in the bundle' });
    const cells = within(rows)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(cells).toEqual(['/modules/0/articles/0/stage', '/modules/0/articles/0/minitest', '/modules/1/name']);
    expect(within(rows).getByText(/module names must be unique in a bundle/)).toBeTruthy();
  });

  it('refuses a file that is not JSON without sending anything', async () => {
    const { sent, user } = renderPage(() => Response.json(summary));
    await user.upload(fileInput(), jsonFile('notes.json', '{ "track": '));
    await user.click(screen.getByRole('button', { name: 'Import the bundle' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^The file notes\.json is not JSON \(.+\); nothing was sent\.$/,
    );
    expect(sent).toEqual([]);
  });
});
