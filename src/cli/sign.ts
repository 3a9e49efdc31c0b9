/** `agentspec sign <policy.json> --key <ed25519 private key PEM> [--out <file>]`: writes the policy's detached signature (`<policy>.sig`). */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Argv } from "yargs";
import { AgentspecError } from "../errors.js";
import { loadPolicy } from "../runtime/load-policy.js";
import { signaturePathFor, signPolicyHash } from "../runtime/policy-signature.js";
import { EXIT, type CliIO } from "./io.js";
import { readText } from "../load/index.js";

export interface SignArgs {
  policy: string;
  key: string;
  out?: string;
}

export function signBuilder(yargs: Argv): Argv<SignArgs> {
  return yargs
    .positional("policy", { type: "string", demandOption: true, describe: "A compiled *.policy.json" })
    .option("key", { type: "string", demandOption: true, requiresArg: true, describe: "The Ed25519 private key (PEM file)" })
    .option("out", {
      alias: "o",
      type: "string",
      requiresArg: true,
      describe: "Where to write the signature (default: <policy>.sig)",
    }) as unknown as Argv<SignArgs>;
}

export async function runSign(args: SignArgs, io: CliIO): Promise<number> {
  const file = path.resolve(io.cwd, args.policy);
  // Only a policy that loads (schema and hash checked) is signed: a signature vouches for what was reviewed.
  const policy = loadPolicy(file, { name: args.policy });
  const signature = signPolicyHash(policy.hash, await readKey(path.resolve(io.cwd, args.key), args.key));
  const out = args.out ?? signaturePathFor(args.policy);
  try {
    await writeFile(path.resolve(io.cwd, out), JSON.stringify(signature, null, 2) + "\n");
  } catch (error) {
    throw new AgentspecError(
      "UNWRITABLE",
      `${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  io.stdout(`Signed ${args.policy} (${policy.hash}) with key ${signature.key_id}: ${out}\n`);
  return EXIT.ok;
}

export async function readKey(file: string, shown: string): Promise<string> {
  return readText(file, { what: "key file", shown });
}
