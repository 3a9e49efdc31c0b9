/**
 * What a runtime must hand Veto's rule engine for rules from the `veto` target: the `arguments`
 * of its validate() call for one tool call (`vetoRequest`), and how to read its answer back as
 * allow / deny / require_approval (`fromVetoDecision`).
 *
 * Veto's engine (the SDK's ExpressionValidator) resolves every field against
 * `{ tool_name, ...arguments }`: whatever it is given as arguments is spread beside the tool's
 * name, so an argument called `tool_name` would stand in for the name, and `arguments.amount`
 * (the path the IR documents) reads nothing unless the caller nests the arguments. It cannot
 * ask a value its type either (`greater_than` is `Number(a) > Number(b)`, so `"50"`, `[50]` and
 * `null` all compare as numbers). So the request is built here, as `wpcRequestContext` does for
 * WPC: `arguments.<path>` and `context.<field>` hold the values decide() reads (own properties
 * only, read once), and `agentspec.*` holds what only decide()'s reading can say: whether the
 * call is well-formed, the folded tool name, each value's type and each string's length. The
 * rules are self-describing: only the fields their conditions read are supplied. Every object
 * of the request has no prototype, so a field the request does not hold reads as nothing.
 *
 * A runtime that hands Veto the call's arguments as they are instead gets no `agentspec.call`,
 * and the first rule of every export blocks the call.
 */
import { ambiguousReading, foldToolName, jsonKind, readPath, type DecisionKind } from "../../policy/index.js";
import { malformedReason } from "./call-shape.js";

/** The fields the `veto` target's conditions read, as prefixes of a path segment where one follows. */
export const VETO_FIELDS = {
  /** "well-formed" when decide() would not reject the call as malformed; any other value (or none) is blocked. */
  call: "agentspec.call",
  /** The engine's own: the tool's name as written (the request never holds a `tool_name` key). */
  tool: "tool_name",
  /** The folded reading of the name deny patterns are matched against (see foldToolName). */
  foldedTool: "agentspec.folded_tool",
  argument: "arguments.",
  argumentType: "agentspec.argument_types.",
  argumentLength: "agentspec.argument_lengths.",
  context: "context.",
  contextType: "agentspec.context_types.",
} as const;

export const VETO_WELL_FORMED = "well-formed";

/**
 * A path as one segment of a Veto field: the engine splits fields at ".", so a dotted path
 * (`recipient.domain`) writes its dots as %2E and its % as %25, and each path has a field of
 * its own beside the paths it contains.
 */
export function encodeVetoSegment(path: string): string {
  return path.replace(/[%.]/g, (c) => (c === "%" ? "%25" : "%2E"));
}

export function decodeVetoSegment(segment: string): string {
  return segment.replace(/%(25|2E)/g, (_, code: string) => (code === "25" ? "%" : "."));
}

export interface VetoRequest {
  /** The engine's `toolName`. */
  toolName: string;
  /** The engine's `arguments`: spread beside tool_name by the engine, so it holds no such key. */
  arguments: Record<string, unknown>;
}

