import { expect } from 'chai';
import type {
  ApprovalRequest,
  ApprovalRequests,
  Graduation,
} from '../../../src/application/approvals/approvals.ports.js';
import { approveRequest, rejectRequest } from '../../../src/application/approvals/decide-approval.use-case.js';
import type { StageTransitions } from '../../../src/application/progress/stage-transitions.port.js';
import { InMemoryTransactor, expectRejection, fakePort } from '../in-memory-ports.js';

const admin = { kind: 'admin', adminId: 2 } as const;

const pendingTransition: ApprovalRequest = {
  requestId: 5,
  userId: 7,
  trackId: 1,
  type: 'rank_transition',
  status: 'pending',
  fromStageId: 101,
  toStageId: 102,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  decidedAt: null,
  comment: 'automatic',
};

/** One request in memory; `decide` moves it out of pending once, as the conditional UPDATE does. */
function arrange(request: ApprovalRequest | undefined, fromStatus: 'active' | 'pending_approval' = 'pending_approval') {
  let stored = request;
  const writes: string[] = [];
  const deps = {
    transactor: new InMemoryTransactor(),
    approvals: fakePort<ApprovalRequests>('approvals', {
      decide: (_tx, decision) => {
        if (stored === undefined || stored.requestId !== decision.requestId || stored.status !== 'pending')
          return Promise.resolve(undefined);
        stored = { ...stored, status: decision.status, comment: decision.comment, decidedAt: new Date() };
        writes.push(`${decision.status} ${decision.requestId} by ${decision.adminId}`);
        return Promise.resolve(stored);
      },
      exists: (_db, requestId) => Promise.resolve(stored?.requestId === requestId),
    }),
    transitions: fakePort<StageTransitions>('transitions', {
      lockStage: () => Promise.resolve({ status: fromStatus, trackId: 1 }),
      complete: (_tx, userId, stageId) => (writes.push(`complete ${userId}/${stageId}`), Promise.resolve()),
      activate: (_tx, userId, _trackId, stageId) => (
        writes.push(`activate ${userId}/${stageId}`),
        Promise.resolve({ settingsVersionId: 3 })
      ),
    }),
    graduation: fakePort<Graduation>('graduation', {
      markGraduated: (_tx, userId) => (writes.push(`graduate ${userId}`), Promise.resolve(new Date())),
    }),
  };
  return { deps, writes };
}

describe('approveRequest / rejectRequest (in-memory ports)', () => {
  it('approving a rank transition completes the waiting stage and activates the next one', async () => {
    const { deps, writes } = arrange(pendingTransition);
    const decision = await approveRequest(deps)({ requestId: 5, comment: '  well done ' }, admin);
    expect(decision.graduated).to.equal(false);
    expect(decision.request).to.include({ status: 'approved', comment: 'well done' });
    expect(writes).to.deep.equal(['approved 5 by 2', 'complete 7/101', 'activate 7/102']);
    expect(deps.transactor.units).to.deep.equal(['run']);
  });

  it('approving a graduation completes the last stage and graduates the learner', async () => {
    const { deps, writes } = arrange({ ...pendingTransition, type: 'graduation', toStageId: null });
    const decision = await approveRequest(deps)({ requestId: 5 }, admin);
    expect(decision.graduated).to.equal(true);
    expect(decision.request.comment).to.equal(null);
    expect(writes).to.deep.equal(['approved 5 by 2', 'complete 7/101', 'graduate 7']);
  });

  it('a second decision finds the request decided (approval_not_pending)', async () => {
    const { deps, writes } = arrange(pendingTransition);
    await approveRequest(deps)({ requestId: 5 }, admin);
    await expectRejection(rejectRequest(deps)({ requestId: 5, comment: 'late' }, admin), 'approval_not_pending');
    await expectRejection(approveRequest(deps)({ requestId: 5 }, admin), 'approval_not_pending');
    expect(writes.filter((write) => write.startsWith('approved') || write.startsWith('rejected'))).to.have.length(1);
  });

  it('an unknown request is not_found', async () => {
    const { deps } = arrange(undefined);
    await expectRejection(approveRequest(deps)({ requestId: 5 }, admin), 'not_found');
  });

  it('refuses to approve when the learner is no longer waiting (conflict), applying no transition', async () => {
    const { deps, writes } = arrange(pendingTransition, 'active');
    await expectRejection(approveRequest(deps)({ requestId: 5 }, admin), 'conflict');
    expect(writes.filter((write) => !write.startsWith('approved'))).to.deep.equal([]);
  });

  it('a rejection needs a non-blank comment and then leaves the stage waiting', async () => {
    const { deps, writes } = arrange(pendingTransition);
    const error = await expectRejection(
      rejectRequest(deps)({ requestId: 5, comment: '   ' }, admin),
      'validation_failed',
    );
    expect(error.extensions.errors).to.deep.equal([
      { code: 'blank', message: 'comment must not be blank', path: ['comment'] },
    ]);
    expect(deps.transactor.units).to.deep.equal([]);
    const decision = await rejectRequest(deps)({ requestId: 5, comment: ' read module 2 again ' }, admin);
    expect(decision.request).to.include({ status: 'rejected', comment: 'read module 2 again' });
    expect(writes).to.deep.equal(['rejected 5 by 2']);
  });
});
