/** Peak memory of the benchmark process (Linux /proc), for cases that report it. */
import { readFileSync, writeFileSync } from "node:fs";

/** Resets the kernel's peak-RSS mark (Linux); returns false where unsupported. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** Peak RSS in MiB since the last reset (VmHWM), or undefined. */
export function peakRssMiB(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
