/**
 * Progress of long commands: a cli-progress bar (rows, rows per second, time
 * left) on a terminal, nothing when output is piped or `--no-progress`.
 */
import cliProgress from "cli-progress";

/** A progress display: `update(done)`, `stop()`. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** A bar on `stream` (stderr) when it is a terminal and `enabled`, else a no-op. */
export function createProgress(total: number, label: string, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY || total <= 0) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} {bar} {percentage}% | {value}/{total} rows | {speed} rows/s | {duration_formatted} elapsed, {eta_formatted} left`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = Date.now();
  bar.start(total, 0, { speed: "0" });
  return {
    update(done: number) {
      const s = (Date.now() - t0) / 1000;
      bar.update(done, { speed: s > 0 ? Math.round(done / s).toLocaleString("en-US") : "0" });
    },
    stop() {
      bar.stop();
    },
  };
}
