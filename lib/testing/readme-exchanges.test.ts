import { describe, expect, it } from "vitest";
import { projectReadmeExchanges, readmeExchanges } from "./readme-exchanges";

const fence = "```";

describe("the README's emulator exchanges", () => {
  it("are the blocks marked sh emulator-exchange, each under its heading with what it prints", () => {
    const markdown = [
      "### Antom",
      `${fence}bash`,
      "npm run emulators",
      fence,
      `${fence}sh emulator-exchange`,
      "echo S",
      "# → S",
      "echo SUCCESS",
      "# → SUCCESS",
      fence,
    ].join("\n");
    expect(readmeExchanges(markdown)).toEqual([
      { title: "Antom", script: "echo S\n# → S\necho SUCCESS\n# → SUCCESS\n", expected: ["S", "SUCCESS"] },
    ]);
  });

  it("refuse a block that says nothing it prints, or is never closed", () => {
    expect(() => readmeExchanges(`## X\n${fence}sh emulator-exchange\necho hi\n${fence}\n`)).toThrow(/says nothing/);
    expect(() => readmeExchanges(`## X\n${fence}sh emulator-exchange\necho hi\n# → hi\n`)).toThrow(/not closed/);
  });

  it("cover the four providers in the project's README", () => {
    expect(projectReadmeExchanges().map((exchange) => exchange.title)).toEqual([
      "PingPongCheckout",
      "Antom",
      "Ping Payments with PaymentIQ",
      "Lesspay",
    ]);
  });
});
