import type { BrowserExtension, BrowserExtensionSetup, BrowserSession } from "@/lib/payments/browser-extension";

/**
 * The page's side of PingPong's risk-control plugin (served by the provider, or its emulator):
 * one client per checkout page, `complexInit` when the card is complete, `complexTrigger` for 3DS.
 * Browser code: imported by the checkout's client components through lib/providers/browser.ts.
 */
export interface RiskConfig {
  scriptUrl: string;
  env: string;
  accId: string;
  clientId: string;
}

/** The plugin's public configuration, as the server describes it (lib/providers/pingpong/index.ts). */
function riskConfigOf(setup: BrowserExtensionSetup): RiskConfig {
  const { scriptUrl = "", env = "", accId = "", clientId = "" } = setup.config;
  return { scriptUrl, env, accId, clientId };
}

interface RiskClient {
  installLight_S2S?: () => void;
  complexInit: (options: Record<string, string>, callback: (jsGeneratedData: Record<string, unknown>) => void) => void;
  complexTrigger: (threeDUnionParams: unknown, callback?: () => void) => void;
  getGeneratedData?: () => { browserInfo?: Record<string, unknown>; jsGeneratedData?: Record<string, unknown> | null };
}

declare global {
  interface Window {
    PingPongRiskControl?: new (options: Record<string, string>, callback?: (client: RiskClient) => void) => RiskClient;
  }
}

let loading: Promise<void> | undefined;
let client: RiskClient | undefined;

function loadRiskScript(scriptUrl: string): Promise<void> {
  if (typeof window === "undefined") return Promise.resolve();
  if (window.PingPongRiskControl) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = scriptUrl;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = undefined;
      reject(new Error("The card check script could not be loaded"));
    };
    document.head.appendChild(script);
  });
  return loading;
}

async function riskClient(
  config: RiskConfig,
  requestId: string,
  merchantUserId: string,
): Promise<RiskClient | undefined> {
  await loadRiskScript(config.scriptUrl);
  if (!window.PingPongRiskControl) return undefined;
  if (!client) {
    client = new window.PingPongRiskControl({
      env: config.env,
      accId: config.accId,
      clientId: config.clientId,
      merchantUserId,
      requestId,
    });
    client.installLight_S2S?.();
  }
  return client;
}

/** Runs complexInit with the card as typed; resolves with jsGeneratedData (or undefined after a timeout). */
async function collectRiskData(
  config: RiskConfig,
  requestId: string,
  merchantUserId: string,
  card: { number: string; expiryMonth: string; expiryYear: string; brand: string },
  timeoutMs = 8000,
): Promise<Record<string, unknown> | undefined> {
  const risk = await riskClient(config, requestId, merchantUserId);
  if (!risk) return undefined;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    risk.complexInit(
      {
        cardNumber: card.number,
        cardExpireMonth: card.expiryMonth,
        cardExpireYear: card.expiryYear,
        cardBrand: card.brand,
        accId: config.accId,
        merchantUserId,
        requestId,
      },
      (jsGeneratedData) => {
        clearTimeout(timer);
        resolve(jsGeneratedData);
      },
    );
  });
}

function browserInfo(): Record<string, string> {
  return {
    acceptHeader: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    colorDepth: String(window.screen.colorDepth),
    // The shopper's language as the shop shows it (<html lang>), so the 3DS page PingPong opens speaks it [doc: PROVIDERS.md §1].
    language: document.documentElement.lang || navigator.language,
    screenHeight: String(window.screen.height),
    screenWidth: String(window.screen.width),
    timeZoneOffset: String(new Date().getTimezoneOffset()),
    userAgent: navigator.userAgent,
    javaEnabled: "false",
    javaScriptEnabled: "true",
  };
}

/**
 * The plugin as the checkout runs it: the card check sends the session's requestId, the plugin's
 * jsGeneratedData and the browser's details with the payment; the 3DS hand-off gives the answer's
 * threeDUnionParams to complexTrigger [doc: seed 000 step 8].
 */
export const pingPongRiskPlugin: BrowserExtension = {
  provider: "pingpong",
  initialFields: (session: BrowserSession) => ({
    riskRequestId: session.requestId,
    jsGeneratedData: "",
    browserInfo: "",
  }),
  async checkCard(setup, session, card): Promise<{ fields: Record<string, string>; checked: boolean }> {
    const browser = JSON.stringify(browserInfo());
    try {
      const data = await collectRiskData(riskConfigOf(setup), session.requestId, session.merchantUserId, card);
      return {
        fields: { browserInfo: browser, jsGeneratedData: data ? JSON.stringify(data) : "" },
        checked: Boolean(data),
      };
    } catch {
      return { fields: { browserInfo: browser }, checked: false };
    }
  },
  async handOff(setup, session) {
    const client = await riskClient(riskConfigOf(setup), session.requestId, session.merchantUserId);
    return client && ((trigger, done) => client.complexTrigger(trigger, done));
  },
};
