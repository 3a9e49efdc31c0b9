import { generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AgentspecError } from "../../src/errors.js";
import { loadPolicy } from "../../src/runtime/load-policy.js";
import { keyId, signatureProblem, signedMessage, signPolicyHash } from "../../src/runtime/policy-signature.js";

const POLICY = "generated/specs/order-support.policy.json";
const pem = (kind: "private" | "public", key: { export(o: object): string | Buffer }) =>
  String(key.export({ type: kind === "private" ? "pkcs8" : "spki", format: "pem" }));

function keys() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privatePem: pem("private", privateKey), publicPem: pem("public", publicKey) };
}

/** A copy of a compiled example policy in a fresh directory, and its hash. */
function policyCopy(): { file: string; hash: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "agentspec-sign-")), "order-support.policy.json");
  copyFileSync(POLICY, file);
  return { file, hash: JSON.parse(readFileSync(file, "utf8")).hash };
}

describe("policy signatures", () => {
  const trusted = keys();
  const other = keys();

  it("signs a policy hash: an envelope with the key id, verifiable with node:crypto", () => {
    const { hash } = policyCopy();
    const signature = signPolicyHash(hash, trusted.privatePem);
    expect(signature).toEqual({
      format: "agentspec-policy-signature/1",
      algorithm: "Ed25519",
      policy_hash: hash,
      key_id: keyId(trusted.publicPem),
      signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/),
    });
    expect(signedMessage(hash).toString()).toBe(`agentspec-policy-signature/1\n${hash}`);
    expect(signatureProblem(signature, hash, trusted.publicPem)).toBeUndefined();
  });

  it("names what is wrong: another policy, another key, a forged signature, not an envelope", () => {
    const { hash } = policyCopy();
    const signature = signPolicyHash(hash, trusted.privatePem);
    const otherHash = "sha256:" + "0".repeat(64);
    expect(signatureProblem(signature, otherHash, trusted.publicPem)).toBe(
      `the signature is for policy ${hash}, not this one (${otherHash})`,
    );
    expect(signatureProblem(signature, hash, other.publicPem)).toBe(
      `the signature was made with key ${keyId(trusted.publicPem)}, not the trusted key ${keyId(other.publicPem)}`,
    );
    const forged = { ...signPolicyHash(hash, other.privatePem), key_id: keyId(trusted.publicPem) };
    expect(signatureProblem(forged, hash, trusted.publicPem)).toBe(
      "the signature does not verify: the signature file was altered or forged",
    );
    expect(signatureProblem({ signature: "x" }, hash, trusted.publicPem)).toMatch(
      /^the signature is not an agentspec-policy-signature\/1 envelope/,
    );
  });

  it("refuses keys that are not Ed25519 with BAD_ARGUMENT", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(() => signPolicyHash("sha256:" + "0".repeat(64), pem("private", rsa.privateKey))).toThrow(
      new AgentspecError("BAD_ARGUMENT", "The private key is rsa, not Ed25519: generate one with `openssl genpkey -algorithm ed25519`"),
    );
    expect(() => signPolicyHash("sha256:" + "0".repeat(64), trusted.publicPem)).toThrow(/^The private key is not a PEM key/);
  });
});

describe("loadPolicy with a required signature", () => {
  const trusted = keys();
  const other = keys();

  it("loads a policy whose <policy>.sig is the trusted key's signature of its hash", () => {
    const { file, hash } = policyCopy();
    writeFileSync(`${file}.sig`, JSON.stringify(signPolicyHash(hash, trusted.privatePem)));
    expect(loadPolicy(file, { publicKey: trusted.publicPem }).hash).toBe(hash);
    expect(
      loadPolicy(readFileSync(file, "utf8"), { publicKey: trusted.publicPem, signature: readFileSync(`${file}.sig`, "utf8") }).hash,
    ).toBe(hash);
  });

  it("refuses with BAD_POLICY: unsigned, signed by another key, or a policy given as text without its signature", () => {
    const { file, hash } = policyCopy();
    expect(() => loadPolicy(file, { publicKey: trusted.publicPem })).toThrow(
      new AgentspecError(
        "BAD_POLICY",
        `${file}: policy refused: it is not signed: ${file}.sig does not exist (sign it with \`agentspec sign\`)`,
      ),
    );
    writeFileSync(`${file}.sig`, JSON.stringify(signPolicyHash(hash, other.privatePem)));
    expect(() => loadPolicy(file, { publicKey: trusted.publicPem })).toThrow(
      new AgentspecError(
        "BAD_POLICY",
        `${file}: policy refused: the signature was made with key ${keyId(other.publicPem)}, not the trusted key ${keyId(trusted.publicPem)}`,
      ),
    );
    expect(() => loadPolicy(readFileSync(file, "utf8"), { publicKey: trusted.publicPem })).toThrow(
      new AgentspecError("BAD_POLICY", "<policy>: policy refused: it is not signed: pass its signature envelope as the signature option"),
    );
  });

  it("refuses a policy edited after signing: its hash check fails before the signature is looked at", () => {
    const { file, hash } = policyCopy();
    writeFileSync(`${file}.sig`, JSON.stringify(signPolicyHash(hash, trusted.privatePem)));
    const edited = JSON.parse(readFileSync(file, "utf8"));
    edited.deny = [];
    writeFileSync(file, JSON.stringify(edited));
    expect(() => loadPolicy(file, { publicKey: trusted.publicPem })).toThrow(
      /policy refused: its hash sha256:[0-9a-f]+ does not match its contents/,
    );
  });
});
