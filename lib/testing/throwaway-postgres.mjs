// A throwaway PostgreSQL cluster for the tests and the bench: made in a temporary folder, served on
// its own port (loopback only), removed by stop(). Debian's PostgreSQL refuses to run as root: as
// root, the cluster is made and run by the `postgres` user the package creates.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/** Debian installs the server's programs here, off the PATH (the newest version first). */
function serverBin(program) {
  for (const version of ["17", "16", "15"]) {
    const path = `/usr/lib/postgresql/${version}/bin/${program}`;
    if (existsSync(path)) return path;
  }
  return program;
}

/** Whether this machine can start a cluster (the server's programs are installed). */
export function postgresAvailable() {
  return spawnSync(serverBin("initdb"), ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * Runs a server program as the cluster's owner: `postgres` when this process is root (through
 * runuser), else the current user.
 */
function asOwner(program, args, options = {}) {
  const root = userInfo().uid === 0;
  const [command, argv] = root
    ? ["runuser", ["-u", "postgres", "--", serverBin(program), ...args]]
    : [serverBin(program), args];
  return execFileSync(command, argv, { stdio: ["ignore", "pipe", "pipe"], ...options });
}

/**
 * Starts a cluster on `port` with the databases named (each empty), fast and unsafe (no fsync: a
 * test's data never outlives the run). Answers each database's URL and stop(), which stops the
 * server and removes its folder.
 */
export function startThrowawayPostgres({ port, databases = ["shop"] }) {
  const dir = mkdtempSync(join(tmpdir(), "merchant-storefront-pg-"));
  if (userInfo().uid === 0) {
    const owner = execFileSync("id", ["-u", "postgres"]).toString().trim();
    const group = execFileSync("id", ["-g", "postgres"]).toString().trim();
    chownSync(dir, Number(owner), Number(group));
  }
  chmodSync(dir, 0o700);
  const data = join(dir, "data");
  let started = false;
  const stop = () => {
    if (started) {
      try {
        asOwner("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already stopped.
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    asOwner("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    asOwner("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
    started = true;
    for (const database of databases)
      asOwner("psql", [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-qc",
        `CREATE DATABASE "${database}"`,
      ]);
  } catch (error) {
    stop();
    throw error;
  }
  const urls = Object.fromEntries(
    databases.map((database) => [database, `postgres://postgres@127.0.0.1:${port}/${database}`]),
  );
  /** Every row of `database` as SQL text (pg_dump --data-only), into `file`: for the card-data scan. */
  const dumpData = (database, file) =>
    writeFileSync(
      file,
      asOwner("pg_dump", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "--data-only", "-d", database], {
        maxBuffer: 512 * 2 ** 20,
      }),
    );
  return { dir, urls, stop, dumpData };
}
