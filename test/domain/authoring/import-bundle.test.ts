import { expect } from 'chai';
import {
  checkPlanAgainstCatalog,
  MAX_REPORTED_ERRORS,
  parseStage,
  planImport,
  questionKey,
  type BundleInput,
  type CatalogFacts,
} from '../../../src/domain/authoring/import-bundle.rules.js';
import { STANDARD_LADDER } from '../../../src/domain/progress/stage-ladder.js';
import { expectDomainError } from '../expect-domain-error.js';

const bundle = (modules: BundleInput['modules']): BundleInput => ({ track: ' data ', modules });
const question = (text: string) => ({ text, options: ['a', 'b', 'c'], correctPos: 2 });
const noFacts: CatalogFacts = { stages: STANDARD_LADDER, articles: new Map(), questions: new Map() };

describe('import bundle rules', () => {
  it('reads stages written as in the seed (`junior-1`) or as {rank, level}, and nothing that cannot be on a ladder', () => {
    expect(parseStage('junior-1')).to.deep.equal({ rank: 'junior', level: 1 });
    expect(parseStage(' trainee-0 ')).to.deep.equal({ rank: 'trainee', level: 0 });
    expect(parseStage({ rank: 'senior', level: 3 })).to.deep.equal({ rank: 'senior', level: 3 });
    for (const bad of [
      'trainee-1',
      'junior-0',
      'junior-4',
      'lead-1',
      'junior1',
      'junior-1.5',
      '',
      { rank: 'middle', level: 1.5 },
      { rank: 'trainee', level: 1 },
    ]) {
      expect(parseStage(bad as never), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it("plans the bundle: trimmed texts, defaults for position and body, minitest indexes resolved to the module's question texts", () => {
    const plan = planImport(
      bundle([
        {
          name: ' alpha ',
          questions: [question(' q1 '), question('q2'), question('q3')],
          articles: [
            { stage: 'trainee-0', kind: 'required', title: ' T ', contentRef: ' r1 ', minitest: [3, ' q1 ', 2] },
            {
              stage: { rank: 'junior', level: 2 },
              kind: 'optional',
              position: 5,
              title: 'O',
              contentRef: 'r2',
              body: '# b',
            },
          ],
        },
      ]),
    );
    expect(plan).to.deep.equal({
      track: 'data',
      modules: ['alpha'],
      questions: [
        { module: 'alpha', text: 'q1', options: ['a', 'b', 'c'], correctPos: 2 },
        { module: 'alpha', text: 'q2', options: ['a', 'b', 'c'], correctPos: 2 },
        { module: 'alpha', text: 'q3', options: ['a', 'b', 'c'], correctPos: 2 },
      ],
      articles: [
        {
          module: 'alpha',
          rank: 'trainee',
          level: 0,
          kind: 'required',
          position: 1,
          title: 'T',
          contentRef: 'r1',
          body: '',
          minitest: ['q3', 'q1', 'q2'],
          at: ['modules', 0, 'articles', 0],
        },
        {
          module: 'alpha',
          rank: 'junior',
          level: 2,
          kind: 'optional',
          position: 5,
          title: 'O',
          contentRef: 'r2',
          body: '# b',
          minitest: [],
          at: ['modules', 0, 'articles', 1],
        },
      ],
    });
  });

  it('treats an index and the text of the same question as a duplicate in a minitest', () => {
    const error = expectDomainError(
      () =>
        planImport(
          bundle([
            {
              name: 'm',
              questions: [question('q1'), question('q2')],
              articles: [{ stage: 'trainee-0', kind: 'required', title: 't', contentRef: 'r', minitest: [1, 'q1', 2] }],
            },
          ]),
        ),
      'import_invalid',
    );
    expect(error.extensions.errors).to.deep.equal([
      {
        code: 'minitest_size',
        message: 'a required article needs exactly 3 distinct minitest questions',
        path: ['modules', 0, 'articles', 0, 'minitest'],
      },
    ]);
  });

  it("counts texts in UTF-8 bytes against the database's 2000-byte key limit", () => {
    const fits = 'é'.repeat(1000); // 2000 bytes
    expect(() => planImport(bundle([{ name: 'm', questions: [question(fits)] }]))).not.to.throw();
    const error = expectDomainError(
      () => planImport(bundle([{ name: 'm', questions: [question(`${fits}x`)] }])),
      'import_invalid',
    );
    expect(error.extensions.errors).to.deep.equal([
      {
        code: 'too_long',
        message: 'must be at most 2000 bytes of UTF-8',
        path: ['modules', 0, 'questions', 0, 'text'],
      },
    ]);
  });

  it('lists at most MAX_REPORTED_ERRORS problems, then says how many more there are', () => {
    const questions = Array.from({ length: MAX_REPORTED_ERRORS + 5 }, (_, i) => ({
      text: `q${i}`,
      options: ['only'],
      correctPos: 1,
    }));
    const error = expectDomainError(() => planImport(bundle([{ name: 'm', questions }])), 'import_invalid');
    const errors = error.extensions.errors as { code: string; message: string }[];
    expect(errors).to.have.length(MAX_REPORTED_ERRORS + 1);
    expect(errors[MAX_REPORTED_ERRORS]).to.deep.equal({
      code: 'too_many_errors',
      message: '5 more error(s) not listed',
      path: [],
    });
  });

  it('accepts minitest questions that the bundle creates or that are active in the bank, and refuses inactive or missing ones', () => {
    const plan = planImport(
      bundle([
        {
          name: 'm',
          questions: [question('new')],
          articles: [
            {
              stage: 'trainee-0',
              kind: 'required',
              title: 't',
              contentRef: 'r',
              minitest: ['new', 'banked', 'dormant'],
            },
          ],
        },
      ]),
    );
    const facts = (dormantActive: boolean): CatalogFacts => ({
      ...noFacts,
      questions: new Map([
        [questionKey('m', 'banked'), { isActive: true }],
        [questionKey('m', 'dormant'), { isActive: dormantActive }],
      ]),
    });
    expect(() => checkPlanAgainstCatalog(plan, facts(true))).not.to.throw();
    const error = expectDomainError(() => checkPlanAgainstCatalog(plan, facts(false)), 'import_invalid');
    expect(error.extensions.errors).to.deep.equal([
      {
        code: 'question_inactive',
        message: 'question "dormant" of module "m" is not active',
        path: ['modules', 0, 'articles', 0, 'minitest', 2],
      },
    ]);
  });

  it('accepts an existing article of the same module and kind (left as it is), and refuses one of another module or kind', () => {
    const plan = planImport(
      bundle([{ name: 'm', articles: [{ stage: 'trainee-0', kind: 'optional', title: 't', contentRef: 'r' }] }]),
    );
    expect(() =>
      checkPlanAgainstCatalog(plan, {
        ...noFacts,
        articles: new Map([['r', { module: 'm', kind: 'optional' as const }]]),
      }),
    ).not.to.throw();
    const other = expectDomainError(
      () =>
        checkPlanAgainstCatalog(plan, {
          ...noFacts,
          articles: new Map([['r', { module: null, kind: 'optional' as const }]]),
        }),
      'import_invalid',
    );
    expect((other.extensions.errors as { code: string }[]).map((e) => e.code)).to.deep.equal(['content_ref_taken']);
    const kind = expectDomainError(
      () =>
        checkPlanAgainstCatalog(plan, {
          ...noFacts,
          articles: new Map([['r', { module: 'm', kind: 'required' as const }]]),
        }),
      'import_invalid',
    );
    expect((kind.extensions.errors as { code: string }[]).map((e) => e.code)).to.deep.equal(['article_kind_differs']);
  });
});
