/** RFC 8785 JSON canonicalization and the sha256 hash over it. */
import { createRequire } from "node:module";

/** Sorted keys (by UTF-16 code units), no whitespace, ECMAScript number and string forms. */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("JSON canonicalization cannot encode a non-finite number");
    return JSON.stringify(value);
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "[" + value.map((v) => canonicalize(v === undefined ? null : v)).join(",") + "]";
  if (typeof value === "object") {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => JSON.stringify(k) + ":" + canonicalize((value as Record<string, unknown>)[k]));
    return "{" + entries.join(",") + "}";
  }
  throw new TypeError(`JSON canonicalization cannot encode a ${typeof value}`);
}

/** node:crypto, loaded on the first hash: `agentspec lint` never hashes, and loading it cost 5 ms. */
let crypto: typeof import("node:crypto") | undefined;

export function sha256Hex(text: string): string {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}
