/**
 * `agentspec verify <policy.json> --pub <ed25519 public key PEM> [--sig <file>] [--pin sha256:…]`:
 * loads the policy as a runtime would with a required signature (schema, hash, pin, signature).
 * Exit 0 when it is accepted, 1 when it is refused (the reason on stderr).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Argv } from "yargs";
import { AgentspecError } from "../errors.js";
import { loadPolicy } from "../runtime/load-policy.js";
import { keyId, signaturePathFor } from "../runtime/policy-signature.js";
import { EXIT, type CliIO } from "./io.js";
import { readKey } from "./sign.js";
import { readTextIfExists } from "../load/index.js";

export interface VerifyArgs {
  policy: string;
  pub: string;
  sig?: string;
  pin?: string;
}

export function verifyBuilder(yargs: Argv): Argv<VerifyArgs> {
  return yargs
    .positional("policy", { type: "string", demandOption: true, describe: "A compiled *.policy.json" })
    .option("pub", { type: "string", demandOption: true, requiresArg: true, describe: "The trusted Ed25519 public key (PEM file)" })
    .option("sig", { type: "string", requiresArg: true, describe: "The signature file (default: <policy>.sig)" })
    .option("pin", {
      type: "string",
      requiresArg: true,
      describe: "Also refuse a policy whose hash is not this sha256:…",
    }) as unknown as Argv<VerifyArgs>;
}

export async function runVerify(args: VerifyArgs, io: CliIO): Promise<number> {
  // A missing policy is a usage error (exit 2) naming it, not a refusal of an unsigned policy.
  if (!existsSync(path.resolve(io.cwd, args.policy))) throw new AgentspecError("NOT_FOUND", `${args.policy}: no such file`);
  const publicKey = await readKey(path.resolve(io.cwd, args.pub), args.pub);
  // node derives the public key from a private one, so a private key would verify: refuse it,
  // since a verifier handed the signing key is a key in the wrong place.
  if (/-----BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY-----/.test(publicKey)) {
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--pub ${args.pub} is a private key: pass the public key (openssl pkey -in ${args.pub} -pubout -out key.pub.pem), and keep the private one with the signer`,
    );
  }
  const sigFile = args.sig ?? signaturePathFor(args.policy);
  const signature = readTextIfExists(path.resolve(io.cwd, sigFile), { shown: sigFile });
  try {
    if (signature === undefined)
      throw new AgentspecError(
        "BAD_POLICY",
        `${args.policy}: policy refused: it is not signed: ${sigFile} does not exist (sign it with \`agentspec sign\`)`,
      );
    const policy = loadPolicy(path.resolve(io.cwd, args.policy), { name: args.policy, pin: args.pin, publicKey, signature });
    io.stdout(`${args.policy}: signature valid: ${policy.hash} signed by key ${keyId(publicKey)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof AgentspecError) || error.code !== "BAD_POLICY") throw error;
    io.stderr(`agentspec: ${error.message}\n`);
    return EXIT.problems;
  }
}
