import { randomUUID } from "node:crypto";
import { readJson } from "@/lib/security/request-body";
import { BASE_PATH, pingpongMerchant } from "./config";
import { insertRiskInit } from "./store";

/**
 * The risk-control plugin's server side: `complexInit` posts the card's BIN (never the full
 * number) with the accId and requestId, and gets `jsGeneratedData` whose `threeDInitTransId`
 * unifiedPay later checks (302001 when it is missing or was issued for another requestId).
 */

const cors = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "content-type",
};

function refuse(error: string): Response {
  return Response.json({ error }, { status: 400, headers: cors });
}

export function riskPreflight(): Response {
  return new Response(null, { status: 204, headers: cors });
}

export async function riskInit(request: Request): Promise<Response> {
  const json = await readJson(request);
  if (!json.ok) return Response.json({ error: json.error }, { status: json.status, headers: cors });
  const parsed = json.value;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return refuse("The body must be a JSON object");
  const body = parsed as Record<string, unknown>;
  if (body.accId !== pingpongMerchant().accId) return refuse("Unknown accId");
  const requestId = typeof body.requestId === "string" ? body.requestId.trim() : "";
  if (!requestId || requestId.length > 64) return refuse("requestId is required");
  const cardBin = typeof body.cardBin === "string" ? body.cardBin : "";
  // Exactly six digits: a full card number is refused and never stored.
  if (!/^\d{6}$/.test(cardBin)) return refuse("cardBin must be the first 6 digits of the card number");
  const threeDInitTransId = randomUUID();
  await insertRiskInit({ threeDInitTransId, accId: body.accId, requestId, cardBin });
  return Response.json(
    {
      jsGeneratedData: {
        threeDInitTransId,
        threeDSecureReferenceId: randomUUID(),
        channel: "EMULATOR",
        correlationId: randomUUID(),
        fingerPrint: randomUUID().replace(/-/g, ""),
        forterSiteId: "emulator",
        forterTokenCookie: randomUUID().replace(/-/g, ""),
        threeDSServerTransID: randomUUID(),
        version: "2.2.0",
      },
    },
    { headers: cors },
  );
}

/**
 * The plugin script served at /emulators/pingpong/static/risk-control/acquirerRiskControl.min.js.
 * Plain ES5 so any checkout page can load it with a <script> tag.
 */
export const RISK_CONTROL_SCRIPT = `/* PingPongCheckout risk-control plugin: local emulator build (no real risk checks). */
(function () {
  "use strict";
  var current = document.currentScript;
  var origin = window.location.origin;
  try {
    if (current && current.src) origin = new URL(current.src, window.location.href).origin;
  } catch (e) {}
  var INIT_URL = origin + "${BASE_PATH}/risk/v1/init";
  var CHALLENGE_URL = origin + "${BASE_PATH}/3ds/";

  function browserInfo() {
    var s = window.screen || {};
    return {
      acceptHeader: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      colorDepth: s.colorDepth,
      language: navigator.language,
      screenHeight: s.height,
      screenWidth: s.width,
      timeZoneOffset: new Date().getTimezoneOffset(),
      userAgent: navigator.userAgent,
      javaEnabled: false,
      javaScriptEnabled: true
    };
  }

  function PingPongRiskControl(options, callback) {
    if (!(this instanceof PingPongRiskControl)) return new PingPongRiskControl(options, callback);
    this.options = options || {};
    this.jsGeneratedData = null;
    this.installed = false;
    var self = this;
    if (typeof callback === "function") setTimeout(function () { callback(self); }, 0);
  }

  PingPongRiskControl.prototype.installLight_S2S = function () {
    this.installed = true;
    return this;
  };

  PingPongRiskControl.prototype.complexInit = function (initOptions, callback) {
    var self = this;
    var o = initOptions || {};
    var digits = String(o.cardNumber || "").replace(/\\D/g, "");
    var done = typeof callback === "function" ? callback : function () {};
    if (digits.length < 6) {
      setTimeout(function () { done(null); }, 0);
      return Promise.resolve(null);
    }
    var payload = {
      accId: o.accId || self.options.accId,
      requestId: o.requestId || self.options.requestId,
      cardBin: digits.slice(0, 6),
      cardExpireMonth: o.cardExpireMonth,
      cardExpireYear: o.cardExpireYear
    };
    return fetch(INIT_URL, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        self.jsGeneratedData = body && body.jsGeneratedData ? body.jsGeneratedData : null;
        done(self.jsGeneratedData);
        return self.jsGeneratedData;
      })
      .catch(function () {
        done(null);
        return null;
      });
  };

  PingPongRiskControl.prototype.getGeneratedData = function () {
    return { browserInfo: browserInfo(), jsGeneratedData: this.jsGeneratedData };
  };

  /* The 3D event [doc: seed 000 step 8]: threeDUnionParams is this plugin's own blob (the
     emulator's answer puts the transactionId in it); the plugin, not the page, leads to the bank. */
  PingPongRiskControl.prototype.complexTrigger = function (threeDUnionParams, callback) {
    var p = threeDUnionParams || {};
    if (typeof p === "string") {
      try { p = JSON.parse(p) || {}; } catch (e) { p = {}; }
    }
    if ((p.threeDContinue === "true" || p.threeDContinue === true) && p.transactionId) {
      window.location.assign(
        CHALLENGE_URL + encodeURIComponent(String(p.transactionId)) +
          (p.language ? "?lang=" + encodeURIComponent(String(p.language)) : "")
      );
      return;
    }
    if (typeof callback === "function") callback();
  };

  window.PingPongRiskControl = PingPongRiskControl;
})();
`;

/** The risk-control plugin, served as the real one is: a plain script the checkout page loads. */
export function riskScript(): Response {
  return new Response(RISK_CONTROL_SCRIPT, {
    headers: {
      "content-type": "application/javascript; charset=utf-8",
      "cache-control": "no-cache",
      "access-control-allow-origin": "*",
    },
  });
}
