/** Turns ajv's errors into one plain-language diagnostic per real problem. */
import type { ErrorObject } from "ajv";
import { closestName, type Diagnostic } from "../diagnostics.js";
import { joinPointer, parsePointer, type SourceDoc } from "../load/index.js";

export function schemaDiagnostics(doc: SourceDoc, errors: readonly ErrorObject[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of dropMisspelledRequired(dropUnionNoise(errors))) {
    const described = describe(error);
    const key = `${described.pointer}\0${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({
      ruleId: "schema",
      severity: "error",
      message: described.message,
      pointer: described.pointer,
      ...doc.locate(described.pointer, described.at),
    });
  }
  return diagnostics;
}

interface Described {
  message: string;
  pointer: string;
  at: "key" | "value";
}

function describe(error: ErrorObject): Described {
  const where = describePath(error.instancePath);
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const names = ((params.alternatives as string[] | undefined) ?? [String(params.missingProperty)]).map((n) => `"${n}"`);
      return { message: `Missing required property ${names.join(" or ")} in ${where}`, pointer, at: "key" };
    }
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestion = closestName(name, allowed, { ignoreCase: true });
      const hint = suggestion
        ? `; did you mean "${suggestion}"?`
        : allowed.length > 0 && allowed.length <= MAX_LISTED
          ? `; allowed here: ${allowed.join(", ")}`
          : "; see the schema for the allowed properties";
      return { message: `Unknown property "${name}" in ${where}${hint}`, pointer: joinPointer(pointer, name), at: "key" };
    }
    case "type":
      return { message: `${subject(where)} must be ${typeNames(params.type)}, not ${describeValue(error.data)}`, pointer, at: "value" };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const suggestion =
        typeof error.data === "string"
          ? closestName(error.data, (params.allowedValues as unknown[]).map(String), { ignoreCase: true })
          : undefined;
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
      return {
        message: `${subject(where)} must be one of ${allowed.join(", ")}, not ${describeValue(error.data)}${hint}`,
        pointer,
        at: "value",
      };
    }
    case "const":
      return {
        message: `${subject(where)} must be ${JSON.stringify(params.allowedValue)}, not ${describeValue(error.data)}`,
        pointer,
        at: "value",
      };
    case "format":
      return {
        message: `${subject(where)} must be a ${formatName(String(params.format))}, not ${describeValue(error.data)}`,
        pointer,
        at: "value",
      };
    case "pattern":
      return {
        message: `${subject(where)} ${describeValue(error.data)} has the wrong form: ${patternHint(error.instancePath, error.schemaPath)}`,
        pointer,
        at: "value",
      };
    case "minLength":
      return { message: `${subject(where)} must not be empty`, pointer, at: "value" };
    case "minItems":
      return {
        message: `${subject(where)} must have at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`,
        pointer,
        at: "value",
      };
    case "minProperties":
      return { message: `${subject(where)} must not be empty`, pointer, at: "value" };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        message: `${subject(where)} must be ${COMPARISONS[error.keyword]} ${String(params.limit)}, not ${describeValue(error.data)}`,
        pointer,
        at: "value",
      };
    case "oneOf":
    case "anyOf":
      if (Array.isArray(params.passingSchemas)) return { message: ambiguousMessage(where, error), pointer, at: "value" };
      return { message: `${subject(where)} does not match any allowed form: ${error.message ?? ""}`.trim(), pointer, at: "value" };
    default:
      return { message: `${subject(where)} ${error.message ?? "is not valid"}`, pointer, at: "value" };
  }
}

/** Longer lists of allowed properties are noise in a one-line message. */
const MAX_LISTED = 8;

const COMPARISONS: Record<string, string> = {
  minimum: "at least",
  maximum: "at most",
  exclusiveMinimum: "greater than",
  exclusiveMaximum: "less than",
};

/**
 * A value that fails a oneOf/anyOf makes ajv report every branch. Keep only the branches whose
 * type the value has (a string deny entry is not reported as "must be an object"); when no
 * branch has its type, report one type error naming every allowed type.
 */
function dropUnionNoise(all: readonly ErrorObject[]): ErrorObject[] {
  // ajv follows a property name's own error with a generic "property name must be valid".
  const errors = all.filter((e) => e.keyword !== "propertyNames");
  const unions = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
  if (unions.length === 0) return [...errors];
  const dropped = new Set<ErrorObject>();
  const added: ErrorObject[] = [];
  for (const union of unions) {
    dropped.add(union);
    if (Array.isArray((union.params as { passingSchemas?: unknown }).passingSchemas)) {
      added.push(union);
      continue;
    }
    const branchOf = (e: ErrorObject): number | undefined => {
      if (!e.schemaPath.startsWith(union.schemaPath + "/")) return undefined;
      return Number(e.schemaPath.slice(union.schemaPath.length + 1).split("/")[0]);
    };
    const branches = new Map<number, ErrorObject[]>();
    for (const e of errors) {
      const branch = branchOf(e);
      if (branch === undefined || e === union) continue;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const wrongType = [...branches].filter(([, es]) => es.some((e) => e.keyword === "type" && e.instancePath === union.instancePath));
    const types: string[] = [];
    for (const [, es] of wrongType) {
      for (const e of es) {
        dropped.add(e);
        if (e.keyword === "type" && e.instancePath === union.instancePath)
          types.push(...[(e.params as { type: string | string[] }).type].flat());
      }
    }
    const branchCount = Array.isArray(union.schema) ? union.schema.length : branches.size;
    if (wrongType.length === branchCount && branchCount > 0) {
      added.push({ ...union, keyword: "type", params: { type: [...new Set(types)] } });
    }
    // Branches that differ only by a required property ({ command } or { url }): one error naming each.
    const missing = [...branches.values()].map((es) =>
      es.length === 1 && es[0]!.keyword === "required" && es[0]!.instancePath === union.instancePath ? es[0]! : undefined,
    );
    if (branchCount > 1 && missing.length === branchCount && missing.every((e) => e !== undefined)) {
      for (const e of missing) dropped.add(e!);
      const alternatives = missing.map((e) => String((e!.params as { missingProperty: string }).missingProperty));
      added.push({ ...missing[0]!, params: { missingProperty: alternatives[0], alternatives } });
    }
  }
  return [...errors.filter((e) => !dropped.has(e)), ...added];
}

/**
 * A misspelled required property shows as two errors: the unknown spelling and the missing
 * property. The unknown one ("did you mean …?") says it all, so the missing one is dropped.
 */
function dropMisspelledRequired(errors: ErrorObject[]): ErrorObject[] {
  const misspelled = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== "additionalProperties") continue;
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const suggestion = closestName(String((e.params as { additionalProperty: string }).additionalProperty), allowed, { ignoreCase: true });
    if (suggestion) misspelled.add(`${e.instancePath}\0${suggestion}`);
  }
  if (misspelled.size === 0) return errors;
  return errors.filter(
    (e) =>
      e.keyword !== "required" ||
      !((e.params as { alternatives?: string[] }).alternatives ?? [String((e.params as { missingProperty: string }).missingProperty)]).some(
        (name) => misspelled.has(`${e.instancePath}\0${name}`),
      ),
  );
}

/** tools["billing.refund"].approval rather than /tools/billing.refund/approval. */
export function describePath(pointer: string): string {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return "the spec";
  let path = "";
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) path += (path ? "." : "") + segment;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

function typeNames(type: unknown): string {
  const names = [type].flat().map((t) => TYPE_NAMES[String(t)] ?? String(t));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

const TYPE_NAMES: Record<string, string> = {
  object: "an object (key: value pairs)",
  array: "a list",
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  null: "null",
};

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  return String(value);
}

function formatName(format: string): string {
  return format === "date" ? "date written YYYY-MM-DD" : `valid ${format}`;
}

function patternHint(pointer: string, schemaPath: string): string {
  if (pointer === "/agent/id") return "use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit";
  for (const [suffix, hint] of PATTERN_HINTS) if (schemaPath.endsWith(suffix)) return hint;
  return "see the schema for the allowed form";
}

/** What a pattern in the schema asks for, by the end of its schema path. */
const PATTERN_HINTS: [string, string][] = [
  ["/properties/servers/propertyNames/pattern", "name a server with letters, digits, '_' and '-', starting with a letter or digit"],
  [
    "/properties/env/items/pattern",
    "name an environment variable (letters, digits and '_', not starting with a digit); its value is never written here",
  ],
  ["/properties/headers/propertyNames/pattern", "use an HTTP header name"],
  [
    "/properties/headers/additionalProperties/pattern",
    "name the environment variable that holds the header's value (e.g. MCP_AUTHORIZATION), never the value itself",
  ],
  [
    "/properties/prefix/pattern",
    "use letters, digits, '_' and '-' in parts joined by '.', '_' or '-', optionally ending in one (e.g. fs.)",
  ],
  ["/properties/url/pattern", "give an http:// or https:// URL"],
];

/** A value two branches of a oneOf both accept: for branches that differ by a required property, name them. */
function ambiguousMessage(where: string, error: ErrorObject): string {
  const branches = (Array.isArray(error.schema) ? error.schema : []) as { required?: string[] }[];
  const passing = ((error.params as { passingSchemas: number[] }).passingSchemas ?? []).flatMap((i) => branches[i]?.required ?? []);
  if (passing.length > 1) return `${subject(where)} has both ${passing.map((n) => `"${n}"`).join(" and ")}: give only one of them`;
  return `${subject(where)} matches more than one allowed form`;
}

/** The path starts the sentence as written (tools["x"].effect); only "the spec" is capitalized. */
function subject(where: string): string {
  return where === "the spec" ? "The spec" : where;
}
