// newman ships no types and @types/newman is not a dependency: just the part run.ts uses.
declare module 'newman' {
  import type { EventEmitter } from 'node:events';

  export interface NewmanRunOptions {
    collection: string | object;
    environment?: string | object;
    envVar?: { key: string; value: string }[];
    reporters?: string | string[];
    reporter?: Record<string, unknown>;
    timeoutRequest?: number;
    bail?: boolean | string[];
  }

  export interface NewmanRunFailure {
    readonly error: { readonly name: string; readonly message: string; readonly test?: string };
    readonly source?: { readonly name?: string };
  }

  export interface NewmanRunSummary {
    readonly run: {
      readonly failures: NewmanRunFailure[];
      readonly stats: Record<
        'requests' | 'assertions' | 'testScripts' | 'prerequestScripts',
        { readonly total: number; readonly failed: number }
      >;
    };
  }

  export function run(
    options: NewmanRunOptions,
    callback: (error: Error | null, summary: NewmanRunSummary) => void,
  ): EventEmitter;

  const newman: { run: typeof run };
  export default newman;
}
