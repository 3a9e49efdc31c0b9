/**
 * Signed, hash-addressed policies: an Ed25519 signature over a compiled policy's hash, kept in a
 * detached envelope beside it (`<policy>.sig`, JSON). The policy's hash already covers its
 * canonical form (loadPolicy recomputes it), so signing the hash signs the contents; the signed
 * message is the domain tag and the hash (`agentspec-policy-signature/1\nsha256:…`), so the
 * signature cannot be replayed as a signature of anything else. `key_id` is the SHA-256 of the
 * public key (SPKI DER), to tell keys apart without trusting the envelope's word for which key.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { AgentspecError } from "../errors.js";

export const SIGNATURE_FORMAT = "agentspec-policy-signature/1";

export interface PolicySignature {
  format: typeof SIGNATURE_FORMAT;
  algorithm: "Ed25519";
  /** The hash of the signed policy, "sha256:<hex>" (the policy's own `hash`). */
  policy_hash: string;
  /** "sha256:<hex>" of the public key (SPKI DER) that verifies the signature. */
  key_id: string;
  /** base64url Ed25519 signature over signedMessage(policy_hash). */
  signature: string;
}

/** A key as PEM text (or a KeyObject). */
export type KeyInput = string | KeyObject;

/** The bytes that are signed for a policy hash. */
export function signedMessage(policyHash: string): Buffer {
  return Buffer.from(`${SIGNATURE_FORMAT}\n${policyHash}`, "utf8");
}

/** The signature file of a policy file: `<policy>.sig`. */
export function signaturePathFor(policyFile: string): string {
  return `${policyFile}.sig`;
}

/** Signs a policy hash with an Ed25519 private key. Throws BAD_ARGUMENT for a key that is not one. */
export function signPolicyHash(policyHash: string, privateKey: KeyInput): PolicySignature {
  const key = asKey(privateKey, "private");
  const publicKey = createPublicKey(key);
  return {
    format: SIGNATURE_FORMAT,
    algorithm: "Ed25519",
    policy_hash: policyHash,
    key_id: keyId(publicKey),
    signature: sign(null, signedMessage(policyHash), key).toString("base64url"),
  };
}

/** "sha256:<hex>" of a public key's SPKI DER form. */
export function keyId(publicKey: KeyInput): string {
  const key = asKey(publicKey, "public");
  return (
    "sha256:" +
    createHash("sha256")
      .update(key.export({ type: "spki", format: "der" }))
      .digest("hex")
  );
}

/**
 * Why a signature does not vouch for the policy with this hash under this key, or undefined when
 * it does. A wrong envelope, another policy's signature, another key's, or a forged one are
 * each named.
 */
export function signatureProblem(signature: unknown, policyHash: string, publicKey: KeyInput): string | undefined {
  const key = asKey(publicKey, "public");
  if (!isSignature(signature))
    return `the signature is not an ${SIGNATURE_FORMAT} envelope (format, algorithm Ed25519, policy_hash, key_id, signature)`;
  if (signature.policy_hash !== policyHash) return `the signature is for policy ${signature.policy_hash}, not this one (${policyHash})`;
  const expectedKey = keyId(key);
  if (signature.key_id !== expectedKey) return `the signature was made with key ${signature.key_id}, not the trusted key ${expectedKey}`;
  const ok = verify(null, signedMessage(policyHash), key, Buffer.from(signature.signature, "base64url"));
  return ok ? undefined : "the signature does not verify: the signature file was altered or forged";
}

/** Reads a signature envelope file. Throws BAD_POLICY when it is missing or not JSON (an unsigned policy is refused). */
export function readSignatureFile(file: string, policyName: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? `it is not signed: ${file} does not exist (sign it with \`agentspec sign\`)`
        : `its signature ${file} cannot be read (${code})`;
    throw new AgentspecError("BAD_POLICY", `${policyName}: policy refused: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AgentspecError("BAD_POLICY", `${policyName}: policy refused: its signature ${file} is not JSON`);
  }
}

function isSignature(value: unknown): value is PolicySignature {
  if (value === null || typeof value !== "object") return false;
  const s = value as Record<string, unknown>;
  return (
    s.format === SIGNATURE_FORMAT &&
    s.algorithm === "Ed25519" &&
    typeof s.policy_hash === "string" &&
    typeof s.key_id === "string" &&
    typeof s.signature === "string"
  );
}

function asKey(input: KeyInput, kind: "private" | "public"): KeyObject {
  let key: KeyObject;
  try {
    key =
      typeof input === "string"
        ? kind === "private"
          ? createPrivateKey(input)
          : createPublicKey(input)
        : input.type === "private" && kind === "public"
          ? createPublicKey(input)
          : input;
  } catch (error) {
    throw new AgentspecError("BAD_ARGUMENT", `The ${kind} key is not a PEM key node:crypto can read (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== "ed25519")
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `The ${kind} key is ${key.asymmetricKeyType ?? "symmetric"}, not Ed25519: generate one with \`openssl genpkey -algorithm ed25519\``,
    );
  if (kind === "private" && key.type !== "private")
    throw new AgentspecError("BAD_ARGUMENT", "Signing needs the Ed25519 private key, not the public one");
  return key;
}
