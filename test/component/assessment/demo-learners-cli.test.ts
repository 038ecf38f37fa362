import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { PROJECT_ROOT } from '../../../src/config/project-paths.js';
import { useApi } from '../../support/api.js';
import { newAdmin, type Admin } from '../../support/fixtures/identity.js';

const run = promisify(execFile);

interface Summary {
  seed: number;
  emailPrefix: string;
  learners: number;
  diagnostikas: number;
  levelExams: number;
  answers: number;
  stopped: Record<string, number>;
}

/** `npm run demo:learners` as an operator runs it: a child process on DATABASE_URL (the seeded demo catalog). */
describe('npm run demo:learners', function () {
  this.timeout(180_000);
  const api = useApi();
  let admin: Admin;
  before(async () => {
    admin = await newAdmin(api);
  });

  const demoLearners = async (...args: string[]): Promise<Summary> => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/demo-learners.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: api.db.url,
        PASSWORD_HASH_MEMORY_KIB: '1024',
        PASSWORD_HASH_TIME_COST: '1',
        LOG_LEVEL: 'warn',
      },
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Summary;
  };

  /** Per question of the default track: responses, and per option the choices, as the admin API reports them. */
  const statistics = async () => {
    const modules = await api.db.pool.query<{ id: string }>(
      "SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id WHERE t.name = 'default' ORDER BY m.id",
    );
    const items = [];
    for (const { id } of modules.rows) {
      const report = await api.request('GET', `/api/v1/admin/modules/${id}/item-statistics`, { token: admin.token });
      expect(report.status, report.text).to.equal(200);
      items.push(...report.body.items);
    }
    return items as { question_id: number; responses: number; discrimination: number | null }[];
  };
  const totalResponses = (items: { responses: number }[]) => items.reduce((sum, item) => sum + item.responses, 0);

  it('adds learners who answer through the use cases, and the item statistics gain exactly their answers', async () => {
    const before = totalResponses(await statistics());
    const summary = await demoLearners('--count', '6', '--seed', '11');
    // every synthetic learner got through the seeded journey: diagnostika (20) and a level exam (20)
    expect(summary).to.deep.include({ seed: 11, learners: 6, diagnostikas: 6, levelExams: 6, stopped: {} });
    expect(summary.answers).to.equal(6 * 20 + 6 * 20);
    const after = await statistics();
    expect(totalResponses(after) - before).to.equal(summary.answers);

    // the learners are real accounts with a diagnostika and a submitted level exam each
    const found = await api.request('GET', `/api/v1/admin/users?q=${summary.emailPrefix}&limit=50`, {
      token: admin.token,
    });
    expect(found.status, found.text).to.equal(200);
    expect(found.body.items).to.have.length(6);
    const detail = await api.request('GET', `/api/v1/admin/users/${found.body.items[0].id}`, { token: admin.token });
    expect(detail.body.diagnostika).to.be.an('object');
    expect(detail.body.attempts.filter((a: { submitted_at: string | null }) => a.submitted_at !== null)).to.have.length(
      1,
    );
  });

  it('is additive (a second run adds new learners and their answers), and the answers discriminate', async () => {
    const first = await demoLearners('--count', '30', '--seed', '12');
    const middle = totalResponses(await statistics());
    const second = await demoLearners('--count', '5', '--seed', '12');
    expect(second.emailPrefix).to.not.equal(first.emailPrefix);
    expect(totalResponses(await statistics()) - middle).to.equal(second.answers);
    // under the ability model right answers go with high rest scores: discrimination is positive on the whole
    const discriminations = (await statistics())
      .map((item) => item.discrimination)
      .filter((value): value is number => value !== null)
      .sort((a, b) => a - b);
    expect(discriminations.length).to.be.greaterThan(20);
    expect(discriminations[Math.floor(discriminations.length / 2)]).to.be.greaterThan(0.1);
  });

  it('refuses a missing or malformed count with the usage and a non-zero exit', async () => {
    for (const args of [[], ['--count', '0'], ['--count', 'many'], ['--count', '5', '--seed', '-1']]) {
      const outcome = await demoLearners(...args).catch((error: { code: number; stderr: string }) => error);
      expect(outcome, args.join(' ')).to.have.property('code', 1);
      expect((outcome as { stderr: string }).stderr).to.match(/usage: npm run demo:learners -- --count/);
    }
  });
});
