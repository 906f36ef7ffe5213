/** Whether this machine can start a cluster (the server's programs are installed). */
export function postgresAvailable(): boolean;

/** A throwaway cluster on `port` with the databases named: their URLs, and stop() (stops it, removes its folder). */
export function startThrowawayPostgres(options: { port: number; databases?: string[] }): {
  dir: string;
  urls: Record<string, string>;
  stop(): void;
  /** Every row of `database` as SQL text (pg_dump --data-only), into `file`. */
  dumpData(database: string, file: string): void;
};
