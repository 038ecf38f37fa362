/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) into two tables: self time by where the
 * code lives (a package of node_modules, a folder of the project, Node's own internals, the garbage
 * collector, idle) and the hottest functions by self time.
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a frame's code lives: `pkg <name>` for node_modules, `src/<context>` for ours, or a V8/Node bucket. */
export function placeOf(url: string, functionName: string, projectRoot: string): string {
  if (url === '') {
    if (functionName === '(idle)') return '(idle: waiting for I/O)';
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(program)') return '(program: V8 and native code)';
    if (functionName === '(root)') return '(root)';
    return '(native)';
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  const lastPackage = url.split('node_modules/').at(-1);
  if (packageMatch !== null && lastPackage !== undefined) {
    const name = /^((?:@[^/]+\/)?[^/]+)/.exec(lastPackage)?.[1] ?? packageMatch[1]!;
    return `pkg ${name}`;
  }
  const path = url.replace(/^file:\/\//, '').replace(`${projectRoot}/`, '');
  const parts = path.split('/');
  // dist/src/adapters/http/… → src/adapters/http
  const start = parts[0] === 'dist' ? 1 : 0;
  return parts.slice(start, start + 3).join('/');
}

export function summariseProfile(profile: CpuProfile, projectRoot: string, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const placeOfNode = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return placeOf(frame.url, frame.functionName, projectRoot);
  };

  const places = new Map<string, number>();
  // Inclusive: a sample counts once for every place on its stack (a package and what it called).
  const inclusive = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const place = placeOfNode(id);
    if (place.startsWith('(idle')) idle += us;
    total += us;
    places.set(place, (places.get(place) ?? 0) + us);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) onStack.add(placeOfNode(at));
    for (const seen of onStack) inclusive.set(seen, (inclusive.get(seen) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} ${place}${frame.url === '' ? '' : `:${frame.lineNumber + 1}`}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const busy = total - idle;
  const share = (us: number) => `${((100 * us) / busy).toFixed(1)} %`;
  const rows = (entries: Map<string, number>, limit: number, withInclusive = false) =>
    [...entries]
      .filter(([name]) => !name.startsWith('(idle') && name !== '(root)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(
        ([name, us]) =>
          `| ${name} | ${share(us)} |${withInclusive ? ` ${share(inclusive.get(name) ?? 0)} |` : ''} ${(us / 1000).toFixed(0)} ms |`,
      )
      .join('\n');
  return [
    `CPU profile: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)} %); shares are of busy time`,
    '',
    '| where the code lives | self | inclusive (it and what it called) | self time |',
    '|---|---|---|---|',
    rows(places, 30, true),
    '',
    '| hottest functions (self time) | share | time |',
    '|---|---|---|',
    rows(functions, top),
  ].join('\n');
}
