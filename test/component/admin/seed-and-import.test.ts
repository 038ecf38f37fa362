import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ContentDocumentsInvalid, type ContentProblem } from '../../../src/adapters/postgres/seed/content-document.js';
import { readContentDocuments } from '../../../src/adapters/postgres/seed/seed-database.js';
import { useApi } from '../../support/api.js';
import { uniqueName } from '../../support/fixtures/admin.js';
import { newAdmin } from '../../support/fixtures/identity.js';

/** A seed content document that breaks several rules of the import, none of them a JSON type. */
const brokenDocument = (module: string, ref: string) => ({
  module,
  questions: [
    { text: 'Which is a list?', options: ['[]', '{}', '()'], correct_pos: 4 },
    { text: 'Which is a list?', options: ['a', 'a'], correct_pos: 1 },
    { text: '   ', options: ['x', 'y'], correct_pos: 2 },
  ],
  articles: [
    { stage: 'junior-9', kind: 'required', position: 1, title: 'Lists', content_ref: ref, body: '', minitest: [1, 2] },
    { stage: 'trainee-0', kind: 'optional', position: 0, title: 'Extra', content_ref: ref, body: '', minitest: [] },
  ],
});

/** The seed's problems of a one-document folder, each as the import would point at it (module 0 of the bundle). */
function seedProblems(document: unknown): { code: string; message: string; path: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'seed-vs-import-'));
  try {
    writeFileSync(join(dir, 'module.json'), JSON.stringify(document));
    readContentDocuments(dir);
  } catch (error) {
    expect(error).to.be.instanceOf(ContentDocumentsInvalid);
    return (error as ContentDocumentsInvalid).problems.map((problem: ContentProblem) => {
      expect(problem.source).to.equal(join(dir, 'module.json'));
      return { code: problem.code, message: problem.message, path: `/body/modules/0${problem.pointer}` };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return expect.fail('the seed accepted the document');
}

describe('seed loader and bundle import: one rule set, one error format', () => {
  const api = useApi();

  it('refuse the same document with the same errors at the same JSON Pointers', async () => {
    const admin = await newAdmin(api);
    const module = uniqueName('lists');
    const document = brokenDocument(module, uniqueName('ref'));
    const { module: name, ...content } = document;

    const fromSeed = seedProblems(document);
    const imported = await api.request('POST', '/api/v1/admin/import', {
      token: admin.token,
      body: { track: uniqueName('track'), modules: [{ name, ...content }] },
    });

    expect(imported.status, imported.text).to.equal(422);
    expect(imported.body.code).to.equal('import_invalid');
    expect(imported.body.errors).to.deep.equal(fromSeed);
    // every rule the document breaks is reported, by both
    expect(fromSeed.map((error) => `${error.code} ${error.path}`)).to.deep.equal([
      'correct_option_out_of_range /body/modules/0/questions/0/correct_pos',
      'duplicate_option /body/modules/0/questions/1/options',
      'duplicate_question /body/modules/0/questions/1/text',
      'blank /body/modules/0/questions/2/text',
      'unknown_stage /body/modules/0/articles/0/stage',
      'minitest_size /body/modules/0/articles/0/minitest',
      'position_below_one /body/modules/0/articles/1/position',
      'duplicate_content_ref /body/modules/0/articles/1/content_ref',
    ]);
  });

  it('accept the documents the seed ships, so the demo content is importable as it stands', () => {
    expect(() => readContentDocuments(join('sql', 'seed', 'content'), uniqueName('track'))).not.to.throw();
  });
});
