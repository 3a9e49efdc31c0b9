import { generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyId } from "../../src/runtime/policy-signature.js";
import { runCli } from "../helpers/run-cli.js";

function keyFiles(dir: string, name: string): { priv: string; pub: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const priv = path.join(dir, `${name}.pem`);
  const pub = path.join(dir, `${name}.pub.pem`);
  writeFileSync(priv, privateKey.export({ type: "pkcs8", format: "pem" }));
  writeFileSync(pub, publicKey.export({ type: "spki", format: "pem" }));
  return { priv, pub };
}

describe("agentspec sign / verify", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "agentspec-cli-sign-"));
  const policy = path.join(dir, "order-support.policy.json");
  copyFileSync("generated/specs/order-support.policy.json", policy);
  const hash = JSON.parse(readFileSync(policy, "utf8")).hash as string;
  const trusted = keyFiles(dir, "trusted");
  const other = keyFiles(dir, "other");

  it("sign writes <policy>.sig; verify accepts it with the public key and the right pin (exit 0)", async () => {
    const signed = await runCli("sign", policy, "--key", trusted.priv);
    expect(signed).toEqual({
      code: 0,
      stdout: `Signed ${policy} (${hash}) with key ${keyId(readFileSync(trusted.pub, "utf8"))}: ${policy}.sig\n`,
      stderr: "",
    });
    expect(JSON.parse(readFileSync(`${policy}.sig`, "utf8"))).toMatchObject({ format: "agentspec-policy-signature/1", policy_hash: hash });
    const verified = await runCli("verify", policy, "--pub", trusted.pub, "--pin", hash);
    expect(verified).toEqual({
      code: 0,
      stdout: `${policy}: signature valid: ${hash} signed by key ${keyId(readFileSync(trusted.pub, "utf8"))}\n`,
      stderr: "",
    });
  });

  it("verify refuses another key, a wrong pin and a missing signature (exit 1, the reason on stderr)", async () => {
    await runCli("sign", policy, "--key", trusted.priv);
    const wrongKey = await runCli("verify", policy, "--pub", other.pub);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(
      /^agentspec: .*order-support\.policy\.json: policy refused: the signature was made with key sha256:[0-9a-f]{64}, not the trusted key sha256:[0-9a-f]{64}\n$/,
    );
    const pin = "sha256:" + "a".repeat(64);
    const wrongPin = await runCli("verify", policy, "--pub", trusted.pub, "--pin", pin);
    expect(wrongPin).toMatchObject({
      code: 1,
      stderr: `agentspec: ${policy}: policy refused: its hash ${hash} is not the pinned ${pin}: only the pinned policy is accepted\n`,
    });
    const missing = await runCli("verify", policy, "--pub", trusted.pub, "--sig", path.join(dir, "none.sig"));
    expect(missing).toMatchObject({
      code: 1,
      stderr: `agentspec: ${policy}: policy refused: it is not signed: ${path.join(dir, "none.sig")} does not exist (sign it with \`agentspec sign\`)\n`,
    });
  });

  it("sign refuses a public key and a missing key file (exit 2)", async () => {
    expect(await runCli("sign", policy, "--key", trusted.pub)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^agentspec: The private key is not a PEM key node:crypto can read/),
    });
    expect(await runCli("sign", policy, "--key", path.join(dir, "nope.pem"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `agentspec: ${path.join(dir, "nope.pem")}: no such key file\n`,
    });
  });

  it("verify names a policy that does not exist, and refuses a private key for --pub (exit 2)", async () => {
    const missing = path.join(dir, "missing.policy.json");
    expect(await runCli("verify", missing, "--pub", trusted.pub)).toEqual({
      code: 2,
      stdout: "",
      stderr: `agentspec: ${missing}: no such file\n`,
    });
    await runCli("sign", policy, "--key", trusted.priv);
    const refused = await runCli("verify", policy, "--pub", trusted.priv);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(
      `agentspec: --pub ${trusted.priv} is a private key: pass the public key (openssl pkey -in ${trusted.priv} -pubout -out key.pub.pem), and keep the private one with the signer\n`,
    );
  });
});
