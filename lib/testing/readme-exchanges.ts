// The README's emulator exchanges (README, "Emulators for any backend"): each fenced block whose
// info string is `sh emulator-exchange`, under the heading it follows, with what it says it prints.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const EXCHANGE_INFO = "sh emulator-exchange";

export interface ReadmeExchange {
  /** The nearest heading above the block (`### Antom`). */
  title: string;
  /** The block as written. */
  script: string;
  /** Each `# → <text>` line of the block, in order: what the line before it prints. */
  expected: string[];
}

/** The exchanges of a README's text; a block that says nothing it prints is refused (it would test nothing). */
export function readmeExchanges(markdown: string): ReadmeExchange[] {
  const exchanges: ReadmeExchange[] = [];
  let title = "";
  let block: string[] | undefined;
  let otherBlock = false;
  for (const line of markdown.split("\n")) {
    if (otherBlock) {
      otherBlock = !line.trim().startsWith("```");
    } else if (block) {
      if (line.trim() !== "```") {
        block.push(line);
        continue;
      }
      const script = `${block.join("\n")}\n`;
      const expected = block.flatMap((text) => /^# → (.*)$/.exec(text)?.[1] ?? []);
      if (expected.length === 0)
        throw new Error(`The README's exchange under "${title}" says nothing it prints (# → …)`);
      exchanges.push({ title, script, expected });
      block = undefined;
    } else if (line.trim() === "```" + EXCHANGE_INFO) {
      block = [];
    } else if (line.trim().startsWith("```")) {
      otherBlock = true;
    } else if (/^#{1,6} /.test(line)) {
      title = line.replace(/^#+ /, "");
    }
  }
  if (block) throw new Error(`The README's exchange under "${title}" is not closed`);
  return exchanges;
}

/** The exchanges of the project's README.md. */
export function projectReadmeExchanges(root = process.cwd()): ReadmeExchange[] {
  return readmeExchanges(readFileSync(join(root, "README.md"), "utf8"));
}
