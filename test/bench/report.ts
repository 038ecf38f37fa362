import type { BenchProfile, CONNECTIONS } from './bench-profile.js';
import { median, type LoadResult } from './load.js';
import type { Plan } from './sql-insight.js';

/** Everything one bench run measured; rendered as a console table and as docs/benchmarks.md. */
export interface BenchReport {
  readonly profile: BenchProfile;
  readonly date: string;
  readonly commit: string;
  readonly machine: {
    cores: number;
    cpuModel: string;
    totalMemBytes: number;
    node: string;
    postgres: string;
    loadAverage: number[];
  };
  readonly poolMax: number;
  readonly connections: typeof CONNECTIONS;
  readonly bankSmallSize: number;
  readonly learnerLoadSeconds: number;
  readonly bankLoadSeconds: number;
  readonly tableSizes: { relname: string; rows: number }[];
  readonly ceiling: LoadResult[];
  readonly read: LoadResult[];
  readonly readUnderLogin: LoadResult[];
  readonly logins: LoadResult[];
  /** Level exams untimed (the seeded settings): the cycle of every bench before sittings, for comparison. */
  readonly cycles: LoadResult[];
  /** Autosaves of one answer, and reads run right after each (docs/product.md, "Exam sittings"). */
  readonly saves: LoadResult[];
  readonly readsBesideSaves: LoadResult[];
  readonly learnerScale: {
    smallRead: LoadResult[];
    smallEligibility: LoadResult[];
    largeRead: LoadResult[];
    largeEligibility: LoadResult[];
  };
  readonly bankScale: { small: LoadResult[]; large: LoadResult[] };
  readonly memory: { peakBytes: number; source: string };
  readonly roundTrips: RoundTripRow[];
  readonly plans: { endpoint: string; plans: Plan[] }[];
  readonly problems: string[];
  readonly totalSeconds: number;
}