/** The request for `call` against the parsed rules file (the IR object) from the `veto` target. */
export function vetoRequest(rules: unknown, call: unknown): VetoRequest {
  const agentspec = bare();
  const request = bare();
  request.agentspec = agentspec;
  const tool = (call as { tool?: unknown } | null)?.tool;
  const toolName = typeof tool === "string" ? tool : "";
  if (malformedReason(call) !== undefined) {
    agentspec.call = "malformed";
    return { toolName, arguments: request };
  }
  const { args = {}, context = {} } = call as { args?: object; context?: object };
  const fields = fieldsOf(rules);
  // Two readings of a path the rules read (a key "a.b" beside a.b): malformed, as decide() says
  // for the paths of the tool's own entries (this checks every rule's paths: stricter, never looser).
  if (
    [...fields.arguments].some((path) => ambiguousReading(args, path) !== undefined) ||
    [...fields.context].some((path) => ambiguousReading(context, path) !== undefined)
  ) {
    agentspec.call = "malformed";
    return { toolName, arguments: request };
  }
  agentspec.call = VETO_WELL_FORMED;
  agentspec.folded_tool = foldToolName(toolName);
  const values = { arguments: bare(), context: bare() };
  const types = { arguments: bare(), context: bare() };
  const lengths = bare();
  for (const [root, paths] of [
    ["arguments", fields.arguments],
    ["context", fields.context],
  ] as const) {
    for (const path of paths) {
      const value = readPath(root === "arguments" ? args : context, path);
      const segment = encodeVetoSegment(path);
      types[root][segment] = jsonKind(value);
      if (value !== undefined) values[root][segment] = value;
      // UTF-16 code units, as decide() counts max_length.
      if (root === "arguments" && typeof value === "string") lengths[segment] = value.length;
    }
  }
  request.arguments = values.arguments;
  request.context = values.context;
  agentspec.argument_types = types.arguments;
  agentspec.argument_lengths = lengths;
  agentspec.context_types = types.context;
  return { toolName, arguments: request };
}

/** Veto's answer → the agentspec decision: a block by a rule tagged `approval` asks a human. */
export function fromVetoDecision(rules: unknown, answer: { decision?: unknown; metadata?: { ruleId?: unknown } }): DecisionKind {
  if (answer.decision === "allow") return "allow";
  const ruleId = answer.metadata?.ruleId;
  return typeof ruleId === "string" && fieldsOf(rules).approvalRules.has(ruleId) ? "require_approval" : "deny";
}

function bare(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

interface RuleFields {
  /** Argument paths and context fields the conditions read (values, types or lengths). */
  arguments: Set<string>;
  context: Set<string>;
  /** Ids of the block rules tagged `approval`. */
  approvalRules: Set<string>;
}

/** What each rules object reads, computed once (a runtime asks about the same rules for every call). */
const fieldsByRules = new WeakMap<object, RuleFields>();

/** The rules are data: anything malformed reads as no fields (and the engine refuses to load it). */
function fieldsOf(rules: unknown): RuleFields {
  if (rules === null || typeof rules !== "object") return { arguments: new Set(), context: new Set(), approvalRules: new Set() };
  let fields = fieldsByRules.get(rules);
  if (!fields) {
    fields = readFields(rules);
    fieldsByRules.set(rules, fields);
  }
  return fields;
}

function readFields(rules: object): RuleFields {
  const fields: RuleFields = { arguments: new Set(), context: new Set(), approvalRules: new Set() };
  const list = (rules as { rules?: unknown }).rules;
  if (!Array.isArray(list)) return fields;
  const prefixes: [string, Set<string>][] = [
    [VETO_FIELDS.argument, fields.arguments],
    [VETO_FIELDS.argumentType, fields.arguments],
    [VETO_FIELDS.argumentLength, fields.arguments],
    [VETO_FIELDS.context, fields.context],
    [VETO_FIELDS.contextType, fields.context],
  ];
  for (const rule of list) {
    if (rule === null || typeof rule !== "object") continue;
    const { id, tags, conditions, condition_groups } = rule as Record<string, unknown>;
    if (typeof id === "string" && Array.isArray(tags) && tags.includes("approval")) fields.approvalRules.add(id);
    const all = [...(Array.isArray(conditions) ? conditions : []), ...(Array.isArray(condition_groups) ? condition_groups.flat() : [])];
    for (const condition of all) {
      const field = (condition as { field?: unknown } | null)?.field;
      if (typeof field !== "string") continue;
      for (const [prefix, set] of prefixes) {
        const segment = field.slice(prefix.length);
        if (field.startsWith(prefix) && segment !== "" && !segment.includes(".")) set.add(decodeVetoSegment(segment));
      }
    }
  }
  return fields;
}
