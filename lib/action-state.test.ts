import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./action-state";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const schema = z.object({
  email: z.email("Enter a valid email address."),
  quantity: z.coerce.number().int().min(1, "At least one."),
});

describe("parseForm", () => {
  it("answers the schema's output for a good form", () => {
    expect(
      parseForm(
        schema,
        form([
          ["email", "a@example.com"],
          ["quantity", "3"],
        ]),
      ),
    ).toEqual({
      ok: true,
      data: { email: "a@example.com", quantity: 3 },
    });
  });

  it("answers the first problem and one message per field for a bad form", () => {
    expect(
      parseForm(
        schema,
        form([
          ["email", "nope"],
          ["quantity", "0"],
        ]),
      ),
    ).toEqual({
      ok: false,
      error: "Enter a valid email address.",
      fieldErrors: { email: "Enter a valid email address.", quantity: "At least one." },
    });
  });

  it("keeps a field's first value when it is sent twice, as FormData.get does", () => {
    const parsed = parseForm(
      schema,
      form([
        ["email", "first@example.com"],
        ["email", "second@example.com"],
        ["quantity", "1"],
      ]),
    );
    expect(parsed).toEqual({ ok: true, data: { email: "first@example.com", quantity: 1 } });
  });

  it("refuses a missing field instead of reading it as empty", () => {
    const parsed = parseForm(schema, form([["quantity", "1"]]));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? undefined : Object.keys(parsed.fieldErrors)).toEqual(["email"]);
  });
});