export interface RoundTripRow {
  readonly endpoint: string;
  readonly perRequest: number;
  /** What the last counted request sent, one label per round trip or statement. */
  readonly statements: string[];
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const rps = (value: number) => `${value.toFixed(0)} req/s`;
const x = (value: number) => `${value.toFixed(2)}×`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const med = (results: readonly LoadResult[], pick: (result: LoadResult) => number) => median(results.map(pick));

interface Row {
  readonly scenario: string;
  readonly measured: string;
  readonly bar: string;
  /** undefined: a reference, nothing to meet. */
  readonly met?: boolean;
}

function rows(report: BenchReport): Row[] {
  const ceiling = med(report.ceiling, (r) => r.rps);
  const read = med(report.read, (r) => r.rps);
  const readP99 = med(report.read, (r) => r.p99);
  const cycleCalls = med(report.cycles, (r) => r.rps);
  const cycleP99 = med(report.cycles, (r) => r.p99);
  const underP99 = med(report.readUnderLogin, (r) => r.p99);
  const logins = med(report.logins, (r) => r.rps);
  const bankSmall = med(report.bankScale.small, (r) => r.p50);
  const bankLarge = med(report.bankScale.large, (r) => r.p50);
  const { smallRead, smallEligibility, largeRead, largeEligibility } = report.learnerScale;
  const readScale = med(largeRead, (r) => r.p50) / med(smallRead, (r) => r.p50);
  const eligibilityScale = med(largeEligibility, (r) => r.p50) / med(smallEligibility, (r) => r.p50);
  const peakMib = report.memory.peakBytes / 1024 / 1024;
  const p = report.profile;
  return [
    {
      scenario: `ceiling (Express + pg, 1 SELECT by PK, ${report.connections.ceiling} conns)`,
      measured: `${rps(ceiling)}, p50 ${ms(med(report.ceiling, (r) => r.p50))}, p99 ${ms(med(report.ceiling, (r) => r.p99))}`,
      bar: 'reference',
    },
    {
      scenario: `read: GET /progress/current-stage (${report.connections.read} conns, ${p.readTokens} learner tokens)`,
      measured: `${rps(read)} = ${x(read / ceiling)} ceiling, p50 ${ms(med(report.read, (r) => r.p50))}, p99 ${ms(readP99)}`,
      bar: '≥ 0.50× ceiling',
      met: read / ceiling >= 0.5,
    },
    {
      scenario: `exam cycle: untimed level start + submit (${report.connections.exam} conns)`,
      measured: `${(cycleCalls / 2).toFixed(0)} cycles/s = ${rps(cycleCalls)} = ${x(cycleCalls / ceiling)} ceiling, p50 ${ms(med(report.cycles, (r) => r.p50))}, p99 ${ms(cycleP99)}`,
      bar: '≥ 0.15× ceiling (per HTTP call)',
      met: cycleCalls / ceiling >= 0.15,
    },
    {
      scenario: `autosave: PUT /exams/level/{id}/answers, one answer (${report.connections.exam} conns)`,
      measured: `p50 ${ms(med(report.saves, (r) => r.p50))} beside a read's ${ms(med(report.readsBesideSaves, (r) => r.p50))} = ${x(med(report.saves, (r) => r.p50) / med(report.readsBesideSaves, (r) => r.p50))}; ${rps(med(report.saves, (r) => r.rps))}, p99 ${ms(med(report.saves, (r) => r.p99))}`,
      bar: 'reported (a save beside a read)',
    },
    {
      scenario: `login under load: read + logins at full speed (${report.connections.login} conns, argon2id m=19 MiB t=2)`,
      measured: `read p99 ${ms(readP99)} alone → ${ms(underP99)} = ${x(underP99 / readP99)}; ${logins.toFixed(1)} logins/s; read ${rps(med(report.readUnderLogin, (r) => r.rps))}`,
      bar: 'read p99 ≤ 2× alone',
      met: underP99 / readP99 <= 2,
    },
    {
      scenario: `bank scale: exam start p50, ${report.bankSmallSize} vs ${p.bankLarge.toLocaleString('en-US')} active questions/module`,
      measured: `${ms(bankSmall)} → ${ms(bankLarge)} = ${x(bankLarge / bankSmall)}`,
      bar: '≤ 1.5×',
      met: bankLarge / bankSmall <= 1.5,
    },
    {
      scenario: `learner scale: read p50, ${p.learnersSmall} vs ${p.learnersLarge.toLocaleString('en-US')} learners`,
      measured: `${ms(med(smallRead, (r) => r.p50))} → ${ms(med(largeRead, (r) => r.p50))} = ${x(readScale)}`,
      bar: '≤ 1.3×',
      met: readScale <= 1.3,
    },
    {
      scenario: `learner scale: eligibility p50, ${p.learnersSmall} vs ${p.learnersLarge.toLocaleString('en-US')} learners`,
      measured: `${ms(med(smallEligibility, (r) => r.p50))} → ${ms(med(largeEligibility, (r) => r.p50))} = ${x(eligibilityScale)}`,
      bar: '≤ 1.3×',
      met: eligibilityScale <= 1.3,
    },
    {
      scenario: 'memory: server peak RSS over the whole bench',
      measured: `${peakMib.toFixed(0)} MiB (${report.memory.source})`,
      bar: '≤ 250 MB',
      met: peakMib * 1.048576 <= 250,
    },
  ];
}

function verdict(row: Row, judged: boolean): string {
  if (row.met === undefined) return '—';
  if (!judged) return 'not judged (quick)';
  return row.met ? 'met' : 'NOT met';
}

function textTable(headers: string[], body: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' │ ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}

function runsTable(report: BenchReport): string {
  const series: [string, LoadResult[]][] = [
    ['ceiling', report.ceiling],
    ['read', report.read],
    ['read under logins', report.readUnderLogin],
    ['logins', report.logins],
    ['exam cycle (per call)', report.cycles],
    ['autosave (one answer)', report.saves],
    ['read beside autosave', report.readsBesideSaves],
    [`read @ ${report.profile.learnersSmall} learners`, report.learnerScale.smallRead],
    [`eligibility @ ${report.profile.learnersSmall} learners`, report.learnerScale.smallEligibility],
    [`eligibility @ ${report.profile.learnersLarge} learners`, report.learnerScale.largeEligibility],
    [`exam start @ ${report.bankSmallSize}/module`, report.bankScale.small],
    [`exam start @ ${report.profile.bankLarge}/module`, report.bankScale.large],
  ];
  const lines = ['| series | run | ok responses | req/s | p50 | p99 | unexpected |', '|---|---|---|---|---|---|---|'];
  for (const [name, results] of series) {
    results.forEach((result, i) => {
      const failures = Object.keys(result.failures).length === 0 ? '' : JSON.stringify(result.failures);
      lines.push(
        `| ${name} | ${i + 1} | ${result.ok} | ${result.rps.toFixed(1)} | ${ms(result.p50)} | ${ms(result.p99)} | ${failures} |`,
      );
    });
  }
  return lines.join('\n');
}

/** `analysis`: hand-written findings (test/bench/analysis.md), dated by their author, shown after the results. */
export function renderReport(report: BenchReport, analysis?: string): { table: string; markdown: string } {
  const judged = report.profile.name === 'full';
  const summary = rows(report);
  const table = textTable(
    ['scenario', 'measured (medians)', 'bar', 'verdict'],
    summary.map((row) => [row.scenario, row.measured, row.bar, verdict(row, judged)]),
  );
  const trips = textTable(
    ['endpoint', 'SQL round trips / request'],
    report.roundTrips.map((row) => [row.endpoint, String(row.perRequest)]),
  );
  const m = report.machine;

  const markdown = `# Benchmarks

Generated by \`npm run bench\` (test/bench/run.ts) — do not edit by hand; re-run the bench instead.
Every number below comes from one run of the bench on
one machine; only the **ratios** (taken in the same run) are comparable across machines.

- date: ${report.date}
- commit: ${report.commit}
- machine: ${m.cores} cores (${m.cpuModel}), ${mib(m.totalMemBytes)} memory; load average at the end ${m.loadAverage.map((v) => v.toFixed(2)).join(' / ')} (the machine is shared)
- Node ${m.node}, PostgreSQL ${m.postgres} on the same machine
- server: the built \`dist/src/main.js\`, NODE_ENV=production, APP_ENV=production, LOG_LEVEL=warn, DB_POOL_MAX=${report.poolMax} (2 × cores + 1), login rate limits off, argon2id m=19456 KiB t=2 p=1
- ceiling: Express 5 + pg in its own process, same pool size, \`SELECT … FROM users WHERE id = $1\` on a random learner
- ${report.profile.runs} measured run(s) of ${report.profile.seconds} s per duration scenario (after a warm-up), exam-start runs of ${report.profile.startsPerRun} starts each; medians reported
- data: ${report.profile.learnersLarge.toLocaleString('en-US')} learners written set-based in ${report.learnerLoadSeconds.toFixed(1)} s (incl. VACUUM ANALYZE), bank grown to ${report.profile.bankLarge.toLocaleString('en-US')} active questions/module in ${report.bankLoadSeconds.toFixed(1)} s; bench wall time ${report.totalSeconds.toFixed(0)} s

## Results

| scenario | measured (medians) | bar | verdict |
|---|---|---|---|
${summary.map((row) => `| ${row.scenario} | ${row.measured} | ${row.bar} | ${verdict(row, judged)} |`).join('\n')}

${report.problems.length > 0 ? `**The harness saw unexpected answers:**\n\n${report.problems.map((p) => `- ${p}`).join('\n')}\n` : ''}
### Every run

${runsTable(report)}

${analysis === undefined ? '' : `${analysis.trim()}\n\n`}## What the learners look like

Every bench learner is in the same reachable state (test/bench/sql/bench-data.sql): trainee 0
completed (diagnostika 15/20, reading done, level exam passed, rank transition approved), junior 1
active with its reading done and one failed level exam — eligible to start the level exam again.
The exam cycle answers 8 of 20 right, so every cycle fails and the learner may start again.

| table | rows at the end |
|---|---|
${report.tableSizes.map((t) => `| ${t.relname} | ${t.rows.toLocaleString('en-US')} |`).join('\n')}

## SQL round trips per request

Counted on the wire by a proxy between a second server process and PostgreSQL (test/bench/pg-wire-counter.ts):
one round trip per simple query (BEGIN, COMMIT, SET LOCAL) and per extended-protocol Sync (one prepared statement).

| endpoint | round trips | what they are |
|---|---|---|
${report.roundTrips.map((row) => `| ${row.endpoint} | ${row.perRequest} | ${row.statements.join(' → ')} |`).join('\n')}

## Query plans (EXPLAIN (ANALYZE, BUFFERS)) at ${report.profile.learnersLarge.toLocaleString('en-US')} learners and ${report.profile.bankLarge.toLocaleString('en-US')} questions/module

The exact statements and parameters of one real request each (captured on the wire), prepared and
executed five times first so PostgreSQL picks the custom or generic plan as it does for the server's
named statements, then explained inside a rolled-back transaction.

${report.plans
  .map(
    (endpoint) =>
      `### ${endpoint.endpoint}\n\n${endpoint.plans.map((plan) => `#### \`${plan.statement}\`\n\n\`\`\`text\n${plan.plan}\n\`\`\``).join('\n\n')}`,
  )
  .join('\n\n')}
`;
  return { table: `${table}\n\n${trips}`, markdown };
}
