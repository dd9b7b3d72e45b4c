/**
 * A throwaway redis-server for tests: Debian's binary on a free local port,
 * no persistence, stopped by `stop()`. (.ci/run installs the package.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, connect } from "node:net";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.setTimeout(500);
    s.once("connect", () => s.write("PING\r\n"));
    s.once("data", (d) => (s.destroy(), resolve(d.toString().startsWith("+PONG"))));
    s.once("error", () => resolve(false));
    s.once("timeout", () => (s.destroy(), resolve(false)));
  });
}

/** A running redis-server: its URL and how to stop it. */
export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `redis-server` on a free port and waits until it answers PING. */
export async function startRedis(binary = process.env["REDIS_SERVER"] ?? "redis-server"): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let spawnError: Error | undefined;
  child.once("error", (e) => (spawnError = e));
  for (let i = 0; i < 100 && !(await ping(port)); i++) {
    if (spawnError) throw new Error(`cannot start ${binary}: ${spawnError.message} (apt-get install -y redis-server)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await ping(port))) throw new Error(`${binary} did not answer on port ${port}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
