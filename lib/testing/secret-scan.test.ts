import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { generateKeyPairSync } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { filesUnder, findSecrets } from "./secret-scan";

describe("the client-bundle secret scanner", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const planted = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "secret-scan-"));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  };
  const pem = generateKeyPairSync("rsa", {
    modulusLength: 1024,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  const secrets = [
    { label: "AUTH_SECRET", value: "s3cr3t-auth-value-0123456789abcdef" },
    { label: "Antom merchant private key", value: pem },
  ];

  it("finds a secret planted in a nested chunk", () => {
    const dir = planted({ "chunks/app/page-abc.js": `var a="${secrets[0].value}";`, "css/app.css": "body{}" });
    expect(findSecrets(filesUnder(dir), secrets)).toEqual([
      { label: "AUTH_SECRET", where: expect.stringContaining("page-abc.js") },
    ]);
  });

  it("finds a PEM key inlined with escaped line breaks", () => {
    const dir = planted({ "chunks/key.js": `const k=${JSON.stringify(pem)};` });
    expect(findSecrets(filesUnder(dir), secrets).map((hit) => hit.label)).toEqual(["Antom merchant private key"]);
  });

  it("reports nothing for clean files, and never a too-short value", () => {
    const dir = planted({ "chunks/clean.js": "console.log('hello')" });
    expect(findSecrets(filesUnder(dir), [...secrets, { label: "empty", value: "" }])).toEqual([]);
  });
});
