import type { BlockList } from "node:net";
export declare function trustedProxyList(setting?: string): BlockList;
export declare function believeForwardedHeaders(
  headers: Record<string, string | string[] | undefined>,
  peerAddress: string | undefined,
  trusted: BlockList,
): Record<string, string | string[] | undefined>;
