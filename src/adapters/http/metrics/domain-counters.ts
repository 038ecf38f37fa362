import client from 'prom-client';

/**
 * Domain counters, fed by the route template and status of each answered request (and the
 * `passed` flag of a submit's body), so a new operation is counted by adding one line to EVENTS
 * and no use case knows about metrics. Labels are closed sets: never a user, an id or a URL.
 */
export interface DomainCounters {
  readonly logins: client.Counter<'kind' | 'outcome'>;
  readonly refreshes: client.Counter<'kind' | 'outcome'>;
  readonly examSubmits: client.Counter<'kind' | 'result'>;
  readonly approvalsDecided: client.Counter<'decision'>;
}

export function domainCounters(registry: client.Registry): DomainCounters {
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new client.Counter<L>({ name, help, labelNames, registers: [registry] });
  return {
    logins: counter('app_logins_total', 'Login attempts by kind and outcome', ['kind', 'outcome']),
    refreshes: counter('app_token_refreshes_total', 'Token refreshes by kind and outcome', ['kind', 'outcome']),
    examSubmits: counter('app_exam_submits_total', 'Answered submits by kind and result', ['kind', 'result']),
    approvalsDecided: counter('app_approvals_decided_total', 'Approval requests decided', ['decision']),
  };
}

/** 2xx success, 401/403 refused, 429 rate limited, anything else (4xx input, 5xx) error. */
function outcome(status: number): string {
  if (status >= 200 && status < 300) return 'success';
  if (status === 401 || status === 403) return 'refused';
  if (status === 429) return 'rate_limited';
  return 'error';
}

type Event = (counters: DomainCounters, status: number, body: unknown) => void;

const login =
  (kind: string): Event =>
  (c, status) =>
    c.logins.inc({ kind, outcome: outcome(status) });
const refresh =
  (kind: string): Event =>
  (c, status) =>
    c.refreshes.inc({ kind, outcome: outcome(status) });
const submit =
  (kind: string): Event =>
  (c, status, body) => {
    if (status !== 200) return;
    const passed = (body as { passed?: unknown } | undefined)?.passed;
    c.examSubmits.inc({ kind, result: passed === true ? 'pass' : passed === false ? 'fail' : 'scored' });
  };
const decided =
  (decision: string): Event =>
  (c, status) => {
    if (status === 200) c.approvalsDecided.inc({ decision });
  };

/** `METHOD route-template` → what it counts. */
const EVENTS: Readonly<Record<string, Event>> = {
  'POST /auth/login': login('learner'),
  'POST /admin/login': login('admin'),
  'POST /auth/refresh': refresh('learner'),
  'POST /admin/auth/refresh': refresh('admin'),
  'POST /diagnostika/submit': submit('diagnostika'),
  'POST /content/:article_id/minitest/submit': submit('minitest'),
  'POST /exams/level/:attempt_id/submit': submit('level_exam'),
  'POST /exams/rank-final/:attempt_id/submit': submit('rank_final'),
  'POST /admin/approvals/:request_id/approve': decided('approved'),
  'POST /admin/approvals/:request_id/reject': decided('rejected'),
};

export function countDomainEvent(counters: DomainCounters, key: string, status: number, body: unknown): void {
  EVENTS[key]?.(counters, status, body);
}
