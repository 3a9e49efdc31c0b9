#!/usr/bin/env node
// Writes what is generated from the schemas into generated/, or with --check fails when the
// committed files differ from what the schemas generate (drift).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { compile } from "json-schema-to-typescript";
import { renderValidator, validatorTargets } from "./validators.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Each schema in schema/ and the TypeScript file generated from it. */
export const typeTargets = [
  { schema: "schema/agentspec.schema.json", out: "generated/agentspec.ts" },
  { schema: "schema/agentaz-input.schema.json", out: "generated/agentaz-input.ts" },
  { schema: "schema/policy.schema.json", out: "generated/policy.ts" },
  { schema: "schema/config.schema.json", out: "generated/config.ts" },
  { schema: "schema/mcp-lock.schema.json", out: "generated/mcp-lock.ts" },
];

/** The TypeScript json-schema-to-typescript makes from a schema object. */
export async function renderTypes(json, schema) {
  const banner = `/* Generated from ${schema} by \`npm run generate\`. Do not edit: change the schema and regenerate. */`;
  const ts = await compile(json, json.title, {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: false, printWidth: 100 },
  });
  return ts;
}

/**
 * The definitions the policy schema shares with the spec schema: the spec schema is their one
 * source, and the policy schema's copies are rewritten from it (and drift-checked), so what a
 * condition or a limit means cannot differ between a spec and the policy compiled from it.
 * The policy schema stays one self-contained file, which editors and other tools read alone.
 */
export const SHARED_DEFINITIONS = ["Effect", "Condition", "ArgumentLimit", "Redaction", "Handoff", "Audit"];

async function syncSharedDefinitions() {
  const spec = JSON.parse(await readFile(path.join(root, "schema/agentspec.schema.json"), "utf8"));
  const out = "schema/policy.schema.json";
  const policy = JSON.parse(await readFile(path.join(root, out), "utf8"));
  for (const name of SHARED_DEFINITIONS) {
    if (!spec.definitions[name]) throw new Error(`schema/agentspec.schema.json has no definition ${name}`);
    policy.definitions[name] = spec.definitions[name];
  }
  const { format } = await import("prettier");
  const text = await format(JSON.stringify(policy, null, 2), { parser: "json", ...(await prettierOptions()) });
  return { out, text, policy };
}

async function prettierOptions() {
  const { resolveConfig } = await import("prettier");
  return (await resolveConfig(path.join(root, "schema/policy.schema.json"))) ?? {};
}

async function main(check) {
  const shared = await syncSharedDefinitions();
  // The policy types and validator are generated from the synced schema, so --check sees drift in either.
  const fromSchema = async (schema) =>
    schema === shared.out ? shared.policy : JSON.parse(await readFile(path.join(root, schema), "utf8"));
  const outputs = [
    { out: shared.out, text: shared.text },
    ...(await Promise.all([
      ...typeTargets.map(async ({ schema, out }) => ({ out, text: await renderTypes(await fromSchema(schema), schema) })),
      ...validatorTargets.map(async ({ name, schema, out }) => ({ out, text: renderValidator(name, await fromSchema(schema)) })),
    ])),
  ];
  let drift = 0;
  for (const { out, text } of outputs) {
    const file = path.join(root, out);
    if (check) {
      const current = await readFile(file, "utf8").catch(() => null);
      if (current !== text) {
        drift++;
        console.error(`${out} is out of date with the schemas: run \`npm run generate\` and commit the result.`);
      }
    } else {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
      console.log(`wrote ${out}`);
    }
  }
  if (drift > 0) process.exitCode = 1;
  else if (check) console.log(`generated/ is up to date (${outputs.length} file${outputs.length === 1 ? "" : "s"})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.includes("--check"));
