/**
 * loadPolicy: a compiled policy from a file, JSON text or a parsed object, checked before any
 * call is decided by it: schema, hash over the canonical form, an optional pin and an optional
 * required signature. Anything wrong refuses the policy (fail closed); denyAllPolicy is what a
 * runtime runs instead.
 */
import { fileURLToPath } from "node:url";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { Policy } from "../../generated/policy.js";
import { validatePolicy } from "../../generated/validate-policy.js";
import { policyHash } from "../policy/compile-policy.js";
import { AgentspecError } from "../errors.js";
import { parseSource, readText, type SourceDoc } from "../load/index.js";
import { readSignatureFile, signaturePathFor, signatureProblem, type KeyInput } from "./policy-signature.js";

/** A file path (or file: URL), JSON text (a string starting with "{"), or an already parsed value. */
export type PolicySource = string | URL | object;

export interface LoadPolicyOptions {
  /** The only hash accepted, "sha256:<64 hex>": a policy with any other hash is refused. */
  pin?: string;
  /** How messages name a policy given as text or an object (default "<policy>"). */
  name?: string;
  /**
   * Require a valid Ed25519 signature by this public key (PEM or KeyObject): a policy that is not
   * signed, or whose signature is not this key's over its hash, is refused (see policy-signature.ts).
   */
  publicKey?: KeyInput;
  /**
   * The signature envelope (parsed, or JSON text); by default `<file>.sig` beside a policy file.
   * A policy given as text or an object needs it when publicKey is set.
   */
  signature?: unknown;
}

export type PolicyLoad = { ok: true; policy: Policy } | { ok: false; error: AgentspecError };

const HASH = /^sha256:[0-9a-f]{64}$/;

/**
 * Loads and checks a policy, synchronously (a guard loads it once at start-up). An object is
 * read once, as JSON (getters and proxies answer once), and that copy is checked and returned
 * deep frozen, so what was checked is what decide() indexes. Throws AgentspecError: BAD_POLICY
 * when the policy is refused, NOT_FOUND / UNREADABLE when its file cannot be read, BAD_ARGUMENT
 * for a malformed pin.
 */
export function loadPolicy(source: PolicySource, options: LoadPolicyOptions = {}): Policy {
  if (options.pin !== undefined && !HASH.test(options.pin)) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `The pin "${options.pin}" is not a policy hash: expected sha256: and 64 lower-case hex digits`,
    );
  }
  const { name, data, doc } = readSource(source, options.name ?? "<policy>");
  const schemaProblem = checkSchema(data, doc);
  if (schemaProblem) throw refuse(name, `does not match the policy schema: ${schemaProblem}`);
  const policy = data as Policy;
  const computed = policyHash(policy);
  if (computed !== policy.hash) {
    throw refuse(
      name,
      `its hash ${policy.hash} does not match its contents (${computed}): it was edited after it was compiled; recompile it from its spec`,
    );
  }
  if (options.pin !== undefined && computed !== options.pin) {
    throw refuse(name, `its hash ${computed} is not the pinned ${options.pin}: only the pinned policy is accepted`);
  }
  if (options.publicKey !== undefined) checkSignature(source, name, computed, options);
  // A file's or text's data was parsed here, an object's copied once (snapshot): either way it
  // is this module's own copy, the one that was checked.
  return deepFreeze(policy);
}

/** loadPolicy without throwing: the error is returned, for a guard to deny everything with it. */
export function tryLoadPolicy(source: PolicySource, options: LoadPolicyOptions = {}): PolicyLoad {
  try {
    return { ok: true, policy: loadPolicy(source, options) };
  } catch (error) {
    if (error instanceof AgentspecError) return { ok: false, error };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: new AgentspecError("BAD_POLICY", `${options.name ?? "<policy>"}: cannot be loaded (${detail})`) };
  }
}

