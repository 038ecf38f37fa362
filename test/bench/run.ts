import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Argon2PasswordHasher } from '../../src/adapters/security/argon2-password-hasher.js';
import { JwtTokenIssuer } from '../../src/adapters/security/jwt-token-issuer.js';
import { loadConfig } from '../../src/config/config.js';
import { PROJECT_ROOT } from '../../src/config/project-paths.js';
import { findViolations } from '../reliability/invariants.js';
import type { ServerProcess } from '../support/reliability/server-process.js';
import { BENCH_PASSWORD, openBenchData, type BenchData } from './bench-data.js';
import { createBenchDatabase, type BenchDatabase } from './bench-database.js';
import { sampleMemory, startBenchServer, startCeiling, type CeilingProcess } from './bench-processes.js';
import { CONNECTIONS, PROFILES, type BenchProfile } from './bench-profile.js';
import { median, rotation, runLoad, type LoadResult } from './load.js';
import { startWireCounter } from './pg-wire-counter.js';
import { renderReport, type BenchReport, type RoundTripRow } from './report.js';
import { openSittings, saveRun } from './sitting-load.js';
import { capture, explainStatements, statementLabel, type Plan } from './sql-insight.js';
import { measureWebApp } from './web-app.scenario.js';
import { foldBenchAnswers, itemStatisticsReader, startUpkeepFreeTwin } from './item-statistics.scenario.js';
import { measureTopology } from './topology-scenarios.js';
import { answerKey, examCycle, failingSheet } from './exam-cycle.scenario.js';

/**
 * `npm run bench`: provisions its own database (the tests' server order),
 * migrates, seeds, writes learners set-based, builds and starts the built server and the ceiling app
 * as child processes, loads them with autocannon and reports ratios taken in this same run.
 * `--quick`: the same end to end on small data with second-long runs (CI); it asserts no timing,
 * only that every scenario got the answers it expected.
 */
const profile: BenchProfile = process.argv.includes('--quick') ? PROFILES.quick : PROFILES.full;
/** Where the markdown report goes: docs/benchmarks.md for the full bench, nowhere for --quick unless `--out <file>`. */
const outIndex = process.argv.indexOf('--out');
const reportPath =
  outIndex > 0
    ? process.argv[outIndex + 1]
    : profile.name === 'full'
      ? join(PROJECT_ROOT, 'docs', 'benchmarks.md')
      : undefined;
