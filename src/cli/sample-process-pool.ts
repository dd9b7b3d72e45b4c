/**
 * A small pool of forked worker processes for `synthlab sample` (sample-process.ts): each loads the
 * model once; `run(task)` sends the task over IPC to the process with the fewest tasks queued. A
 * result (megabytes) comes back as a file in a private spool directory (in /dev/shm when there is
 * one), named in a small IPC message, read and deleted here. A task that throws, or a process that
 * dies, rejects with one clear error; `destroy()` ends the processes and removes the spool.
 *
 * Why processes and files: see the header of sample-file.ts.
 */
import { fork, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize } from "node:v8";
import type { EncodedRowGroup } from "../io/parquet-writer.js";
import type { SampleTask, SampleTaskResult } from "./sample-task.js";

interface Pending {
  resolve: (r: SampleTaskResult) => void;
  reject: (e: Error) => void;
}

interface Child {
  proc: ChildProcess;
  pending: Map<number, Pending>;
  dead: boolean;
}

function spoolRoot(): string {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
}

/** Forked processes running sample tasks. */
export class SampleProcessPool {
  private readonly children: Child[] = [];
  private readonly spool: string;
  private nextId = 0;
  private destroyed = false;

  /** Forks `size` processes of `file` (arguments: the model's path, the spool directory) with node flags `execArgv`. */
  constructor(file: string, size: number, modelPath: string, execArgv: string[]) {
    this.spool = mkdtempSync(join(spoolRoot(), "synthlab-sample-"));
    for (let i = 0; i < size; i++) {
      const proc = fork(file, [modelPath, this.spool], { execArgv, stdio: ["ignore", "ignore", "pipe", "ipc"] });
      const child: Child = { proc, pending: new Map(), dead: false };
      let stderr = "";
      proc.stderr?.setEncoding("utf8").on("data", (d: string) => {
        if (stderr.length < 8000) stderr += d;
      });
      proc.on("message", (m: { id: number; file?: string; csv?: boolean; error?: string }) => {
        const p = child.pending.get(m.id);
        if (!p) return;
        child.pending.delete(m.id);
        if (m.error !== undefined || m.file === undefined) return p.reject(new Error(`a sample worker process failed: ${m.error ?? "no result"}`));
        try {
          const bytes = readFileSync(m.file);
          unlinkSync(m.file);
          p.resolve(m.csv ? bytes : (deserialize(bytes) as EncodedRowGroup));
        } catch (e) {
          p.reject(new Error(`a sample worker process's result could not be read: ${e instanceof Error ? e.message : String(e)}`));
        }
      });
      const fail = (why: string) => {
        if (child.dead) return;
        child.dead = true;
        const lines = stderr.trim().split("\n");
        const last = lines.find((l) => /Error/.test(l)) ?? lines.pop() ?? "";
        const err = new Error(`a sample worker process ${why}${last ? `: ${last.trim()}` : ""}`);
        for (const p of child.pending.values()) p.reject(err);
        child.pending.clear();
      };
      proc.on("error", (e) => fail(`could not run (${e.message})`));
      proc.on("exit", (code, signal) => {
        if (!this.destroyed || child.pending.size) fail(signal ? `was killed by ${signal}` : `exited with code ${code}`);
        child.dead = true;
      });
      this.children.push(child);
    }
  }

  /** Runs one task on the least-loaded live process. */
  run(task: SampleTask): Promise<SampleTaskResult> {
    const live = this.children.filter((c) => !c.dead);
    if (live.length === 0) return Promise.reject(new Error("a sample worker process failed: no worker process is running"));
    const child = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise<SampleTaskResult>((resolve, reject) => {
      child.pending.set(id, { resolve, reject });
      child.proc.send({ id, task });
    });
  }

  /** Ends every process (tasks still pending are rejected) and removes the spool directory. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.proc.exitCode !== null || c.proc.signalCode !== null) return resolve();
            c.proc.once("exit", () => resolve());
            c.proc.kill();
          }),
      ),
    );
    rmSync(this.spool, { recursive: true, force: true });
  }
}
