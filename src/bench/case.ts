/**
 * A benchmark case, shaped like ../shared/bench/python_peers.py's: an untimed
 * setup builds the inputs and returns the timed operation.
 */
export interface BenchCase {
  /** The peer's case name, e.g. `"rng_uniform_10m"`. */
  readonly name: string;
  /** What is measured, with sizes at the current scale (as the peer's `params`). */
  readonly params: (scale: number) => string;
  /** Untimed setup; returns the timed operation and optional info about its result. */
  readonly setup: (scale: number) => BenchRun | Promise<BenchRun>;
}

export interface BenchRun {
  /** The timed operation. */
  readonly op: () => unknown | Promise<unknown>;
  /** Facts about the last result, recorded in the output line. */
  readonly info?: (result: unknown) => Record<string, unknown>;
  /** Untimed clean-up after every run (delete a file, ...). */
  readonly afterEach?: () => void;
}

/** A size at BENCH_SCALE, as the peers' `scaled(n, minimum)`. */
export function scaled(n: number, scale: number, minimum = 1): number {
  return Math.max(minimum, Math.round(n * scale));
}