const started = Date.now();
const log = (message: string) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`);
const API = '/api/v1';
const TRACK = 'default';

/** The bench database, once created: a signal handler drops it. */
let current: BenchDatabase | undefined;

/** Runs that answered anything unexpected: the harness (not the timing) is broken. */
const problems: string[] = [];
function checked(result: LoadResult): LoadResult {
  if (Object.keys(result.failures).length > 0)
    problems.push(`${result.title}: ${JSON.stringify(result.failures)} of ${result.total}`);
  if (result.ok === 0) problems.push(`${result.title}: no successful response`);
  return result;
}

function build(): void {
  log('npm run build');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Consecutive, disjoint slices of learner numbers, so no scenario inherits another's open attempts. */
function slicer(from: number) {
  let next = from;
  return (count: number) => {
    const slice = Array.from({ length: count }, (_, i) => next + i);
    next += count;
    return slice;
  };
}

function sample<T>(items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

const LAST_REPORT = join(os.tmpdir(), `alp-bench-last-${profile.name}.json`);
const ANALYSIS = join(PROJECT_ROOT, 'test', 'bench', 'analysis.md');

function publish(report: BenchReport): void {
  const analysis = existsSync(ANALYSIS) ? readFileSync(ANALYSIS, 'utf8') : undefined;
  const rendered = renderReport(report, analysis);
  console.log(`\n${rendered.table}\n`);
  if (reportPath !== undefined) {
    writeFileSync(reportPath, rendered.markdown);
    log(`wrote ${reportPath}`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    // `--render`: the last run's report again, from its JSON in the OS temp folder.
    publish(JSON.parse(readFileSync(LAST_REPORT, 'utf8')) as BenchReport);
    return;
  }
  log(
    `profile ${profile.name}: ${profile.learnersSmall} → ${profile.learnersLarge} learners, bank → ${profile.bankLarge}/module, ${profile.runs} run(s) × ${profile.seconds}s`,
  );
  build();

  const cores = os.availableParallelism();
  const poolMax = Math.max(4, 2 * cores + 1);
  const jwtSecret = randomBytes(48).toString('base64url');

  let db: BenchDatabase | undefined;
  let data: BenchData | undefined;
  let server: ServerProcess | undefined;
  let ceiling: CeilingProcess | undefined;
  try {
    log('database: create, migrate, seed');
    db = await createBenchDatabase();
    current = db;
    const config = loadConfig({ DATABASE_URL: db.url, JWT_SECRET: jwtSecret, APP_ENV: 'production' });
    const tokens = new JwtTokenIssuer({ ...config.jwt, accessTtlMinutes: 24 * 60 });
    const tokenOf = (userId: number) => tokens.issue(userId, 'user').accessToken;
    const passwordHash = await new Argon2PasswordHasher(config.passwordHash).hash(BENCH_PASSWORD);
    const pgVersion = (await db.pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;

    data = await openBenchData(db.pool, { trackName: TRACK, passwordHash });
    const userIds = new Map<number, number>();
    const addLearners = async (from: number, to: number) => {
      const t0 = Date.now();
      const ids = await data!.addLearners(from, to, (done) => {
        if (profile.name === 'full') log(`  learners ${from}..${from + done - 1} written`);
      });
      ids.forEach((id, index) => userIds.set(from + index, id));
      await data!.settle();
      return (Date.now() - t0) / 1000;
    };
    const tokensFor = (numbers: readonly number[]) => numbers.map((n) => tokenOf(userIds.get(n)!));

    log(`learners 1..${profile.learnersSmall}`);
    await addLearners(1, profile.learnersSmall);
    const answersSmall = (await foldBenchAnswers(db.pool)).answers;

    log(`built server (DB_POOL_MAX=${poolMax})`);
    server = await startBenchServer({ databaseUrl: db.url, jwtSecret, poolMax });
    const memory = sampleMemory(server.pid);
    const base = server.url;

    const readOf = (
      title: string,
      path: string,
      tokenList: readonly string[],
      seconds = profile.seconds,
      url = base,
    ) => {
      const next = rotation(tokenList);
      return runLoad({
        title,
        url,
        connections: CONNECTIONS.read,
        duration: seconds,
        requests: [
          { method: 'GET', path: `${API}${path}`, setup: () => ({ headers: { authorization: `Bearer ${next()}` } }) },
        ],
      });
    };

    // ── learner scale, small point ───────────────────────────────────────────────────────────
    const smallTokens = tokensFor(Array.from({ length: profile.learnersSmall }, (_, i) => i + 1));
    log(`learner scale at ${profile.learnersSmall} learners`);
    await readOf('warm-up', '/progress/current-stage', smallTokens, profile.warmSeconds);
    await readOf('warm-up', '/progress/eligibility', smallTokens, profile.warmSeconds);
    const smallRead: LoadResult[] = [];
    const smallEligibility: LoadResult[] = [];
    for (let run = 0; run < profile.runs; run += 1) {
      smallRead.push(checked(await readOf('read @ small', '/progress/current-stage', smallTokens)));
      smallEligibility.push(checked(await readOf('eligibility @ small', '/progress/eligibility', smallTokens)));
    }
    log(`item statistics read with ${answersSmall} answers`);
    const adminToken = tokens.issue(data.adminId, 'admin').accessToken;
    const itemStatisticsRead = await itemStatisticsReader({ url: base, pool: db.pool, trackName: TRACK, adminToken });
    await itemStatisticsRead('warm-up', profile.warmSeconds);
    const itemReadSmall: LoadResult[] = [];
    for (let run = 0; run < profile.runs; run += 1)
      itemReadSmall.push(checked(await itemStatisticsRead('item statistics @ small', profile.seconds)));

    // ── grow to the large learner set ─────────────────────────────────────────────────────────
    log(`learners ${profile.learnersSmall + 1}..${profile.learnersLarge} (set-based)`);
    const learnerLoadSeconds = await addLearners(profile.learnersSmall + 1, profile.learnersLarge);
    log(
      `  ${profile.learnersLarge - profile.learnersSmall} learners written and vacuumed in ${learnerLoadSeconds.toFixed(1)} s`,
    );

    const take = slicer(profile.learnersSmall + 1);
    const startPoolSize = profile.runs * (profile.startsPerRun + 2 * CONNECTIONS.exam) + 2 * CONNECTIONS.exam;
    const bankSmallPool = take(startPoolSize);
    const bankLargePool = take(startPoolSize);
    const countPool = take(4 * profile.countRequests + 4);
    const savePool = take(profile.saveLearners);
    const cyclePool = take(
      Math.min(
        profile.cycleLearners,
        profile.learnersLarge - profile.learnersSmall - 2 * startPoolSize - countPool.length - savePool.length,
      ),
    );
    const allNumbers = Array.from({ length: profile.learnersLarge }, (_, i) => i + 1);
    const largeTokens = tokensFor(sample(allNumbers, profile.readTokens));

    ceiling = await startCeiling({
      databaseUrl: db.url,
      poolMax,
      minId: userIds.get(1)!,
      maxId: userIds.get(profile.learnersLarge)!,
    });
    const ceilingRun = (title: string, seconds = profile.seconds) =>
      runLoad({
        title,
        url: ceiling!.url,
        connections: CONNECTIONS.ceiling,
        duration: seconds,
        requests: [{ method: 'GET', path: '/row' }],
      });
    const loginEmails = rotation(
      Array.from({ length: Math.min(1000, profile.learnersLarge) }, (_, i) => `bench-${i + 1}@bench.example`),
    );
    const loginRun = (title: string) =>
      runLoad({
        title,
        url: base,
        connections: CONNECTIONS.login,
        duration: profile.seconds,
        requests: [
          {
            method: 'POST',
            path: `${API}/auth/login`,
            setup: () => ({ body: JSON.stringify({ email: loginEmails(), password: BENCH_PASSWORD }) }),
          },
        ],
      });

    // ── ceiling, read, learner scale (large), login under load: interleaved runs ──────────────
    log(`ceiling / read / eligibility / read + logins at ${profile.learnersLarge} learners`);
    await ceilingRun('warm-up', profile.warmSeconds);
    await readOf('warm-up', '/progress/current-stage', largeTokens, profile.warmSeconds);
    await readOf('warm-up', '/progress/eligibility', largeTokens, profile.warmSeconds);
    const ceilings: LoadResult[] = [];
    const reads: LoadResult[] = [];
    const eligibilities: LoadResult[] = [];
    const readsUnderLogin: LoadResult[] = [];
    const logins: LoadResult[] = [];
    for (let run = 0; run < profile.runs; run += 1) {
      ceilings.push(checked(await ceilingRun('ceiling')));
      reads.push(checked(await readOf('read', '/progress/current-stage', largeTokens)));
      eligibilities.push(checked(await readOf('eligibility @ large', '/progress/eligibility', largeTokens)));
      const [underLogin, login] = await Promise.all([
        readOf('read under logins', '/progress/current-stage', largeTokens),
        loginRun('logins'),
      ]);
      readsUnderLogin.push(checked(underLogin));
      logins.push(checked(login));
    }

    // ── exam cycle ────────────────────────────────────────────────────────────────────────────
    const correct = await answerKey(db.pool);
    const cycleTokens = rotation(tokensFor(cyclePool));
    const cycleRun = (title: string, seconds = profile.seconds, url = base) =>
      examCycle({ title, url, seconds, nextToken: cycleTokens, key: correct });
    log('exam cycle (start + submit)');
    await cycleRun('warm-up', profile.warmSeconds);
    const cycles: LoadResult[] = [];
    for (let run = 0; run < profile.runs; run += 1) cycles.push(checked(await cycleRun('exam cycle')));

    // ── item statistics: the upkeep's cost, then the read at the large point ────────────────────
    log('exam cycle with vs without the item-statistics upkeep (upkeep-free twin server)');
    const twin = await startUpkeepFreeTwin({ databaseUrl: db.url, jwtSecret, poolMax });
    const cycleWithUpkeep: LoadResult[] = [];
    const cycleWithoutUpkeep: LoadResult[] = [];
    try {
      await cycleRun('warm-up', profile.warmSeconds, twin.server.url);
      for (let run = 0; run < profile.runs; run += 1) {
        cycleWithUpkeep.push(checked(await cycleRun('exam cycle with upkeep')));
        cycleWithoutUpkeep.push(checked(await cycleRun('exam cycle without upkeep', profile.seconds, twin.server.url)));
      }
    } finally {
      await twin.stop();
    }
    // The twin's submits folded nothing, and the bench's learners were written past the folds: fold everything.
    const foldedLarge = await foldBenchAnswers(db.pool);
    log(`item statistics read with ${foldedLarge.answers} answers (folded in ${foldedLarge.seconds.toFixed(1)} s)`);
    await itemStatisticsRead('warm-up', profile.warmSeconds);
    const itemReadLarge: LoadResult[] = [];
    for (let run = 0; run < profile.runs; run += 1)
      itemReadLarge.push(checked(await itemStatisticsRead('item statistics @ large', profile.seconds)));

    // ── topology: through PgBouncer, prepared statements off, metrics off ───────────────────────
    const topology = await measureTopology({
      profile,
      databaseUrl: db.url,
      jwtSecret,
      poolMax,
      baseUrl: base,
      read: (title, url, seconds) => readOf(title, '/progress/current-stage', largeTokens, seconds, url),
      cycle: (title, url, seconds) => cycleRun(title, seconds, url),
      checked,
      log,
    });

    // ── autosave, beside a read ───────────────────────────────────────────────────────────────
    log(`autosave (one answer per PUT) over ${savePool.length} open level exams`);
    const sittings = await openSittings(base, tokensFor(savePool));
    const savesOf = (title: string, seconds = profile.seconds) =>
      saveRun({ title, base, sittings, connections: CONNECTIONS.exam, seconds });
    await savesOf('warm-up', profile.warmSeconds);
    const saves: LoadResult[] = [];
    const readsBesideSaves: LoadResult[] = [];
    for (let run = 0; run < profile.runs; run += 1) {
      saves.push(checked(await savesOf('autosave')));
      readsBesideSaves.push(checked(await readOf('read beside autosave', '/progress/current-stage', largeTokens)));
    }

    // ── bank scale ────────────────────────────────────────────────────────────────────────────
    const startRun = (title: string, pool: () => string, amount: number) =>
      runLoad({
        title,
        url: base,
        connections: CONNECTIONS.exam,
        amount,
        expect: [201],
        requests: [
          {
            method: 'POST',
            path: `${API}/exams/level/start`,
            setup: () => ({ headers: { authorization: `Bearer ${pool()}` } }),
          },
        ],
      });
    const bankPoint = async (label: string, numbers: number[]) => {
      const pool = rotation(tokensFor(numbers));
      await startRun('warm-up', pool, 2 * CONNECTIONS.exam);
      const results: LoadResult[] = [];
      for (let run = 0; run < profile.runs; run += 1)
        results.push(checked(await startRun(`exam start @ ${label}`, pool, profile.startsPerRun)));
      return results;
    };
    const bankBefore = await data.activeQuestionsPerModule();
    const bankSmallSize = Math.min(...bankBefore.map((module) => module.active));
    log(`bank scale at ${bankSmallSize} active questions per module`);
    const bankSmall = await bankPoint('bank small', bankSmallPool);
    log(`bank → ${profile.bankLarge} active questions per module (set-based)`);
    const bankT0 = Date.now();
    await data.growBank(profile.bankLarge);
    await data.settle();
    const bankLoadSeconds = (Date.now() - bankT0) / 1000;
    log(`  bank grown and vacuumed in ${bankLoadSeconds.toFixed(1)} s`);
    const bankLarge = await bankPoint('bank large', bankLargePool);

    // The browser's part, while the memory sampler runs: the peak RSS is taken with the web app served.
    log('web app: learner bundle size, dashboard after login vs /docs in Chromium');
    const webApp = await measureWebApp(base, profile.name === 'full' ? 5 : 1);

    const peak = memory.stop();

    // ── SQL round trips and plans (a second server process, through a counting proxy) ─────────
    log('SQL round trips and plans');
    const dbUrl = new URL(db.url);
    const counter = await startWireCounter({ host: dbUrl.hostname, port: Number(dbUrl.port || 5432) });
    const counted = await startBenchServer({ databaseUrl: counter.urlThrough(db.url), jwtSecret, poolMax: 1 });
    const roundTrips: RoundTripRow[] = [];
    const plans: { endpoint: string; plans: Plan[] }[] = [];
    try {
      const call = async (method: string, path: string, token?: string, body?: unknown) => {
        const response = await fetch(`${counted.url}${API}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        return { status: response.status, body: text.length > 0 ? (JSON.parse(text) as any) : undefined };
      };
      const countTokens = tokensFor(countPool);
      // Warm the connection and every prepared statement once, outside the counts.
      await call('GET', '/progress/current-stage', countTokens[0]);
      await call('GET', '/progress/eligibility', countTokens[0]);

      const measure = async (
        endpoint: string,
        expect: number,
        send: (i: number) => Promise<{ status: number; body: any }>,
      ) => {
        const captures = [];
        for (let i = 0; i < profile.countRequests; i += 1) {
          const captured = await capture(counter, () => send(i));
          if (captured.result.status !== expect)
            problems.push(
              `round trips ${endpoint}: status ${captured.result.status} ${JSON.stringify(captured.result.body)}`,
            );
          captures.push(captured);
        }
        const last = captures.at(-1)!;
        roundTrips.push({
          endpoint,
          perRequest: median(captures.map((c) => c.roundTrips)),
          statements: last.statements.map(statementLabel),
        });
        return captures;
      };

      const readCaptures = await measure('GET /progress/current-stage', 200, (i) =>
        call('GET', '/progress/current-stage', countTokens[i]),
      );
      const eligibilityCaptures = await measure('GET /progress/eligibility', 200, (i) =>
        call('GET', '/progress/eligibility', countTokens[i]),
      );
      await measure('GET /users/me', 200, (i) => call('GET', '/users/me', countTokens[i]));
      const startCaptures = await measure('POST /exams/level/start (new attempt)', 201, (i) =>
        call('POST', '/exams/level/start', countTokens[i]),
      );
      await measure('PUT /exams/level/{id}/answers (one answer)', 200, (i) => {
        const attempt = startCaptures[i]!.result.body as {
          attempt_id: number;
          questions: { id: number; options: { id: number }[] }[];
        };
        const question = attempt.questions[0]!;
        return call('PUT', `/exams/level/${attempt.attempt_id}/answers`, countTokens[i], {
          answers: [{ question_id: question.id, selected_option_id: question.options[0]!.id }],
        });
      });
      const submitCaptures = await measure('POST /exams/level/{id}/submit (FAIL)', 200, async (i) => {
        const attempt = startCaptures[i]!.result.body as {
          attempt_id: number;
          questions: { id: number; options: { id: number }[] }[];
        };
        // The bank has grown since the cycle's answer key was read: look these questions up.
        const key = await db!.pool.query<{ id: number; correct_option_id: number }>(
          'SELECT id, correct_option_id FROM questions WHERE id = ANY($1)',
          [attempt.questions.map((q) => q.id)],
        );
        const rightOf = new Map(key.rows.map((row) => [row.id, row.correct_option_id]));
        return call(
          'POST',
          `/exams/level/${attempt.attempt_id}/submit`,
          countTokens[i],
          JSON.parse(failingSheet(attempt.questions, rightOf)),
        );
      });
      await measure('POST /auth/login', 200, (i) =>
        call('POST', '/auth/login', undefined, {
          email: `bench-${countPool[i]}@bench.example`,
          password: BENCH_PASSWORD,
        }),
      );

      // The last start's attempt is the one the last submit scored.
      const lastAttempt = Number((startCaptures.at(-1)!.result.body as { attempt_id: number }).attempt_id);
      plans.push({
        endpoint: 'GET /progress/current-stage',
        plans: await explainStatements(db.pool, readCaptures.at(-1)!.statements),
      });
      plans.push({
        endpoint: 'GET /progress/eligibility',
        plans: await explainStatements(db.pool, eligibilityCaptures.at(-1)!.statements),
      });
      plans.push({
        endpoint: 'POST /exams/level/start',
        plans: await explainStatements(db.pool, startCaptures.at(-1)!.statements, (statement) =>
          // Replaying the INSERT needs the attempt it created gone (one open attempt per stage).
          statement.name === 'exams/attempts.insert'
            ? [`DELETE FROM level_exam_attempts WHERE id = ${lastAttempt}`]
            : [],
        ),
      });
      plans.push({
        endpoint: 'POST /exams/level/{id}/submit',
        plans: await explainStatements(db.pool, submitCaptures.at(-1)!.statements, (statement) =>
          // Replaying the submission needs the attempt open again, without its answers.
          statement.name === 'exams/attempts.recordSubmission'
            ? [
                `DELETE FROM level_exam_attempt_answers WHERE attempt_id = ${lastAttempt}`,
                `DELETE FROM level_exam_attempt_module_stats WHERE attempt_id = ${lastAttempt}`,
                `UPDATE level_exam_attempts SET submitted_at = NULL, score_total = NULL, passed = false, passed_at = NULL WHERE id = ${lastAttempt}`,
              ]
            : [],
        ),
      });
    } finally {
      await counted.stop();
      await counter.close();
    }

    if (profile.name === 'quick') {
      // The bench's set-based learners and everything the load wrote must be states the API can
      // reach: the reliability suite's invariant queries must find nothing (too slow at full size).
      log('invariants');
      for (const violation of await findViolations(db.pool))
        problems.push(
          `invariant broken: ${violation.invariant.name} (${violation.rows.length} rows, e.g. ${JSON.stringify(violation.rows[0])})`,
        );
    }

    const sizes = (
      await db.pool.query<{ relname: string; rows: number }>(
        `SELECT relname, n_live_tup::int AS rows FROM pg_stat_user_tables
          WHERE relname IN ('users', 'user_stage_progress', 'user_stage_articles', 'level_exam_attempts', 'level_exam_attempt_questions',
                            'level_exam_attempt_answers', 'diagnostika_attempt_answers', 'questions', 'answer_options')
          ORDER BY relname`,
      )
    ).rows;

    const report: BenchReport = {
      profile,
      date: new Date().toISOString(),
      commit: gitCommit(),
      machine: {
        cores,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        totalMemBytes: os.totalmem(),
        node: process.version,
        postgres: `${pgVersion} (${db.serverKind})`,
        loadAverage: os.loadavg(),
      },
      poolMax,
      connections: CONNECTIONS,
      bankSmallSize,
      learnerLoadSeconds,
      bankLoadSeconds,
      tableSizes: sizes,
      ceiling: ceilings,
      read: reads,
      readUnderLogin: readsUnderLogin,
      logins,
      cycles,
      topology,
      saves,
      readsBesideSaves,
      learnerScale: { smallRead, smallEligibility, largeRead: reads, largeEligibility: eligibilities },
      bankScale: { small: bankSmall, large: bankLarge },
      itemStatistics: {
        answersSmall,
        answersLarge: foldedLarge.answers,
        foldSeconds: foldedLarge.seconds,
        readSmall: itemReadSmall,
        readLarge: itemReadLarge,
        cycleWithUpkeep,
        cycleWithoutUpkeep,
      },
      webApp,
      memory: peak,
      roundTrips,
      plans,
      problems,
      totalSeconds: (Date.now() - started) / 1000,
    };
    // Kept so the markdown can be rendered again (e.g. after editing test/bench/analysis.md) without re-running.
    writeFileSync(LAST_REPORT, JSON.stringify(report));
    publish(report);
  } finally {
    await ceiling?.stop().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await data?.close().catch(() => undefined);
    await db?.drop().catch((error: unknown) => console.error('could not drop the bench database:', error));
  }
  if (problems.length > 0) {
    console.error(`\nThe harness saw unexpected answers (not a timing problem):\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// Ctrl-C must not leave a multi-GB bench database behind (the child processes die with us).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: dropping the bench database`);
    void (current?.drop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
