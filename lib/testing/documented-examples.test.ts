import { describe, expect, it } from "vitest";
import { leavesMissingFromSource, type DocumentedExample } from "./documented-examples";

const doc = `Answer:{
"code": 0,
"data": { "order_data": { "payOrderId": "P1", "orderState": 1, "tags": ["a", "b"] } },
"msg": ".."
}`;

const example = (value: unknown, filled?: string[]): DocumentedExample => ({
  source: "inline",
  where: "test",
  kind: "answer",
  filled,
  example: value,
});

describe("leavesMissingFromSource", () => {
  it("finds every leaf of an example the doc prints, whitespace ignored", () => {
    const printed = example({ code: 0, data: { order_data: { payOrderId: "P1", orderState: 1, tags: ["a", "b"] } } });
    expect(leavesMissingFromSource(printed, doc)).toEqual([]);
  });

  it("names a leaf whose value differs from the doc's", () => {
    const changed = example({ code: 0, data: { order_data: { payOrderId: "P2", orderState: 1 } } });
    expect(leavesMissingFromSource(changed, doc)).toEqual(["data.order_data.payOrderId"]);
  });

  it("names a key the doc does not print, and an array item it does not list", () => {
    const invented = example({ code: 0, card_brand: "visa", data: { order_data: { tags: ["a", "c"] } } });
    expect(leavesMissingFromSource(invented, doc)).toEqual(["card_brand", "data.order_data.tags.1"]);
  });

  it("skips the leaves marked as filled in, where the doc elides them", () => {
    expect(leavesMissingFromSource(example({ msg: "ok" }), doc)).toEqual(["msg"]);
    expect(leavesMissingFromSource(example({ msg: "ok" }, ["msg"]), doc)).toEqual([]);
  });
});
