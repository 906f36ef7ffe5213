export * from "./adapter";
