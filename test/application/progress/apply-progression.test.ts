import { expect } from 'chai';
import type { ApprovalRequests } from '../../../src/application/approvals/approvals.ports.js';
import { applyProgression } from '../../../src/application/progress/progression.service.js';
import type { StageTransitions } from '../../../src/application/progress/stage-transitions.port.js';
import type { StageRef } from '../../../src/domain/progress/stage-ladder.js';
import { fakePort, inMemoryTx } from '../in-memory-ports.js';

/** The standard ladder, positions 1-10, stage ids 101-110. */
const ladder: StageRef[] = [
  { rank: 'trainee' as const, level: 0 },
  ...(['junior', 'middle', 'senior'] as const).flatMap((rank) => [1, 2, 3].map((level) => ({ rank, level }))),
].map((stage, index) => ({ ...stage, id: 101 + index, position: index + 1 }));

function arrange() {
  const writes: string[] = [];
  const approvals: Parameters<ApprovalRequests['create']>[1][] = [];
  const progression = applyProgression({
    transitions: fakePort<StageTransitions>('transitions', {
      nextStage: (_db, _trackId, position) => Promise.resolve(ladder.find((stage) => stage.position === position + 1)),
      complete: (_tx, userId, stageId, from) => (
        writes.push(`complete ${userId}/${stageId} from ${from}`),
        Promise.resolve()
      ),
      activate: (_tx, userId, _trackId, stageId) => (
        writes.push(`activate ${userId}/${stageId}`),
        Promise.resolve({ settingsVersionId: 3 })
      ),
      markPendingApproval: (_tx, userId, stageId) => (writes.push(`pending ${userId}/${stageId}`), Promise.resolve()),
    }),
    approvals: fakePort<ApprovalRequests>('approvals', {
      create: (_tx, request) => {
        approvals.push(request);
        return Promise.resolve({
          ...request,
          requestId: 1,
          status: 'pending',
          createdAt: new Date(),
          decidedAt: null,
        });
      },
    }),
  });
  const pass = (kind: 'level' | 'rank_final', position: number) =>
    progression(inMemoryTx, { kind, userId: 7, trackId: 1, stage: ladder[position - 1]! });
  return { pass, writes, approvals };
}

describe('applyProgression (in-memory ports)', () => {
  it('a level exam PASS on level 1 completes the stage and activates level 2', async () => {
    const { pass, writes, approvals } = arrange();
    expect(await pass('level', 2)).to.deep.equal({ action: 'auto_advanced', fromStageId: 102, toStageId: 103 });
    expect(writes).to.deep.equal(['complete 7/102 from active', 'activate 7/103']);
    expect(approvals).to.deep.equal([]);
  });

  it('a level exam PASS on trainee 0 waits for a rank transition to junior 1', async () => {
    const { pass, writes, approvals } = arrange();
    expect(await pass('level', 1)).to.deep.equal({ action: 'pending_approval', fromStageId: 101, toStageId: 102 });
    expect(writes).to.deep.equal(['pending 7/101']);
    expect(approvals).to.have.length(1);
    expect(approvals[0]).to.include({
      userId: 7,
      trackId: 1,
      type: 'rank_transition',
      fromStageId: 101,
      toStageId: 102,
    });
    expect(approvals[0]!.comment).to.be.a('string').that.is.not.empty;
  });

  it('a level exam PASS on level 3 unlocks the rank final and writes nothing', async () => {
    const { pass, writes, approvals } = arrange();
    expect(await pass('level', 4)).to.deep.equal({ action: 'rank_final_required', fromStageId: 104, toStageId: null });
    expect(writes).to.deep.equal([]);
    expect(approvals).to.deep.equal([]);
  });

  it('a rank final PASS on junior 3 waits for a rank transition to middle 1', async () => {
    const { pass, writes, approvals } = arrange();
    expect(await pass('rank_final', 4)).to.deep.equal({ action: 'pending_approval', fromStageId: 104, toStageId: 105 });
    expect(writes).to.deep.equal(['pending 7/104']);
    expect(approvals.map((request) => request.type)).to.deep.equal(['rank_transition']);
  });

  it('a rank final PASS on senior 3 waits for graduation, with no stage to go to', async () => {
    const { pass, writes, approvals } = arrange();
    expect(await pass('rank_final', 10)).to.deep.equal({
      action: 'pending_approval',
      fromStageId: 110,
      toStageId: null,
    });
    expect(writes).to.deep.equal(['pending 7/110']);
    expect(approvals[0]).to.include({ type: 'graduation', fromStageId: 110, toStageId: null });
  });
});
