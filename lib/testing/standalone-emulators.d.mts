export interface StandaloneEmulators {
  /** The server's origin; the emulators answer at `${url}/emulators/<provider>`. */
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Ends the server (and the script that started it); resolves once it has exited. */
  stop(): Promise<void>;
}

export function standaloneEmulatorsEnv(options: { port: number; dataDir: string }): Record<string, string>;

export function startStandaloneEmulators(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  log?: boolean;
}): Promise<StandaloneEmulators>;
