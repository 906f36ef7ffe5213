// Preloaded into a bench server with `npm run bench -- --cpu-prof` (NODE_OPTIONS=--import, since
// --cpu-prof itself is not allowed in NODE_OPTIONS): profiles the whole process and writes a
// .cpuprofile (open it in Chrome DevTools or speedscope) to BENCH_PROFILE_DIR when it exits.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 200 });
  session.post("Profiler.start");
  // Memory next to the profile: where the process's resident memory is (V8 heap or outside it).
  const memory = [];
  setInterval(() => memory.push({ t: Date.now(), ...process.memoryUsage() }), 500).unref();
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      const name = `server-${process.pid}-${Date.now()}`;
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(result.profile));
      writeFileSync(join(dir, `${name}.memory.json`), JSON.stringify(memory));
    });
  };
  process.on("exit", write);
  for (const signal of ["SIGTERM", "SIGINT"]) process.prependListener(signal, write);
}
