// ajv's standalone code for every schema, precompiled so the CLI neither loads ajv nor compiles
// a schema at start-up (that cost more than node's own start). Used by generate.js.
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone/index.js";

/**
 * One module per schema, so a command loads only the validators it uses (lint never loads the
 * policy's). The options match what the validators were compiled with at run time before.
 */
export const validatorTargets = [
  { name: "validateAgentspec", schema: "schema/agentspec.schema.json", out: "generated/validate-agentspec.ts" },
  { name: "validateAgentazInput", schema: "schema/agentaz-input.schema.json", out: "generated/validate-agentaz-input.ts" },
  { name: "validatePolicy", schema: "schema/policy.schema.json", out: "generated/validate-policy.ts" },
  { name: "validateConfig", schema: "schema/config.schema.json", out: "generated/validate-config.ts" },
  { name: "validateMcpLock", schema: "schema/mcp-lock.schema.json", out: "generated/validate-mcp-lock.ts" },
];

/**
 * The module exporting `name`, the validator of a parsed schema. verbose: the error messages
 * read parentSchema and schema (oneOf branch counting), which standalone code keeps.
 */
export function renderValidator(name, schema) {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    strict: true,
    code: { source: true, esm: true, lines: true },
  });
  addFormats(ajv, ["date"]);
  ajv.addSchema(schema, name);
  return wrap(standaloneCode(ajv, { [name]: name }));
}

/**
 * ajv's ESM output still calls require() for its runtime helpers (ucs2length, the date format).
 * They become imports, so the CLI bundle carries them instead of starting node's CommonJS loader
 * for two small files. Node gives a CommonJS module's exports object as the default export, a
 * bundler may give `exports.default`; commonJs() takes the exports object either way.
 */
function wrap(code) {
  const specifiers = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];
  const body = code
    .replace(/^"use strict";\n?/, "")
    .replace(/require\("([^"]+)"\)/g, (_, spec) => `commonJs(cjs${specifiers.indexOf(spec)})`);
  return [
    "// @ts-nocheck: ajv's generated code is untyped; src/validate types what it uses.",
    "/* Generated from schema/ by `npm run generate` (ajv standalone). Do not edit: change the schema and regenerate. */",
    ...specifiers.map((spec, i) => `import * as cjs${i} from "${spec}.js";`),
    'const commonJs = (ns) => (ns.default !== undefined && typeof ns.default === "object" ? ns.default : ns);',
    body,
    "",
  ].join("\n");
}
