import { expect } from 'chai';
import { placeOf, summariseProfile } from './cpu-profile-summary.js';

const ROOT = '/repo';

describe('the CPU profile summary of npm run bench:profile', () => {
  it('names where code lives: a package, a project folder, a Node module or a V8 bucket', () => {
    expect(placeOf('file:///repo/node_modules/express/lib/router.js', 'next', ROOT)).to.equal('pkg express');
    expect(placeOf('file:///repo/node_modules/a/node_modules/@scope/b/x.js', 'f', ROOT)).to.equal('pkg @scope/b');
    expect(placeOf('file:///repo/dist/src/adapters/http/app.js', 'createApp', ROOT)).to.equal('src/adapters/http');
    expect(placeOf('node:internal/streams/writable', 'write', ROOT)).to.equal('node:internal');
    expect(placeOf('', '(garbage collector)', ROOT)).to.equal('(garbage collector)');
  });

  it('counts self time per place and inclusive time once per place on the stack, idle left out', () => {
    const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
      id,
      callFrame: { functionName, url, lineNumber: 0 },
      children,
    });
    const profile = {
      nodes: [
        frame(1, '(root)', '', [2, 5]),
        frame(2, 'handle', 'file:///repo/node_modules/router/index.js', [3]),
        frame(3, 'route', 'file:///repo/dist/src/adapters/http/app.js', [4]),
        frame(4, 'next', 'file:///repo/node_modules/router/index.js'),
        frame(5, '(idle)', ''),
      ],
      // 30 ms in next (router, called from our route, called by the router), 10 ms in the route itself, 60 ms idle.
      samples: [4, 4, 4, 3, 5, 5, 5, 5, 5, 5],
      timeDeltas: Array.from({ length: 10 }, () => 10_000),
    };
    const summary = summariseProfile(profile, ROOT);
    expect(summary).to.include('busy 0.0 s (40 %)');
    expect(summary).to.include('| pkg router | 75.0 % | 100.0 % | 30 ms |');
    expect(summary).to.include('| src/adapters/http | 25.0 % | 100.0 % | 10 ms |');
    expect(summary).not.to.include('idle');
  });
});
