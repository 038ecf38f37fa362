import { expect } from 'chai';
import type { ApiResponse } from '../api.js';

/**
 * Fires `n` requests at once and collects every response. The requests are all created before
 * any is awaited, so they really overlap (they queue on the server, not in the test).
 */
export async function fireConcurrently<T = any>(
  n: number,
  makeRequest: (index: number) => Promise<ApiResponse<T>>,
): Promise<ApiResponse<T>[]> {
  const requests = Array.from({ length: n }, (_, index) => makeRequest(index));
  return Promise.all(requests);
}

/** "201×1 409:email_taken×29" — a readable fingerprint of an outcome for failure messages. */
export function statusSummary(responses: readonly ApiResponse[]): string {
  const counts = new Map<string, number>();
  for (const response of responses) {
    const code =
      typeof response.body === 'object' && response.body !== null && 'code' in response.body
        ? `:${String((response.body as { code: unknown }).code)}`
        : '';
    const key = `${response.status}${response.status >= 400 ? code : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort()
    .map(([key, count]) => `${key}×${count}`)
    .join(' ');
}

/** No response is a 5xx: a race is settled by the database, never by a crash or a timeout. */
export function expectNo5xx(responses: readonly ApiResponse[]): void {
  const failures = responses.filter((response) => response.status >= 500);
  expect(
    failures.length,
    `5xx under a race: ${statusSummary(responses)}\n${failures.map((f) => f.text.slice(0, 300)).join('\n')}`,
  ).to.equal(0);
}

export interface OneEffectExpectation {
  /** The status of the one request that takes effect (201 for a creation, 200 for a transition). */
  readonly effect: number;
  /** Statuses the others may answer with when they return the same result (the idempotent 200). */
  readonly idempotent?: readonly number[];
  /** 409 codes the losers may get. */
  readonly conflicts?: readonly string[];
}

/**
 * Exactly one request took effect; every other one is the idempotent answer or a 409 with one of
 * the listed codes; nothing else, and no 5xx. Returns the winner.
 */
export function expectExactlyOneEffect<T>(
  responses: readonly ApiResponse<T>[],
  expectation: OneEffectExpectation,
): ApiResponse<T> {
  expectNo5xx(responses);
  const summary = statusSummary(responses);
  const winners = responses.filter((response) => response.status === expectation.effect);
  const idempotent = expectation.idempotent ?? [];
  // When the idempotent answer has the effect's status (200 twice), "exactly one effect" must be proven by state.
  if (!idempotent.includes(expectation.effect))
    expect(winners.length, `exactly one ${expectation.effect} expected: ${summary}`).to.equal(1);
  else expect(winners.length, `at least one ${expectation.effect} expected: ${summary}`).to.be.at.least(1);
  for (const response of responses) {
    if (response.status === expectation.effect || idempotent.includes(response.status)) continue;
    expect(response.status, `unexpected status under a race: ${summary}`).to.equal(409);
    expect(expectation.conflicts ?? [], `unexpected 409 code under a race: ${summary}`).to.include(
      (response.body as { code?: string }).code,
    );
  }
  return winners[0]!;
}

/** Every request succeeded with `status` (operations that are not one-shot, such as login). */
export function expectAllSucceeded(responses: readonly ApiResponse[], status = 200): void {
  expectNo5xx(responses);
  expect(
    responses.every((response) => response.status === status),
    `all ${status} expected: ${statusSummary(responses)}`,
  ).to.equal(true);
}
