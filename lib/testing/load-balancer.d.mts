export function startLoadBalancer(options: { port: number; targets: number[] }): Promise<{
  url: string;
  counts: Record<number, number>;
  stop(): Promise<void>;
}>;
