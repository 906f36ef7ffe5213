import "server-only";
import pg from "pg";

/**
 * A pool of connections to one PostgreSQL database (the shop's, the emulators'): `size` connections
 * at most. An idle connection that loses its server (a restart) is dropped from the pool, not
 * thrown at the process.
 */
export function openPostgresPool(url: string, size: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size });
  pool.on("error", () => undefined);
  return pool;
}

/**
 * Runs `work` on one connection of `pool` while it holds PostgreSQL's advisory lock `key`: the
 * instances starting together migrate (and seed) one after the other, and the later ones find it done.
 */
export async function underAdvisoryLock<T>(pool: pg.Pool, key: number, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [key]);
    return await work(client);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [key]).catch(() => undefined);
    client.release();
  }
}