/** A valid, hashed policy that denies every tool with `reason`: what runs when the real one cannot load. */
export function denyAllPolicy(reason: string, agentId = "unknown"): Policy {
  const unhashed: Omit<Policy, "hash"> = {
    format: "agentspec-policy/1",
    agent: { id: agentId || "unknown", version: "0" },
    default: "deny",
    deny: [{ pattern: "*", reason }],
    tools: {},
    budgets: {},
  };
  return deepFreeze({ ...unhashed, hash: policyHash(unhashed) });
}

function readSource(source: PolicySource, fallbackName: string): { name: string; data: unknown; doc?: SourceDoc } {
  if (source instanceof URL) return readPolicyFile(fileURLToPath(source));
  if (typeof source === "string") {
    return /^\uFEFF?\s*\{/.test(source) ? parsePolicyText(fallbackName, source) : readPolicyFile(source);
  }
  if (source === null || typeof source !== "object") {
    throw new AgentspecError("BAD_ARGUMENT", "loadPolicy takes a file path, JSON text or a parsed policy object");
  }
  return { name: fallbackName, data: snapshot(source, fallbackName) };
}

/**
 * A policy object read once, as JSON: a getter or a Proxy cannot show the checks one policy and
 * decide() another, since the schema, the hash, the pin and the signature are all checked on
 * this copy, and this copy is what is returned (frozen).
 */
function snapshot(source: object, name: string): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(source);
  } catch (error) {
    throw refuse(name, `it cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (text === undefined) throw refuse(name, "it cannot be read as JSON");
  return JSON.parse(text) as unknown;
}

function readPolicyFile(file: string): { name: string; data: unknown; doc: SourceDoc } {
  return parsePolicyText(file, readText(file, { what: "policy file" }));
}

/** Parses with the project's JSON loader, which refuses duplicate keys JSON.parse would hide. */
function parsePolicyText(name: string, text: string): { name: string; data: unknown; doc: SourceDoc } {
  const doc = parseSource(name.endsWith(".json") ? name : `${name}.json`, text);
  const problem = doc.diagnostics[0];
  if (problem || doc.data === undefined) {
    throw refuse(name, problem ? `is not valid JSON at ${problem.line}:${problem.column}: ${problem.message}` : "is empty");
  }
  return { name, data: doc.data, doc };
}

/** Precompiled by `npm run generate` (ajv standalone): loading a policy compiles no schema. */
const validator = validatePolicy as ValidateFunction;

function checkSchema(data: unknown, doc: SourceDoc | undefined): string | undefined {
  if (validator(data)) return undefined;
  const errors = validator.errors ?? [];
  const shown = errors.slice(0, 3).map((e) => describeError(e, doc));
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : "";
  return shown.join("; ") + more;
}

function describeError(error: ErrorObject, doc: SourceDoc | undefined): string {
  const where = error.instancePath || "/";
  const at = doc ? ` (line ${doc.locate(error.instancePath).line})` : "";
  const extra =
    error.keyword === "additionalProperties"
      ? ` "${(error.params as { additionalProperty: string }).additionalProperty}"`
      : error.keyword === "enum"
        ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`
        : error.keyword === "const"
          ? ` ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`
          : "";
  return `${where}${at} ${error.message ?? "is invalid"}${extra}`;
}

function checkSignature(source: PolicySource, name: string, hash: string, options: LoadPolicyOptions): void {
  let signature = options.signature;
  if (typeof signature === "string") {
    try {
      signature = JSON.parse(signature);
    } catch {
      throw refuse(name, "its signature is not JSON");
    }
  }
  if (signature === undefined) {
    const file =
      source instanceof URL ? fileURLToPath(source) : typeof source === "string" && !/^\uFEFF?\s*\{/.test(source) ? source : undefined;
    if (file === undefined) throw refuse(name, "it is not signed: pass its signature envelope as the signature option");
    signature = readSignatureFile(signaturePathFor(file), name);
  }
  const problem = signatureProblem(signature, hash, options.publicKey!);
  if (problem) throw refuse(name, problem);
}

function refuse(name: string, what: string): AgentspecError {
  return new AgentspecError("BAD_POLICY", `${name}: policy refused: ${what}`);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
