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

async function generateTypes({ schema, out }) {
  const json = JSON.parse(await readFile(path.join(root, schema), "utf8"));
  return { out, text: await renderTypes(json, schema) };
}

async function generateValidator({ name, schema, out }) {
  return { out, text: renderValidator(name, JSON.parse(await readFile(path.join(root, schema), "utf8"))) };
}

async function main(check) {
  const outputs = await Promise.all([...typeTargets.map(generateTypes), ...validatorTargets.map(generateValidator)]);
  let drift = 0;
  for (const { out, text } of outputs) {
    const file = path.join(root, out);
    if (check) {
      const current = await readFile(file, "utf8").catch(() => null);
      if (current !== text) {
        drift++;
        console.error(`${out} is out of date with its schema: run \`npm run generate\` and commit the result.`);
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
