// @ts-nocheck: ajv's generated code is untyped; src/validate types what it uses.
/* Generated from schema/ by `npm run generate` (ajv standalone). Do not edit: change the schema and regenerate. */
import * as cjs0 from "ajv/dist/runtime/ucs2length.js";
import * as cjs1 from "ajv-formats/dist/formats.js";
const commonJs = (ns) => (ns.default !== undefined && typeof ns.default === "object" ? ns.default : ns);
export const validateAgentspec = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://agentspec.dev/schema/agentspec-1.0.schema.json","title":"AgentSpec","description":"An agent authority spec: one reviewable file that says what an AI agent may do, what it must never do, where a human must approve, how it is bounded, and how it fails.","type":"object","required":["agentspec","agent","tools"],"additionalProperties":false,"properties":{"$schema":{"type":"string","description":"Optional pointer to this JSON Schema, for editor completion."},"agentspec":{"type":"string","const":"1.0","description":"The spec format version. Only \"1.0\" exists."},"agent":{"$ref":"#/definitions/Agent"},"trust_level":{"$ref":"#/definitions/TrustLevel","description":"The declared authority class (AgentAz A0-A5, by worst-case action). The linter computes the level from the tools and compares."},"dna_pattern":{"type":"string","enum":["Research","Evaluation","Extraction","Planning","Synthesis","Execution","Escalation","Delegation","Autonomous"],"description":"The agent's behavioural pattern, in AgentAz's vocabulary."},"worst_case_action":{"type":"string","description":"The single most consequential thing the agent can do, stated plainly."},"authority_boundary":{"type":"string","description":"What the agent is and is not authorized to do, in one or two sentences."},"context_handling":{"type":"string","description":"How the agent treats its inputs (grounding, citing, untrusted text). Shown in the governance matrix."},"memory":{"$ref":"#/definitions/Memory"},"execution":{"$ref":"#/definitions/Execution"},"tools":{"type":"object","description":"The allowlist: every tool the agent may call, keyed by tool name (dotted names such as crm.lookup are conventional). Anything not listed is denied.","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/Tool"}},"deny":{"type":"array","description":"Tool patterns that are always denied, whatever the allowlist says (deny wins). A pattern is a tool name where * matches any run of characters and ? one character, e.g. payment.*.","items":{"$ref":"#/definitions/DenyEntry"}},"outputs":{"$ref":"#/definitions/Outputs"},"limits":{"$ref":"#/definitions/Limits"},"handoff":{"$ref":"#/definitions/Handoff"},"audit":{"$ref":"#/definitions/Audit"},"failure_modes":{"type":"array","description":"Specific ways the agent can fail and how each is detected, contained and recovered from.","items":{"$ref":"#/definitions/FailureMode"}},"evaluation":{"$ref":"#/definitions/Evaluation"},"tests":{"type":"array","description":"Decision test cases: a tool call and the decision the compiled policy must return for it. Checked by `agentspec test` and by the linter.","items":{"$ref":"#/definitions/DecisionTest"}},"suppressions":{"type":"array","description":"Lint findings deliberately accepted in this spec, each with the reason a reviewer agreed to.","items":{"$ref":"#/definitions/Suppression"}},"extensions":{"$ref":"#/definitions/Extensions"},"mcp":{"$ref":"#/definitions/Mcp"}},"definitions":{"Extensions":{"type":"object","description":"Fields of other systems that agentspec has no place for, keyed by system name, so a round trip through agentspec keeps them: `agentspec import` fills them and the target of the same system restores them. agentspec itself neither checks nor enforces them. `agentaz`: AgentAz fields by their AgentAz names (e.g. `tags`, `$schema`, `tool_boundary: { read_only: true }`), and `ungated_tools_field` (`allowed_tools` or `auto_executable_tools`): which AgentAz list held the tools without approval.","additionalProperties":{"type":"object","description":"One system's fields, free-form."}},"TrustLevel":{"type":"string","enum":["A0","A1","A2","A3","A4","A5"],"description":"Authority class by worst-case action: A0 no tools, A1 read, A2 read and draft (recommend), A3 acts only with approval, A4 limited autonomy within bounds, A5 full autonomy."},"Effect":{"type":"string","enum":["read","draft","write","irreversible"],"description":"What a tool call does to the world: read reads only; draft prepares something a human sends or applies; write changes state that can be undone; irreversible cannot be undone (money, deletion, outbound messages)."},"Agent":{"type":"object","description":"Who the agent is and who answers for it.","required":["id","version"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$","description":"Stable identifier: lower-case letters, digits, '.', '_' and '-'. Compiled files are named after it."},"version":{"type":"string","minLength":1,"description":"The version of this spec (semantic versioning is conventional)."},"name":{"type":"string","description":"A human-readable name."},"goal":{"type":"string","description":"What the agent is for, in one sentence. Shown as the agent goal in the governance matrix."},"owner":{"type":"string","description":"The team or person accountable for the agent."},"last_reviewed":{"type":"string","format":"date","description":"The date (YYYY-MM-DD) this spec was last reviewed by a person."}}},"Memory":{"type":"object","description":"What the agent remembers, and for how long.","additionalProperties":false,"required":["strategy"],"properties":{"strategy":{"type":"string","enum":["none","task_scoped","session","persistent"],"description":"none: stateless; task_scoped: working context for one task only; session: kept for one session; persistent: kept across sessions."},"description":{"type":"string","description":"Details: what is kept, where, and for how long."}}},"Execution":{"type":"object","description":"How tool execution is constrained as a whole.","additionalProperties":false,"properties":{"tools_absent":{"type":"boolean","description":"true declares that the agent has no tools that change state (no write or irreversible tools). The linter checks the claim (AgentAz execution_tools_absent)."},"sandboxed":{"type":"boolean","description":"Tool calls run in an isolated sandbox."},"rollback_required":{"type":"boolean","description":"Every state-changing tool must have a registered rollback."}}},"Tool":{"type":"object","description":"One allowed tool and the conditions on its use.","required":["effect"],"additionalProperties":false,"properties":{"effect":{"$ref":"#/definitions/Effect"},"description":{"type":"string","description":"What the tool does."},"resources":{"type":"array","description":"The resources the tool may touch, as scope patterns (e.g. customers/*, queue/tier-1).","items":{"type":"string","minLength":1}},"approval":{"$ref":"#/definitions/Approval"},"limits":{"type":"object","description":"Hard limits on arguments, keyed by argument name: a call outside them is denied, with or without approval.","additionalProperties":{"$ref":"#/definitions/ArgumentLimit"}}}},"Approval":{"description":"A human approval gate: true to always require approval, or an object with an optional condition and channel.","oneOf":[{"type":"boolean","description":"true always requires approval; false is the same as no gate."},{"type":"object","description":"An approval gate with an optional condition and channel.","additionalProperties":false,"properties":{"when":{"$ref":"#/definitions/Condition"},"channel":{"type":"string","minLength":1,"description":"Where approval requests go, e.g. slack:#support-escalations."},"reason":{"type":"string","description":"Why this tool needs approval."}}}]},"Condition":{"type":"object","description":"When an approval gate applies. Compare one argument (arg) or one call context field (context) with exactly one operator, or combine conditions with any / all. Without a condition the gate always applies.","additionalProperties":false,"minProperties":1,"dependencies":{"gt":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"gte":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"lt":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"lte":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"eq":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"ne":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"in":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"not_in":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]}},"properties":{"arg":{"type":"string","minLength":1,"description":"The argument to test; dotted paths reach nested values (e.g. recipient.domain)."},"context":{"type":"string","enum":["actor","tenant","environment"],"description":"The call context field to test."},"gt":{"type":"number","description":"Applies when the value is a number greater than this."},"gte":{"type":"number","description":"Applies when the value is a number greater than or equal to this."},"lt":{"type":"number","description":"Applies when the value is a number less than this."},"lte":{"type":"number","description":"Applies when the value is a number less than or equal to this."},"eq":{"type":["string","number","boolean"],"description":"Applies when the value equals this."},"ne":{"type":["string","number","boolean"],"description":"Applies when the value is present and differs from this."},"in":{"type":"array","items":{"type":["string","number","boolean"]},"description":"Applies when the value is one of these."},"not_in":{"type":"array","items":{"type":["string","number","boolean"]},"description":"Applies when the value is present and none of these."},"any":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/Condition"},"description":"Applies when at least one of these conditions applies."},"all":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/Condition"},"description":"Applies when every one of these conditions applies."}}},"ArgumentLimit":{"type":"object","description":"A hard limit on one argument. A call whose argument breaks it is denied.","additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"number","description":"The smallest allowed numeric value."},"max":{"type":"number","description":"The largest allowed numeric value."},"max_length":{"type":"integer","minimum":0,"description":"The longest allowed string, in characters."},"one_of":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]},"description":"The only allowed values."},"required":{"type":"boolean","description":"true denies a call that omits the argument."}}},"DenyEntry":{"description":"A denied tool pattern, as a string or with a reason.","oneOf":[{"type":"string","minLength":1,"description":"The tool pattern: * matches any run of characters, ? one character."},{"type":"object","description":"A denied tool pattern with the reason for it.","required":["pattern"],"additionalProperties":false,"properties":{"pattern":{"type":"string","minLength":1,"description":"The tool pattern: * matches any run of characters, ? one character."},"reason":{"type":"string","description":"Why the pattern is denied; shown in decisions."}}}]},"Outputs":{"type":"object","description":"What the agent may produce and how its inputs are protected.","additionalProperties":false,"properties":{"mode":{"type":"string","enum":["direct","propose_only","draft_only"],"description":"direct: outputs take effect; propose_only: outputs are proposals a separate, approved step applies; draft_only: outputs are drafts a human sends."},"format":{"type":"string","description":"The output format, e.g. structured_json or markdown."},"required_fields":{"type":"array","items":{"type":"string"},"description":"Fields every output must carry (e.g. confidence, rationale)."},"never_emits":{"type":"array","items":{"type":"string","minLength":1},"description":"Actions or tools the agent's output must never perform or contain."},"redaction":{"$ref":"#/definitions/Redaction"}}},"Redaction":{"type":"object","description":"Redaction and data-loss-prevention rules applied before text reaches the model.","additionalProperties":false,"properties":{"required":{"type":"boolean","description":"true makes redaction a policy requirement."},"rules":{"type":"array","description":"The redaction rules.","items":{"type":"object","additionalProperties":false,"required":["type","pattern"],"description":"One redaction rule.","properties":{"type":{"type":"string","description":"The kind of data, e.g. pii, secret, financial."},"pattern":{"type":"string","description":"The named detector, e.g. email, phone, api_key_like."},"replacement":{"type":"string","description":"What replaces a match (default [REDACTED])."}}}},"max_chars_to_model":{"type":"integer","minimum":1,"description":"The most characters of input text sent to the model per call."}}},"Limits":{"type":"object","description":"Budgets and bounds on a run of the agent.","additionalProperties":false,"properties":{"max_tool_calls":{"type":"integer","minimum":0,"description":"The most tool calls in one run (aex budget calls)."},"max_turns":{"type":"integer","minimum":0,"description":"The most reasoning turns in one run."},"max_usd_per_loop":{"type":"number","exclusiveMinimum":0,"description":"The cost ceiling per trace loop, in US dollars."},"alert_usd":{"type":"number","exclusiveMinimum":0,"description":"The cost at which an alert fires; must be below max_usd_per_loop."},"max_tokens_per_session":{"type":"integer","minimum":0,"description":"The most model tokens in one session."},"max_sessions_per_day":{"type":"integer","minimum":0,"description":"The most sessions in one day."},"max_model_calls_per_task":{"type":"integer","minimum":0,"description":"The most model calls for one task."},"rate_per_minute":{"type":"integer","minimum":1,"description":"The most tool calls per minute."},"max_concurrency":{"type":"integer","minimum":1,"description":"The most tasks in flight at once."}}},"Handoff":{"type":"object","description":"When and to whom the agent hands over to a human.","additionalProperties":false,"properties":{"triggers":{"type":"array","items":{"type":"string","minLength":1},"description":"Situations that hand over to a human (e.g. low_confidence, over_cap, or a tool name)."},"destination":{"type":"string","minLength":1,"description":"Who receives the handoff, e.g. support_agent or slack:#oncall."},"message":{"type":"string","description":"The escalation message template or what it must contain."},"escalate_after_denials":{"type":"integer","minimum":1,"description":"Escalate after this many denied attempts at the same tool in one run."}}},"Audit":{"type":"object","description":"What is recorded, and how.","additionalProperties":false,"properties":{"append_only":{"type":"boolean","description":"true: decision records are append-only (hash-chained)."},"logs":{"type":"array","items":{"type":"string"},"description":"What is logged (e.g. lookups, drafts, approvals)."},"record_arguments":{"type":"string","enum":["digest","redacted","full"],"description":"How tool arguments appear in decision records: a digest (default), redacted, or in full."},"retention_days":{"type":"integer","minimum":1,"description":"How long records are kept."}}},"FailureMode":{"type":"object","description":"One way the agent can fail.","additionalProperties":false,"required":["mode","detection","mitigation","recovery"],"properties":{"mode":{"type":"string","minLength":1,"description":"What goes wrong."},"detection":{"type":"string","minLength":1,"description":"How it is noticed."},"mitigation":{"type":"string","minLength":1,"description":"What limits the damage."},"recovery":{"type":"string","minLength":1,"description":"How things are put right."}}},"Evaluation":{"type":"object","description":"How the agent's quality is measured.","additionalProperties":false,"properties":{"primary":{"type":"string","description":"What matters most, and why."},"metrics":{"type":"array","description":"The metrics.","items":{"type":"object","additionalProperties":false,"required":["name"],"description":"One metric.","properties":{"name":{"type":"string","minLength":1,"description":"The metric's name."},"description":{"type":"string","description":"What it measures."},"target":{"type":"string","description":"The target, e.g. >= 0.98."}}}},"approach":{"type":"string","description":"How the metrics are measured."}}},"ToolCall":{"type":"object","description":"A tool call as a runtime sees it.","additionalProperties":false,"required":["tool"],"properties":{"tool":{"type":"string","minLength":1,"description":"The tool name."},"args":{"type":"object","description":"The call's arguments."},"context":{"type":"object","description":"Who makes the call, for whom, and where.","additionalProperties":false,"properties":{"actor":{"type":"string","description":"The user or service on whose behalf the agent acts."},"tenant":{"type":"string","description":"The tenant the call is for."},"environment":{"type":"string","description":"Where the call runs, e.g. production."}}}}},"Decision":{"type":"string","enum":["allow","deny","require_approval"],"description":"What the policy decides for a call."},"DecisionTest":{"type":"object","description":"One decision test case.","additionalProperties":false,"required":["call","expect"],"properties":{"name":{"type":"string","description":"What the case checks."},"call":{"$ref":"#/definitions/ToolCall"},"expect":{"$ref":"#/definitions/Decision"}}},"Suppression":{"type":"object","description":"One accepted lint finding.","additionalProperties":false,"required":["rule","reason"],"properties":{"rule":{"type":"string","minLength":1,"description":"The rule id to suppress."},"tool":{"type":"string","description":"Only findings about this tool or pattern; all the rule's findings in this spec when absent."},"reason":{"type":"string","minLength":1,"description":"Why the finding is accepted (required)."}}},"Mcp":{"type":"object","description":"The MCP servers that provide this spec's tools, so `agentspec mcp check` and `agentspec mcp lock` can start or reach them and compare what they offer with the spec. A tool's name in the spec is its server's prefix followed by its name on the server: with one server the prefix is usually empty; with several, give each a prefix (e.g. `fs.`) so no two servers' tools share a name. Never put secret values here: environment variables and headers are named, and their values come from the environment at check time.","required":["servers"],"additionalProperties":false,"properties":{"servers":{"type":"object","description":"The servers, keyed by a name of your choice (letters, digits, '_' and '-').","minProperties":1,"propertyNames":{"pattern":"^[A-Za-z0-9][A-Za-z0-9_-]*$"},"additionalProperties":{"$ref":"#/definitions/McpServer"}}}},"McpServer":{"type":"object","description":"One MCP server: started with a command that speaks MCP on its stdin and stdout, or reached at a url over Streamable HTTP.","additionalProperties":false,"oneOf":[{"properties":{"command":{}},"required":["command"]},{"properties":{"url":{}},"required":["url"]}],"dependencies":{"args":["command"],"env":["command"],"cwd":["command"],"headers":["url"]},"properties":{"command":{"type":"string","minLength":1,"description":"The program to run (looked up on PATH), e.g. npx or node."},"args":{"type":"array","items":{"type":"string"},"description":"Its arguments. ${env:NAME} in an argument is replaced by that environment variable's value when the server starts."},"env":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","description":"An environment variable name."},"uniqueItems":true,"description":"Names of environment variables passed to the server from the environment agentspec runs in (never their values). Besides them the server gets only HOME, LOGNAME, PATH, SHELL, TERM and USER."},"cwd":{"type":"string","minLength":1,"description":"The directory the server starts in, relative to this spec's directory (default: the spec's directory)."},"url":{"type":"string","pattern":"^https?://","description":"The MCP endpoint, e.g. https://mcp.example.com/mcp. ${env:NAME} is replaced by that environment variable's value; the URL must not hold credentials."},"headers":{"type":"object","description":"HTTP headers to send, by header name, each naming the environment variable that holds its value (e.g. Authorization: MCP_AUTHORIZATION), never the value itself.","propertyNames":{"pattern":"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"},"additionalProperties":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"}},"prefix":{"type":"string","pattern":"^[A-Za-z0-9_-]+(?:[._-][A-Za-z0-9_-]+)*[._-]?$","description":"Put before each of this server's tool names to give its name in the spec (e.g. fs. makes read_file fs.read_file). Empty or absent: the names are used as the server gives them."}}}}};
const schema12 = {"type":"object","description":"Who the agent is and who answers for it.","required":["id","version"],"additionalProperties":false,"properties":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$","description":"Stable identifier: lower-case letters, digits, '.', '_' and '-'. Compiled files are named after it."},"version":{"type":"string","minLength":1,"description":"The version of this spec (semantic versioning is conventional)."},"name":{"type":"string","description":"A human-readable name."},"goal":{"type":"string","description":"What the agent is for, in one sentence. Shown as the agent goal in the governance matrix."},"owner":{"type":"string","description":"The team or person accountable for the agent."},"last_reviewed":{"type":"string","format":"date","description":"The date (YYYY-MM-DD) this spec was last reviewed by a person."}}};
const schema13 = {"type":"string","enum":["A0","A1","A2","A3","A4","A5"],"description":"Authority class by worst-case action: A0 no tools, A1 read, A2 read and draft (recommend), A3 acts only with approval, A4 limited autonomy within bounds, A5 full autonomy."};
const schema14 = {"type":"object","description":"What the agent remembers, and for how long.","additionalProperties":false,"required":["strategy"],"properties":{"strategy":{"type":"string","enum":["none","task_scoped","session","persistent"],"description":"none: stateless; task_scoped: working context for one task only; session: kept for one session; persistent: kept across sessions."},"description":{"type":"string","description":"Details: what is kept, where, and for how long."}}};
const schema15 = {"type":"object","description":"How tool execution is constrained as a whole.","additionalProperties":false,"properties":{"tools_absent":{"type":"boolean","description":"true declares that the agent has no tools that change state (no write or irreversible tools). The linter checks the claim (AgentAz execution_tools_absent)."},"sandboxed":{"type":"boolean","description":"Tool calls run in an isolated sandbox."},"rollback_required":{"type":"boolean","description":"Every state-changing tool must have a registered rollback."}}};
const schema21 = {"description":"A denied tool pattern, as a string or with a reason.","oneOf":[{"type":"string","minLength":1,"description":"The tool pattern: * matches any run of characters, ? one character."},{"type":"object","description":"A denied tool pattern with the reason for it.","required":["pattern"],"additionalProperties":false,"properties":{"pattern":{"type":"string","minLength":1,"description":"The tool pattern: * matches any run of characters, ? one character."},"reason":{"type":"string","description":"Why the pattern is denied; shown in decisions."}}}]};
const schema24 = {"type":"object","description":"Budgets and bounds on a run of the agent.","additionalProperties":false,"properties":{"max_tool_calls":{"type":"integer","minimum":0,"description":"The most tool calls in one run (aex budget calls)."},"max_turns":{"type":"integer","minimum":0,"description":"The most reasoning turns in one run."},"max_usd_per_loop":{"type":"number","exclusiveMinimum":0,"description":"The cost ceiling per trace loop, in US dollars."},"alert_usd":{"type":"number","exclusiveMinimum":0,"description":"The cost at which an alert fires; must be below max_usd_per_loop."},"max_tokens_per_session":{"type":"integer","minimum":0,"description":"The most model tokens in one session."},"max_sessions_per_day":{"type":"integer","minimum":0,"description":"The most sessions in one day."},"max_model_calls_per_task":{"type":"integer","minimum":0,"description":"The most model calls for one task."},"rate_per_minute":{"type":"integer","minimum":1,"description":"The most tool calls per minute."},"max_concurrency":{"type":"integer","minimum":1,"description":"The most tasks in flight at once."}}};
const schema25 = {"type":"object","description":"When and to whom the agent hands over to a human.","additionalProperties":false,"properties":{"triggers":{"type":"array","items":{"type":"string","minLength":1},"description":"Situations that hand over to a human (e.g. low_confidence, over_cap, or a tool name)."},"destination":{"type":"string","minLength":1,"description":"Who receives the handoff, e.g. support_agent or slack:#oncall."},"message":{"type":"string","description":"The escalation message template or what it must contain."},"escalate_after_denials":{"type":"integer","minimum":1,"description":"Escalate after this many denied attempts at the same tool in one run."}}};
const schema26 = {"type":"object","description":"What is recorded, and how.","additionalProperties":false,"properties":{"append_only":{"type":"boolean","description":"true: decision records are append-only (hash-chained)."},"logs":{"type":"array","items":{"type":"string"},"description":"What is logged (e.g. lookups, drafts, approvals)."},"record_arguments":{"type":"string","enum":["digest","redacted","full"],"description":"How tool arguments appear in decision records: a digest (default), redacted, or in full."},"retention_days":{"type":"integer","minimum":1,"description":"How long records are kept."}}};
const schema27 = {"type":"object","description":"One way the agent can fail.","additionalProperties":false,"required":["mode","detection","mitigation","recovery"],"properties":{"mode":{"type":"string","minLength":1,"description":"What goes wrong."},"detection":{"type":"string","minLength":1,"description":"How it is noticed."},"mitigation":{"type":"string","minLength":1,"description":"What limits the damage."},"recovery":{"type":"string","minLength":1,"description":"How things are put right."}}};
const schema28 = {"type":"object","description":"How the agent's quality is measured.","additionalProperties":false,"properties":{"primary":{"type":"string","description":"What matters most, and why."},"metrics":{"type":"array","description":"The metrics.","items":{"type":"object","additionalProperties":false,"required":["name"],"description":"One metric.","properties":{"name":{"type":"string","minLength":1,"description":"The metric's name."},"description":{"type":"string","description":"What it measures."},"target":{"type":"string","description":"The target, e.g. >= 0.98."}}}},"approach":{"type":"string","description":"How the metrics are measured."}}};
const schema32 = {"type":"object","description":"One accepted lint finding.","additionalProperties":false,"required":["rule","reason"],"properties":{"rule":{"type":"string","minLength":1,"description":"The rule id to suppress."},"tool":{"type":"string","description":"Only findings about this tool or pattern; all the rule's findings in this spec when absent."},"reason":{"type":"string","minLength":1,"description":"Why the finding is accepted (required)."}}};
const schema33 = {"type":"object","description":"Fields of other systems that agentspec has no place for, keyed by system name, so a round trip through agentspec keeps them: `agentspec import` fills them and the target of the same system restores them. agentspec itself neither checks nor enforces them. `agentaz`: AgentAz fields by their AgentAz names (e.g. `tags`, `$schema`, `tool_boundary: { read_only: true }`), and `ungated_tools_field` (`allowed_tools` or `auto_executable_tools`): which AgentAz list held the tools without approval.","additionalProperties":{"type":"object","description":"One system's fields, free-form."}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = commonJs(cjs0).default;
const pattern0 = new RegExp("^[a-z0-9][a-z0-9._-]*$", "u");
const formats0 = commonJs(cjs1).fullFormats.date;
const schema16 = {"type":"object","description":"One allowed tool and the conditions on its use.","required":["effect"],"additionalProperties":false,"properties":{"effect":{"$ref":"#/definitions/Effect"},"description":{"type":"string","description":"What the tool does."},"resources":{"type":"array","description":"The resources the tool may touch, as scope patterns (e.g. customers/*, queue/tier-1).","items":{"type":"string","minLength":1}},"approval":{"$ref":"#/definitions/Approval"},"limits":{"type":"object","description":"Hard limits on arguments, keyed by argument name: a call outside them is denied, with or without approval.","additionalProperties":{"$ref":"#/definitions/ArgumentLimit"}}}};
const schema17 = {"type":"string","enum":["read","draft","write","irreversible"],"description":"What a tool call does to the world: read reads only; draft prepares something a human sends or applies; write changes state that can be undone; irreversible cannot be undone (money, deletion, outbound messages)."};
const schema20 = {"type":"object","description":"A hard limit on one argument. A call whose argument breaks it is denied.","additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"number","description":"The smallest allowed numeric value."},"max":{"type":"number","description":"The largest allowed numeric value."},"max_length":{"type":"integer","minimum":0,"description":"The longest allowed string, in characters."},"one_of":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]},"description":"The only allowed values."},"required":{"type":"boolean","description":"true denies a call that omits the argument."}}};
const schema18 = {"description":"A human approval gate: true to always require approval, or an object with an optional condition and channel.","oneOf":[{"type":"boolean","description":"true always requires approval; false is the same as no gate."},{"type":"object","description":"An approval gate with an optional condition and channel.","additionalProperties":false,"properties":{"when":{"$ref":"#/definitions/Condition"},"channel":{"type":"string","minLength":1,"description":"Where approval requests go, e.g. slack:#support-escalations."},"reason":{"type":"string","description":"Why this tool needs approval."}}}]};
const schema19 = {"type":"object","description":"When an approval gate applies. Compare one argument (arg) or one call context field (context) with exactly one operator, or combine conditions with any / all. Without a condition the gate always applies.","additionalProperties":false,"minProperties":1,"dependencies":{"gt":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"gte":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"lt":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"lte":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"eq":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"ne":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"in":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"not_in":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]}},"properties":{"arg":{"type":"string","minLength":1,"description":"The argument to test; dotted paths reach nested values (e.g. recipient.domain)."},"context":{"type":"string","enum":["actor","tenant","environment"],"description":"The call context field to test."},"gt":{"type":"number","description":"Applies when the value is a number greater than this."},"gte":{"type":"number","description":"Applies when the value is a number greater than or equal to this."},"lt":{"type":"number","description":"Applies when the value is a number less than this."},"lte":{"type":"number","description":"Applies when the value is a number less than or equal to this."},"eq":{"type":["string","number","boolean"],"description":"Applies when the value equals this."},"ne":{"type":["string","number","boolean"],"description":"Applies when the value is present and differs from this."},"in":{"type":"array","items":{"type":["string","number","boolean"]},"description":"Applies when the value is one of these."},"not_in":{"type":"array","items":{"type":["string","number","boolean"]},"description":"Applies when the value is present and none of these."},"any":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/Condition"},"description":"Applies when at least one of these conditions applies."},"all":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/Condition"},"description":"Applies when every one of these conditions applies."}}};
const wrapper0 = {validate: validate13};

function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length < 1){
const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema19.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.gt !== undefined){
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arg === undefined){
const err2 = {instancePath,schemaPath:"#/dependencies/gt/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema19.dependencies.gt.anyOf[0].required,parentSchema:schema19.dependencies.gt.anyOf[0],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err3 = {instancePath,schemaPath:"#/dependencies/gt/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema19.dependencies.gt.anyOf[1].required,parentSchema:schema19.dependencies.gt.anyOf[1],data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var _valid0 = _errs5 === errors;
valid1 = valid1 || _valid0;
}
if(!valid1){
const err4 = {instancePath,schemaPath:"#/dependencies/gt/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.dependencies.gt.anyOf,parentSchema:schema19.dependencies.gt,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
}
if(data.gte !== undefined){
const _errs7 = errors;
let valid2 = false;
const _errs8 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arg === undefined){
const err5 = {instancePath,schemaPath:"#/dependencies/gte/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema19.dependencies.gte.anyOf[0].required,parentSchema:schema19.dependencies.gte.anyOf[0],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid1 = _errs8 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err6 = {instancePath,schemaPath:"#/dependencies/gte/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema19.dependencies.gte.anyOf[1].required,parentSchema:schema19.dependencies.gte.anyOf[1],data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid1 = _errs9 === errors;
valid2 = valid2 || _valid1;
}
if(!valid2){
const err7 = {instancePath,schemaPath:"#/dependencies/gte/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.dependencies.gte.anyOf,parentSchema:schema19.dependencies.gte,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
}
if(data.lt !== undefined){
const _errs11 = errors;
let valid3 = false;
const _errs12 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arg === undefined){
const err8 = {instancePath,schemaPath:"#/dependencies/lt/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema19.dependencies.lt.anyOf[0].required,parentSchema:schema19.dependencies.lt.anyOf[0],data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var _valid2 = _errs12 === errors;
valid3 = valid3 || _valid2;
if(!valid3){
const _errs13 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err9 = {instancePath,schemaPath:"#/dependencies/lt/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema19.dependencies.lt.anyOf[1].required,parentSchema:schema19.dependencies.lt.anyOf[1],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid2 = _errs13 === errors;
valid3 = valid3 || _valid2;
}
if(!valid3){
const err10 = {instancePath,schemaPath:"#/dependencies/lt/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.dependencies.lt.anyOf,parentSchema:schema19.dependencies.lt,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
}
if(data.lte !== undefined){
const _errs15 = errors;
let valid4 = false;
const _errs16 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arg === undefined){
const err11 = {instancePath,schemaPath:"#/dependencies/lte/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema19.dependencies.lte.anyOf[0].required,parentSchema:schema19.dependencies.lte.anyOf[0],data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
var _valid3 = _errs16 === errors;
valid4 = valid4 || _valid3;
if(!valid4){
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err12 = {instancePath,schemaPath:"#/dependencies/lte/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema19.dependencies.lte.anyOf[1].required,parentSchema:schema19.dependencies.lte.anyOf[1],data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var _valid3 = _errs17 === errors;
valid4 = valid4 || _valid3;
}
if(!valid4){
const err13 = {instancePath,schemaPath:"#/dependencies/lte/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.dependencies.lte.anyOf,parentSchema:schema19.dependencies.lte,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
}
if(data.eq !== undefined){
const _errs19 = errors;
let valid5 = false;
const _errs20 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arg === undefined){
const err14 = {instancePath,schemaPath:"#/dependencies/eq/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema19.dependencies.eq.anyOf[0].required,parentSchema:schema19.dependencies.eq.anyOf[0],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
var _valid4 = _errs20 === errors;
valid5 = valid5 || _valid4;
if(!valid5){
const _errs21 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err15 = {instancePath,schemaPath:"#/dependencies/eq/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema19.dependencies.eq.anyOf[1].required,parentSchema:schema19.dependencies.eq.anyOf[1],data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
var _valid4 = _errs21 === errors;
valid5 = valid5 || _valid4;
}
if(!valid5){
const err16 = {instancePath,schemaPath:"#/dependencies/eq/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.dependencies.eq.anyOf,parentSchema:schema19.dependencies.eq,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
}
if(data.ne !== undefined){
const _errs23 = errors;
let valid6 = false;
const _errs24 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arg === undefined){
const err17 = {instancePath,schemaPath:"#/dependencies/ne/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema19.dependencies.ne.anyOf[0].required,parentSchema:schema19.dependencies.ne.anyOf[0],data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
var _valid5 = _errs24 === errors;
valid6 = valid6 || _valid5;
if(!valid6){
const _errs25 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err18 = {instancePath,schemaPath:"#/dependencies/ne/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema19.dependencies.ne.anyOf[1].required,parentSchema:schema19.dependencies.ne.anyOf[1],data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
var _valid5 = _errs25 === errors;
valid6 = valid6 || _valid5;
}
if(!valid6){
const err19 = {instancePath,schemaPath:"#/dependencies/ne/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.dependencies.ne.anyOf,parentSchema:schema19.dependencies.ne,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
else {
errors = _errs23;
if(vErrors !== null){
if(_errs23){
vErrors.length = _errs23;
}
else {
vErrors = null;
}
}
}
}
if(data.in !== undefined){
const _errs27 = errors;
let valid7 = false;
const _errs28 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arg === undefined){
const err20 = {instancePath,schemaPath:"#/dependencies/in/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema19.dependencies.in.anyOf[0].required,parentSchema:schema19.dependencies.in.anyOf[0],data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
var _valid6 = _errs28 === errors;
valid7 = valid7 || _valid6;
if(!valid7){
const _errs29 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err21 = {instancePath,schemaPath:"#/dependencies/in/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema19.dependencies.in.anyOf[1].required,parentSchema:schema19.dependencies.in.anyOf[1],data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
var _valid6 = _errs29 === errors;
valid7 = valid7 || _valid6;
}
if(!valid7){
const err22 = {instancePath,schemaPath:"#/dependencies/in/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.dependencies.in.anyOf,parentSchema:schema19.dependencies.in,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
errors = _errs27;
if(vErrors !== null){
if(_errs27){
vErrors.length = _errs27;
}
else {
vErrors = null;
}
}
}
}
if(data.not_in !== undefined){
const _errs31 = errors;
let valid8 = false;
const _errs32 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.arg === undefined){
const err23 = {instancePath,schemaPath:"#/dependencies/not_in/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema19.dependencies.not_in.anyOf[0].required,parentSchema:schema19.dependencies.not_in.anyOf[0],data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
var _valid7 = _errs32 === errors;
valid8 = valid8 || _valid7;
if(!valid8){
const _errs33 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.context === undefined){
const err24 = {instancePath,schemaPath:"#/dependencies/not_in/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema19.dependencies.not_in.anyOf[1].required,parentSchema:schema19.dependencies.not_in.anyOf[1],data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var _valid7 = _errs33 === errors;
valid8 = valid8 || _valid7;
}
if(!valid8){
const err25 = {instancePath,schemaPath:"#/dependencies/not_in/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema19.dependencies.not_in.anyOf,parentSchema:schema19.dependencies.not_in,data};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
errors = _errs31;
if(vErrors !== null){
if(_errs31){
vErrors.length = _errs31;
}
else {
vErrors = null;
}
}
}
}
if(data.arg !== undefined){
let data0 = data.arg;
if(typeof data0 === "string"){
if(func3(data0) < 1){
const err26 = {instancePath:instancePath+"/arg",schemaPath:"#/properties/arg/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema19.properties.arg,data:data0};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/arg",schemaPath:"#/properties/arg/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.arg.type,parentSchema:schema19.properties.arg,data:data0};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.context !== undefined){
let data1 = data.context;
if(typeof data1 !== "string"){
const err28 = {instancePath:instancePath+"/context",schemaPath:"#/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.context.type,parentSchema:schema19.properties.context,data:data1};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(!(((data1 === "actor") || (data1 === "tenant")) || (data1 === "environment"))){
const err29 = {instancePath:instancePath+"/context",schemaPath:"#/properties/context/enum",keyword:"enum",params:{allowedValues: schema19.properties.context.enum},message:"must be equal to one of the allowed values",schema:schema19.properties.context.enum,parentSchema:schema19.properties.context,data:data1};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.gt !== undefined){
let data2 = data.gt;
if(!((typeof data2 == "number") && (isFinite(data2)))){
const err30 = {instancePath:instancePath+"/gt",schemaPath:"#/properties/gt/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.properties.gt.type,parentSchema:schema19.properties.gt,data:data2};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.gte !== undefined){
let data3 = data.gte;
if(!((typeof data3 == "number") && (isFinite(data3)))){
const err31 = {instancePath:instancePath+"/gte",schemaPath:"#/properties/gte/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.properties.gte.type,parentSchema:schema19.properties.gte,data:data3};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.lt !== undefined){
let data4 = data.lt;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err32 = {instancePath:instancePath+"/lt",schemaPath:"#/properties/lt/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.properties.lt.type,parentSchema:schema19.properties.lt,data:data4};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.lte !== undefined){
let data5 = data.lte;
if(!((typeof data5 == "number") && (isFinite(data5)))){
const err33 = {instancePath:instancePath+"/lte",schemaPath:"#/properties/lte/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.properties.lte.type,parentSchema:schema19.properties.lte,data:data5};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.eq !== undefined){
let data6 = data.eq;
if(((typeof data6 !== "string") && (!((typeof data6 == "number") && (isFinite(data6))))) && (typeof data6 !== "boolean")){
const err34 = {instancePath:instancePath+"/eq",schemaPath:"#/properties/eq/type",keyword:"type",params:{type: schema19.properties.eq.type},message:"must be string,number,boolean",schema:schema19.properties.eq.type,parentSchema:schema19.properties.eq,data:data6};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.ne !== undefined){
let data7 = data.ne;
if(((typeof data7 !== "string") && (!((typeof data7 == "number") && (isFinite(data7))))) && (typeof data7 !== "boolean")){
const err35 = {instancePath:instancePath+"/ne",schemaPath:"#/properties/ne/type",keyword:"type",params:{type: schema19.properties.ne.type},message:"must be string,number,boolean",schema:schema19.properties.ne.type,parentSchema:schema19.properties.ne,data:data7};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.in !== undefined){
let data8 = data.in;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(((typeof data9 !== "string") && (!((typeof data9 == "number") && (isFinite(data9))))) && (typeof data9 !== "boolean")){
const err36 = {instancePath:instancePath+"/in/" + i0,schemaPath:"#/properties/in/items/type",keyword:"type",params:{type: schema19.properties.in.items.type},message:"must be string,number,boolean",schema:schema19.properties.in.items.type,parentSchema:schema19.properties.in.items,data:data9};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/in",schemaPath:"#/properties/in/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.properties.in.type,parentSchema:schema19.properties.in,data:data8};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.not_in !== undefined){
let data10 = data.not_in;
if(Array.isArray(data10)){
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
let data11 = data10[i1];
if(((typeof data11 !== "string") && (!((typeof data11 == "number") && (isFinite(data11))))) && (typeof data11 !== "boolean")){
const err38 = {instancePath:instancePath+"/not_in/" + i1,schemaPath:"#/properties/not_in/items/type",keyword:"type",params:{type: schema19.properties.not_in.items.type},message:"must be string,number,boolean",schema:schema19.properties.not_in.items.type,parentSchema:schema19.properties.not_in.items,data:data11};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
else {
const err39 = {instancePath:instancePath+"/not_in",schemaPath:"#/properties/not_in/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.properties.not_in.type,parentSchema:schema19.properties.not_in,data:data10};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.any !== undefined){
let data12 = data.any;
if(Array.isArray(data12)){
if(data12.length < 1){
const err40 = {instancePath:instancePath+"/any",schemaPath:"#/properties/any/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema19.properties.any,data:data12};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
const len2 = data12.length;
for(let i2=0; i2<len2; i2++){
if(!(wrapper0.validate(data12[i2], {instancePath:instancePath+"/any/" + i2,parentData:data12,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err41 = {instancePath:instancePath+"/any",schemaPath:"#/properties/any/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.properties.any.type,parentSchema:schema19.properties.any,data:data12};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.all !== undefined){
let data14 = data.all;
if(Array.isArray(data14)){
if(data14.length < 1){
const err42 = {instancePath:instancePath+"/all",schemaPath:"#/properties/all/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema19.properties.all,data:data14};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
const len3 = data14.length;
for(let i3=0; i3<len3; i3++){
if(!(wrapper0.validate(data14[i3], {instancePath:instancePath+"/all/" + i3,parentData:data14,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err43 = {instancePath:instancePath+"/all",schemaPath:"#/properties/all/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.properties.all.type,parentSchema:schema19.properties.all,data:data14};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}


function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(typeof data !== "boolean"){
const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema18.oneOf[0].type,parentSchema:schema18.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "when") || (key0 === "channel")) || (key0 === "reason"))){
const err1 = {instancePath,schemaPath:"#/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema18.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.when !== undefined){
if(!(validate13(data.when, {instancePath:instancePath+"/when",parentData:data,parentDataProperty:"when",rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
if(data.channel !== undefined){
let data1 = data.channel;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err2 = {instancePath:instancePath+"/channel",schemaPath:"#/oneOf/1/properties/channel/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.oneOf[1].properties.channel,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/channel",schemaPath:"#/oneOf/1/properties/channel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.oneOf[1].properties.channel.type,parentSchema:schema18.oneOf[1].properties.channel,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.reason !== undefined){
let data2 = data.reason;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/reason",schemaPath:"#/oneOf/1/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.oneOf[1].properties.reason.type,parentSchema:schema18.oneOf[1].properties.reason,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.oneOf[1].type,parentSchema:schema18.oneOf[1],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err6 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema18.oneOf,parentSchema:schema18,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate12.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.effect === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "effect"},message:"must have required property '"+"effect"+"'",schema:schema16.required,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "effect") || (key0 === "description")) || (key0 === "resources")) || (key0 === "approval")) || (key0 === "limits"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.effect !== undefined){
let data0 = data.effect;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/effect",schemaPath:"#/definitions/Effect/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!((((data0 === "read") || (data0 === "draft")) || (data0 === "write")) || (data0 === "irreversible"))){
const err3 = {instancePath:instancePath+"/effect",schemaPath:"#/definitions/Effect/enum",keyword:"enum",params:{allowedValues: schema17.enum},message:"must be equal to one of the allowed values",schema:schema17.enum,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 !== "string"){
const err4 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.description.type,parentSchema:schema16.properties.description,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.resources !== undefined){
let data2 = data.resources;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err5 = {instancePath:instancePath+"/resources/" + i0,schemaPath:"#/properties/resources/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16.properties.resources.items,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/resources/" + i0,schemaPath:"#/properties/resources/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.resources.items.type,parentSchema:schema16.properties.resources.items,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/resources",schemaPath:"#/properties/resources/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.resources.type,parentSchema:schema16.properties.resources,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.approval !== undefined){
if(!(validate12(data.approval, {instancePath:instancePath+"/approval",parentData:data,parentDataProperty:"approval",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.limits !== undefined){
let data5 = data.limits;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key1 in data5){
let data6 = data5[key1];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(Object.keys(data6).length < 1){
const err8 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/ArgumentLimit/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema20,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key2 in data6){
if(!(((((key2 === "min") || (key2 === "max")) || (key2 === "max_length")) || (key2 === "one_of")) || (key2 === "required"))){
const err9 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/ArgumentLimit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data6.min !== undefined){
let data7 = data6.min;
if(!((typeof data7 == "number") && (isFinite(data7)))){
const err10 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/min",schemaPath:"#/definitions/ArgumentLimit/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema20.properties.min.type,parentSchema:schema20.properties.min,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data6.max !== undefined){
let data8 = data6.max;
if(!((typeof data8 == "number") && (isFinite(data8)))){
const err11 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/max",schemaPath:"#/definitions/ArgumentLimit/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema20.properties.max.type,parentSchema:schema20.properties.max,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data6.max_length !== undefined){
let data9 = data6.max_length;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err12 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/max_length",schemaPath:"#/definitions/ArgumentLimit/properties/max_length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.properties.max_length.type,parentSchema:schema20.properties.max_length,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err13 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/max_length",schemaPath:"#/definitions/ArgumentLimit/properties/max_length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema20.properties.max_length,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data6.one_of !== undefined){
let data10 = data6.one_of;
if(Array.isArray(data10)){
if(data10.length < 1){
const err14 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/one_of",schemaPath:"#/definitions/ArgumentLimit/properties/one_of/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema20.properties.one_of,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
let data11 = data10[i1];
if(((typeof data11 !== "string") && (!((typeof data11 == "number") && (isFinite(data11))))) && (typeof data11 !== "boolean")){
const err15 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/one_of/" + i1,schemaPath:"#/definitions/ArgumentLimit/properties/one_of/items/type",keyword:"type",params:{type: schema20.properties.one_of.items.type},message:"must be string,number,boolean",schema:schema20.properties.one_of.items.type,parentSchema:schema20.properties.one_of.items,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/one_of",schemaPath:"#/definitions/ArgumentLimit/properties/one_of/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema20.properties.one_of.type,parentSchema:schema20.properties.one_of,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.required !== undefined){
let data12 = data6.required;
if(typeof data12 !== "boolean"){
const err17 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/required",schemaPath:"#/definitions/ArgumentLimit/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema20.properties.required.type,parentSchema:schema20.properties.required,data:data12};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/limits/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/ArgumentLimit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/limits",schemaPath:"#/properties/limits/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.properties.limits.type,parentSchema:schema16.properties.limits,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema22 = {"type":"object","description":"What the agent may produce and how its inputs are protected.","additionalProperties":false,"properties":{"mode":{"type":"string","enum":["direct","propose_only","draft_only"],"description":"direct: outputs take effect; propose_only: outputs are proposals a separate, approved step applies; draft_only: outputs are drafts a human sends."},"format":{"type":"string","description":"The output format, e.g. structured_json or markdown."},"required_fields":{"type":"array","items":{"type":"string"},"description":"Fields every output must carry (e.g. confidence, rationale)."},"never_emits":{"type":"array","items":{"type":"string","minLength":1},"description":"Actions or tools the agent's output must never perform or contain."},"redaction":{"$ref":"#/definitions/Redaction"}}};
const schema23 = {"type":"object","description":"Redaction and data-loss-prevention rules applied before text reaches the model.","additionalProperties":false,"properties":{"required":{"type":"boolean","description":"true makes redaction a policy requirement."},"rules":{"type":"array","description":"The redaction rules.","items":{"type":"object","additionalProperties":false,"required":["type","pattern"],"description":"One redaction rule.","properties":{"type":{"type":"string","description":"The kind of data, e.g. pii, secret, financial."},"pattern":{"type":"string","description":"The named detector, e.g. email, phone, api_key_like."},"replacement":{"type":"string","description":"What replaces a match (default [REDACTED])."}}}},"max_chars_to_model":{"type":"integer","minimum":1,"description":"The most characters of input text sent to the model per call."}}};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((((key0 === "mode") || (key0 === "format")) || (key0 === "required_fields")) || (key0 === "never_emits")) || (key0 === "redaction"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.mode !== undefined){
let data0 = data.mode;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.mode.type,parentSchema:schema22.properties.mode,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(!(((data0 === "direct") || (data0 === "propose_only")) || (data0 === "draft_only"))){
const err2 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/enum",keyword:"enum",params:{allowedValues: schema22.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema22.properties.mode.enum,parentSchema:schema22.properties.mode,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.format !== undefined){
let data1 = data.format;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.format.type,parentSchema:schema22.properties.format,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.required_fields !== undefined){
let data2 = data.required_fields;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 !== "string"){
const err4 = {instancePath:instancePath+"/required_fields/" + i0,schemaPath:"#/properties/required_fields/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.required_fields.items.type,parentSchema:schema22.properties.required_fields.items,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/required_fields",schemaPath:"#/properties/required_fields/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.required_fields.type,parentSchema:schema22.properties.required_fields,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.never_emits !== undefined){
let data4 = data.never_emits;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err6 = {instancePath:instancePath+"/never_emits/" + i1,schemaPath:"#/properties/never_emits/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema22.properties.never_emits.items,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/never_emits/" + i1,schemaPath:"#/properties/never_emits/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.never_emits.items.type,parentSchema:schema22.properties.never_emits.items,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/never_emits",schemaPath:"#/properties/never_emits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema22.properties.never_emits.type,parentSchema:schema22.properties.never_emits,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.redaction !== undefined){
let data6 = data.redaction;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
if(!(((key1 === "required") || (key1 === "rules")) || (key1 === "max_chars_to_model"))){
const err9 = {instancePath:instancePath+"/redaction",schemaPath:"#/definitions/Redaction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data6.required !== undefined){
let data7 = data6.required;
if(typeof data7 !== "boolean"){
const err10 = {instancePath:instancePath+"/redaction/required",schemaPath:"#/definitions/Redaction/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.required.type,parentSchema:schema23.properties.required,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data6.rules !== undefined){
let data8 = data6.rules;
if(Array.isArray(data8)){
const len2 = data8.length;
for(let i2=0; i2<len2; i2++){
let data9 = data8[i2];
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.type === undefined){
const err11 = {instancePath:instancePath+"/redaction/rules/" + i2,schemaPath:"#/definitions/Redaction/properties/rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema23.properties.rules.items.required,parentSchema:schema23.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data9.pattern === undefined){
const err12 = {instancePath:instancePath+"/redaction/rules/" + i2,schemaPath:"#/definitions/Redaction/properties/rules/items/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema23.properties.rules.items.required,parentSchema:schema23.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key2 in data9){
if(!(((key2 === "type") || (key2 === "pattern")) || (key2 === "replacement"))){
const err13 = {instancePath:instancePath+"/redaction/rules/" + i2,schemaPath:"#/definitions/Redaction/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema23.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data9.type !== undefined){
let data10 = data9.type;
if(typeof data10 !== "string"){
const err14 = {instancePath:instancePath+"/redaction/rules/" + i2+"/type",schemaPath:"#/definitions/Redaction/properties/rules/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.rules.items.properties.type.type,parentSchema:schema23.properties.rules.items.properties.type,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data9.pattern !== undefined){
let data11 = data9.pattern;
if(typeof data11 !== "string"){
const err15 = {instancePath:instancePath+"/redaction/rules/" + i2+"/pattern",schemaPath:"#/definitions/Redaction/properties/rules/items/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.rules.items.properties.pattern.type,parentSchema:schema23.properties.rules.items.properties.pattern,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data9.replacement !== undefined){
let data12 = data9.replacement;
if(typeof data12 !== "string"){
const err16 = {instancePath:instancePath+"/redaction/rules/" + i2+"/replacement",schemaPath:"#/definitions/Redaction/properties/rules/items/properties/replacement/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.rules.items.properties.replacement.type,parentSchema:schema23.properties.rules.items.properties.replacement,data:data12};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/redaction/rules/" + i2,schemaPath:"#/definitions/Redaction/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.properties.rules.items.type,parentSchema:schema23.properties.rules.items,data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/redaction/rules",schemaPath:"#/definitions/Redaction/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.properties.rules.type,parentSchema:schema23.properties.rules,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.max_chars_to_model !== undefined){
let data13 = data6.max_chars_to_model;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err19 = {instancePath:instancePath+"/redaction/max_chars_to_model",schemaPath:"#/definitions/Redaction/properties/max_chars_to_model/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema23.properties.max_chars_to_model.type,parentSchema:schema23.properties.max_chars_to_model,data:data13};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
const err20 = {instancePath:instancePath+"/redaction/max_chars_to_model",schemaPath:"#/definitions/Redaction/properties/max_chars_to_model/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema23.properties.max_chars_to_model,data:data13};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
}
else {
const err21 = {instancePath:instancePath+"/redaction",schemaPath:"#/definitions/Redaction/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

const schema29 = {"type":"object","description":"One decision test case.","additionalProperties":false,"required":["call","expect"],"properties":{"name":{"type":"string","description":"What the case checks."},"call":{"$ref":"#/definitions/ToolCall"},"expect":{"$ref":"#/definitions/Decision"}}};
const schema30 = {"type":"object","description":"A tool call as a runtime sees it.","additionalProperties":false,"required":["tool"],"properties":{"tool":{"type":"string","minLength":1,"description":"The tool name."},"args":{"type":"object","description":"The call's arguments."},"context":{"type":"object","description":"Who makes the call, for whom, and where.","additionalProperties":false,"properties":{"actor":{"type":"string","description":"The user or service on whose behalf the agent acts."},"tenant":{"type":"string","description":"The tenant the call is for."},"environment":{"type":"string","description":"Where the call runs, e.g. production."}}}}};
const schema31 = {"type":"string","enum":["allow","deny","require_approval"],"description":"What the policy decides for a call."};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.call === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "call"},message:"must have required property '"+"call"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.expect === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "expect"},message:"must have required property '"+"expect"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "call")) || (key0 === "expect"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.name.type,parentSchema:schema29.properties.name,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.call !== undefined){
let data1 = data.call;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.tool === undefined){
const err4 = {instancePath:instancePath+"/call",schemaPath:"#/definitions/ToolCall/required",keyword:"required",params:{missingProperty: "tool"},message:"must have required property '"+"tool"+"'",schema:schema30.required,parentSchema:schema30,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key1 in data1){
if(!(((key1 === "tool") || (key1 === "args")) || (key1 === "context"))){
const err5 = {instancePath:instancePath+"/call",schemaPath:"#/definitions/ToolCall/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema30,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.tool !== undefined){
let data2 = data1.tool;
if(typeof data2 === "string"){
if(func3(data2) < 1){
const err6 = {instancePath:instancePath+"/call/tool",schemaPath:"#/definitions/ToolCall/properties/tool/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema30.properties.tool,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/call/tool",schemaPath:"#/definitions/ToolCall/properties/tool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.tool.type,parentSchema:schema30.properties.tool,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.args !== undefined){
let data3 = data1.args;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err8 = {instancePath:instancePath+"/call/args",schemaPath:"#/definitions/ToolCall/properties/args/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.args.type,parentSchema:schema30.properties.args,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.context !== undefined){
let data4 = data1.context;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key2 in data4){
if(!(((key2 === "actor") || (key2 === "tenant")) || (key2 === "environment"))){
const err9 = {instancePath:instancePath+"/call/context",schemaPath:"#/definitions/ToolCall/properties/context/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema30.properties.context,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data4.actor !== undefined){
let data5 = data4.actor;
if(typeof data5 !== "string"){
const err10 = {instancePath:instancePath+"/call/context/actor",schemaPath:"#/definitions/ToolCall/properties/context/properties/actor/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.context.properties.actor.type,parentSchema:schema30.properties.context.properties.actor,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data4.tenant !== undefined){
let data6 = data4.tenant;
if(typeof data6 !== "string"){
const err11 = {instancePath:instancePath+"/call/context/tenant",schemaPath:"#/definitions/ToolCall/properties/context/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.context.properties.tenant.type,parentSchema:schema30.properties.context.properties.tenant,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data4.environment !== undefined){
let data7 = data4.environment;
if(typeof data7 !== "string"){
const err12 = {instancePath:instancePath+"/call/context/environment",schemaPath:"#/definitions/ToolCall/properties/context/properties/environment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.context.properties.environment.type,parentSchema:schema30.properties.context.properties.environment,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/call/context",schemaPath:"#/definitions/ToolCall/properties/context/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.properties.context.type,parentSchema:schema30.properties.context,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/call",schemaPath:"#/definitions/ToolCall/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.expect !== undefined){
let data8 = data.expect;
if(typeof data8 !== "string"){
const err15 = {instancePath:instancePath+"/expect",schemaPath:"#/definitions/Decision/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.type,parentSchema:schema31,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!(((data8 === "allow") || (data8 === "deny")) || (data8 === "require_approval"))){
const err16 = {instancePath:instancePath+"/expect",schemaPath:"#/definitions/Decision/enum",keyword:"enum",params:{allowedValues: schema31.enum},message:"must be equal to one of the allowed values",schema:schema31.enum,parentSchema:schema31,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate19.errors = vErrors;
return errors === 0;
}

const schema34 = {"type":"object","description":"The MCP servers that provide this spec's tools, so `agentspec mcp check` and `agentspec mcp lock` can start or reach them and compare what they offer with the spec. A tool's name in the spec is its server's prefix followed by its name on the server: with one server the prefix is usually empty; with several, give each a prefix (e.g. `fs.`) so no two servers' tools share a name. Never put secret values here: environment variables and headers are named, and their values come from the environment at check time.","required":["servers"],"additionalProperties":false,"properties":{"servers":{"type":"object","description":"The servers, keyed by a name of your choice (letters, digits, '_' and '-').","minProperties":1,"propertyNames":{"pattern":"^[A-Za-z0-9][A-Za-z0-9_-]*$"},"additionalProperties":{"$ref":"#/definitions/McpServer"}}}};
const schema35 = {"type":"object","description":"One MCP server: started with a command that speaks MCP on its stdin and stdout, or reached at a url over Streamable HTTP.","additionalProperties":false,"oneOf":[{"properties":{"command":{}},"required":["command"]},{"properties":{"url":{}},"required":["url"]}],"dependencies":{"args":["command"],"env":["command"],"cwd":["command"],"headers":["url"]},"properties":{"command":{"type":"string","minLength":1,"description":"The program to run (looked up on PATH), e.g. npx or node."},"args":{"type":"array","items":{"type":"string"},"description":"Its arguments. ${env:NAME} in an argument is replaced by that environment variable's value when the server starts."},"env":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","description":"An environment variable name."},"uniqueItems":true,"description":"Names of environment variables passed to the server from the environment agentspec runs in (never their values). Besides them the server gets only HOME, LOGNAME, PATH, SHELL, TERM and USER."},"cwd":{"type":"string","minLength":1,"description":"The directory the server starts in, relative to this spec's directory (default: the spec's directory)."},"url":{"type":"string","pattern":"^https?://","description":"The MCP endpoint, e.g. https://mcp.example.com/mcp. ${env:NAME} is replaced by that environment variable's value; the URL must not hold credentials."},"headers":{"type":"object","description":"HTTP headers to send, by header name, each naming the environment variable that holds its value (e.g. Authorization: MCP_AUTHORIZATION), never the value itself.","propertyNames":{"pattern":"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"},"additionalProperties":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"}},"prefix":{"type":"string","pattern":"^[A-Za-z0-9_-]+(?:[._-][A-Za-z0-9_-]+)*[._-]?$","description":"Put before each of this server's tool names to give its name in the spec (e.g. fs. makes read_file fs.read_file). Empty or absent: the names are used as the server gives them."}}};
const pattern1 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_-]*$", "u");
const pattern2 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern3 = new RegExp("^https?://", "u");
const pattern4 = new RegExp("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", "u");
const pattern6 = new RegExp("^[A-Za-z0-9_-]+(?:[._-][A-Za-z0-9_-]+)*[._-]?$", "u");

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.servers === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "servers"},message:"must have required property '"+"servers"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(key0 === "servers")){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.servers !== undefined){
let data0 = data.servers;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(Object.keys(data0).length < 1){
const err2 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema34.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key1 in data0){
const _errs4 = errors;
if(typeof key1 === "string"){
if(!pattern1.test(key1)){
const err3 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_-]*$",parentSchema:schema34.properties.servers.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
const err4 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema34.properties.servers.propertyNames,parentSchema:schema34.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
for(const key2 in data0){
let data1 = data0[key2];
const _errs9 = errors;
let valid4 = false;
let passing0 = null;
const _errs10 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.command === undefined){
const err5 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/oneOf/0/required",keyword:"required",params:{missingProperty: "command"},message:"must have required property '"+"command"+"'",schema:schema35.oneOf[0].required,parentSchema:schema35.oneOf[0],data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs11 = errors;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.url === undefined){
const err6 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/oneOf/1/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema35.oneOf[1].required,parentSchema:schema35.oneOf[1],data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err7 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema35.oneOf,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key3 in data1){
if(!(((((((key3 === "command") || (key3 === "args")) || (key3 === "env")) || (key3 === "cwd")) || (key3 === "url")) || (key3 === "headers")) || (key3 === "prefix"))){
const err8 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.args !== undefined){
if(data1.command === undefined){
const err9 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/dependencies",keyword:"dependencies",params:{property: "args",
    missingProperty: "command",
    depsCount: 1,
    deps: "command"},message:"must have property command when property args is present",schema:schema35.dependencies,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.env !== undefined){
if(data1.command === undefined){
const err10 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/dependencies",keyword:"dependencies",params:{property: "env",
    missingProperty: "command",
    depsCount: 1,
    deps: "command"},message:"must have property command when property env is present",schema:schema35.dependencies,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data1.cwd !== undefined){
if(data1.command === undefined){
const err11 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/dependencies",keyword:"dependencies",params:{property: "cwd",
    missingProperty: "command",
    depsCount: 1,
    deps: "command"},message:"must have property command when property cwd is present",schema:schema35.dependencies,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.headers !== undefined){
if(data1.url === undefined){
const err12 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/dependencies",keyword:"dependencies",params:{property: "headers",
    missingProperty: "url",
    depsCount: 1,
    deps: "url"},message:"must have property url when property headers is present",schema:schema35.dependencies,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data1.command !== undefined){
let data2 = data1.command;
if(typeof data2 === "string"){
if(func3(data2) < 1){
const err13 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/command",schemaPath:"#/definitions/McpServer/properties/command/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35.properties.command,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/command",schemaPath:"#/definitions/McpServer/properties/command/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.command.type,parentSchema:schema35.properties.command,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data1.args !== undefined){
let data3 = data1.args;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 !== "string"){
const err15 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/args/" + i0,schemaPath:"#/definitions/McpServer/properties/args/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.args.items.type,parentSchema:schema35.properties.args.items,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/args",schemaPath:"#/definitions/McpServer/properties/args/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.args.type,parentSchema:schema35.properties.args,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data1.env !== undefined){
let data5 = data1.env;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
if(typeof data6 === "string"){
if(!pattern2.test(data6)){
const err17 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/env/" + i1,schemaPath:"#/definitions/McpServer/properties/env/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema35.properties.env.items,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/env/" + i1,schemaPath:"#/definitions/McpServer/properties/env/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.env.items.type,parentSchema:schema35.properties.env.items,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
let i2 = data5.length;
let j0;
if(i2 > 1){
const indices0 = {};
for(;i2--;){
let item0 = data5[i2];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err19 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/env",schemaPath:"#/definitions/McpServer/properties/env/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)",schema:true,parentSchema:schema35.properties.env,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
break;
}
indices0[item0] = i2;
}
}
}
else {
const err20 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/env",schemaPath:"#/definitions/McpServer/properties/env/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema35.properties.env.type,parentSchema:schema35.properties.env,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data1.cwd !== undefined){
let data7 = data1.cwd;
if(typeof data7 === "string"){
if(func3(data7) < 1){
const err21 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/cwd",schemaPath:"#/definitions/McpServer/properties/cwd/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35.properties.cwd,data:data7};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/cwd",schemaPath:"#/definitions/McpServer/properties/cwd/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.cwd.type,parentSchema:schema35.properties.cwd,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data1.url !== undefined){
let data8 = data1.url;
if(typeof data8 === "string"){
if(!pattern3.test(data8)){
const err23 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/url",schemaPath:"#/definitions/McpServer/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema35.properties.url,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/url",schemaPath:"#/definitions/McpServer/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.url.type,parentSchema:schema35.properties.url,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data1.headers !== undefined){
let data9 = data1.headers;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key4 in data9){
const _errs29 = errors;
if(typeof key4 === "string"){
if(!pattern4.test(key4)){
const err25 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/headers",schemaPath:"#/definitions/McpServer/properties/headers/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"},message:"must match pattern \""+"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"+"\"",schema:"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$",parentSchema:schema35.properties.headers.propertyNames,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
var valid12 = _errs29 === errors;
if(!valid12){
const err26 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/headers",schemaPath:"#/definitions/McpServer/properties/headers/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid",schema:schema35.properties.headers.propertyNames,parentSchema:schema35.properties.headers,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
for(const key5 in data9){
let data10 = data9[key5];
if(typeof data10 === "string"){
if(!pattern2.test(data10)){
const err27 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/headers/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/properties/headers/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema35.properties.headers.additionalProperties,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/headers/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/properties/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.headers.additionalProperties.type,parentSchema:schema35.properties.headers.additionalProperties,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/headers",schemaPath:"#/definitions/McpServer/properties/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.properties.headers.type,parentSchema:schema35.properties.headers,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data1.prefix !== undefined){
let data11 = data1.prefix;
if(typeof data11 === "string"){
if(!pattern6.test(data11)){
const err30 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/prefix",schemaPath:"#/definitions/McpServer/properties/prefix/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_-]+(?:[._-][A-Za-z0-9_-]+)*[._-]?$"},message:"must match pattern \""+"^[A-Za-z0-9_-]+(?:[._-][A-Za-z0-9_-]+)*[._-]?$"+"\"",schema:"^[A-Za-z0-9_-]+(?:[._-][A-Za-z0-9_-]+)*[._-]?$",parentSchema:schema35.properties.prefix,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/prefix",schemaPath:"#/definitions/McpServer/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.prefix.type,parentSchema:schema35.properties.prefix,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/McpServer/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data:data1};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.properties.servers.type,parentSchema:schema34.properties.servers,data:data0};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://agentspec.dev/schema/agentspec-1.0.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.agentspec === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "agentspec"},message:"must have required property '"+"agentspec"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.agent === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "agent"},message:"must have required property '"+"agent"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.tools === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tools"},message:"must have required property '"+"tools"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err4 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.agentspec !== undefined){
let data1 = data.agentspec;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/agentspec",schemaPath:"#/properties/agentspec/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.agentspec.type,parentSchema:schema11.properties.agentspec,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if("1.0" !== data1){
const err6 = {instancePath:instancePath+"/agentspec",schemaPath:"#/properties/agentspec/const",keyword:"const",params:{allowedValue: "1.0"},message:"must be equal to constant",schema:"1.0",parentSchema:schema11.properties.agentspec,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.agent !== undefined){
let data2 = data.agent;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.id === undefined){
const err7 = {instancePath:instancePath+"/agent",schemaPath:"#/definitions/Agent/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema12.required,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.version === undefined){
const err8 = {instancePath:instancePath+"/agent",schemaPath:"#/definitions/Agent/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema12.required,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data2){
if(!((((((key1 === "id") || (key1 === "version")) || (key1 === "name")) || (key1 === "goal")) || (key1 === "owner")) || (key1 === "last_reviewed"))){
const err9 = {instancePath:instancePath+"/agent",schemaPath:"#/definitions/Agent/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.id !== undefined){
let data3 = data2.id;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err10 = {instancePath:instancePath+"/agent/id",schemaPath:"#/definitions/Agent/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]*$"+"\"",schema:"^[a-z0-9][a-z0-9._-]*$",parentSchema:schema12.properties.id,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/agent/id",schemaPath:"#/definitions/Agent/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.id.type,parentSchema:schema12.properties.id,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.version !== undefined){
let data4 = data2.version;
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err12 = {instancePath:instancePath+"/agent/version",schemaPath:"#/definitions/Agent/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.version,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/agent/version",schemaPath:"#/definitions/Agent/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.version.type,parentSchema:schema12.properties.version,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.name !== undefined){
let data5 = data2.name;
if(typeof data5 !== "string"){
const err14 = {instancePath:instancePath+"/agent/name",schemaPath:"#/definitions/Agent/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.name.type,parentSchema:schema12.properties.name,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2.goal !== undefined){
let data6 = data2.goal;
if(typeof data6 !== "string"){
const err15 = {instancePath:instancePath+"/agent/goal",schemaPath:"#/definitions/Agent/properties/goal/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.goal.type,parentSchema:schema12.properties.goal,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data2.owner !== undefined){
let data7 = data2.owner;
if(typeof data7 !== "string"){
const err16 = {instancePath:instancePath+"/agent/owner",schemaPath:"#/definitions/Agent/properties/owner/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.owner.type,parentSchema:schema12.properties.owner,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data2.last_reviewed !== undefined){
let data8 = data2.last_reviewed;
if(typeof data8 === "string"){
if(!(formats0.validate(data8))){
const err17 = {instancePath:instancePath+"/agent/last_reviewed",schemaPath:"#/definitions/Agent/properties/last_reviewed/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema12.properties.last_reviewed,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/agent/last_reviewed",schemaPath:"#/definitions/Agent/properties/last_reviewed/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.last_reviewed.type,parentSchema:schema12.properties.last_reviewed,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/agent",schemaPath:"#/definitions/Agent/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.trust_level !== undefined){
let data9 = data.trust_level;
if(typeof data9 !== "string"){
const err20 = {instancePath:instancePath+"/trust_level",schemaPath:"#/definitions/TrustLevel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!((((((data9 === "A0") || (data9 === "A1")) || (data9 === "A2")) || (data9 === "A3")) || (data9 === "A4")) || (data9 === "A5"))){
const err21 = {instancePath:instancePath+"/trust_level",schemaPath:"#/definitions/TrustLevel/enum",keyword:"enum",params:{allowedValues: schema13.enum},message:"must be equal to one of the allowed values",schema:schema13.enum,parentSchema:schema13,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.dna_pattern !== undefined){
let data10 = data.dna_pattern;
if(typeof data10 !== "string"){
const err22 = {instancePath:instancePath+"/dna_pattern",schemaPath:"#/properties/dna_pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.dna_pattern.type,parentSchema:schema11.properties.dna_pattern,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(!(((((((((data10 === "Research") || (data10 === "Evaluation")) || (data10 === "Extraction")) || (data10 === "Planning")) || (data10 === "Synthesis")) || (data10 === "Execution")) || (data10 === "Escalation")) || (data10 === "Delegation")) || (data10 === "Autonomous"))){
const err23 = {instancePath:instancePath+"/dna_pattern",schemaPath:"#/properties/dna_pattern/enum",keyword:"enum",params:{allowedValues: schema11.properties.dna_pattern.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.dna_pattern.enum,parentSchema:schema11.properties.dna_pattern,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.worst_case_action !== undefined){
let data11 = data.worst_case_action;
if(typeof data11 !== "string"){
const err24 = {instancePath:instancePath+"/worst_case_action",schemaPath:"#/properties/worst_case_action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.worst_case_action.type,parentSchema:schema11.properties.worst_case_action,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.authority_boundary !== undefined){
let data12 = data.authority_boundary;
if(typeof data12 !== "string"){
const err25 = {instancePath:instancePath+"/authority_boundary",schemaPath:"#/properties/authority_boundary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.authority_boundary.type,parentSchema:schema11.properties.authority_boundary,data:data12};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.context_handling !== undefined){
let data13 = data.context_handling;
if(typeof data13 !== "string"){
const err26 = {instancePath:instancePath+"/context_handling",schemaPath:"#/properties/context_handling/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.context_handling.type,parentSchema:schema11.properties.context_handling,data:data13};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.memory !== undefined){
let data14 = data.memory;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.strategy === undefined){
const err27 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/Memory/required",keyword:"required",params:{missingProperty: "strategy"},message:"must have required property '"+"strategy"+"'",schema:schema14.required,parentSchema:schema14,data:data14};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key2 in data14){
if(!((key2 === "strategy") || (key2 === "description"))){
const err28 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/Memory/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data:data14};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.strategy !== undefined){
let data15 = data14.strategy;
if(typeof data15 !== "string"){
const err29 = {instancePath:instancePath+"/memory/strategy",schemaPath:"#/definitions/Memory/properties/strategy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.strategy.type,parentSchema:schema14.properties.strategy,data:data15};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!((((data15 === "none") || (data15 === "task_scoped")) || (data15 === "session")) || (data15 === "persistent"))){
const err30 = {instancePath:instancePath+"/memory/strategy",schemaPath:"#/definitions/Memory/properties/strategy/enum",keyword:"enum",params:{allowedValues: schema14.properties.strategy.enum},message:"must be equal to one of the allowed values",schema:schema14.properties.strategy.enum,parentSchema:schema14.properties.strategy,data:data15};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data14.description !== undefined){
let data16 = data14.description;
if(typeof data16 !== "string"){
const err31 = {instancePath:instancePath+"/memory/description",schemaPath:"#/definitions/Memory/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.description.type,parentSchema:schema14.properties.description,data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/Memory/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data:data14};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data.execution !== undefined){
let data17 = data.execution;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key3 in data17){
if(!(((key3 === "tools_absent") || (key3 === "sandboxed")) || (key3 === "rollback_required"))){
const err33 = {instancePath:instancePath+"/execution",schemaPath:"#/definitions/Execution/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data:data17};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data17.tools_absent !== undefined){
let data18 = data17.tools_absent;
if(typeof data18 !== "boolean"){
const err34 = {instancePath:instancePath+"/execution/tools_absent",schemaPath:"#/definitions/Execution/properties/tools_absent/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema15.properties.tools_absent.type,parentSchema:schema15.properties.tools_absent,data:data18};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data17.sandboxed !== undefined){
let data19 = data17.sandboxed;
if(typeof data19 !== "boolean"){
const err35 = {instancePath:instancePath+"/execution/sandboxed",schemaPath:"#/definitions/Execution/properties/sandboxed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema15.properties.sandboxed.type,parentSchema:schema15.properties.sandboxed,data:data19};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data17.rollback_required !== undefined){
let data20 = data17.rollback_required;
if(typeof data20 !== "boolean"){
const err36 = {instancePath:instancePath+"/execution/rollback_required",schemaPath:"#/definitions/Execution/properties/rollback_required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema15.properties.rollback_required.type,parentSchema:schema15.properties.rollback_required,data:data20};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/execution",schemaPath:"#/definitions/Execution/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data:data17};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.tools !== undefined){
let data21 = data.tools;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key4 in data21){
const _errs53 = errors;
if(typeof key4 === "string"){
if(func3(key4) < 1){
const err38 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tools.propertyNames,data:key4,propertyName:key4};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
var valid8 = _errs53 === errors;
if(!valid8){
const err39 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/propertyNames",keyword:"propertyNames",params:{propertyName: key4},message:"property name must be valid",schema:schema11.properties.tools.propertyNames,parentSchema:schema11.properties.tools,data:data21};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
for(const key5 in data21){
if(!(validate11(data21[key5], {instancePath:instancePath+"/tools/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data21,parentDataProperty:key5,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err40 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tools.type,parentSchema:schema11.properties.tools,data:data21};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.deny !== undefined){
let data23 = data.deny;
if(Array.isArray(data23)){
const len0 = data23.length;
for(let i0=0; i0<len0; i0++){
let data24 = data23[i0];
const _errs60 = errors;
let valid13 = false;
let passing0 = null;
const _errs61 = errors;
if(typeof data24 === "string"){
if(func3(data24) < 1){
const err41 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/definitions/DenyEntry/oneOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.oneOf[0],data:data24};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/definitions/DenyEntry/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.oneOf[0].type,parentSchema:schema21.oneOf[0],data:data24};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
var _valid0 = _errs61 === errors;
if(_valid0){
valid13 = true;
passing0 = 0;
}
const _errs63 = errors;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(data24.pattern === undefined){
const err43 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/definitions/DenyEntry/oneOf/1/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema21.oneOf[1].required,parentSchema:schema21.oneOf[1],data:data24};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
for(const key6 in data24){
if(!((key6 === "pattern") || (key6 === "reason"))){
const err44 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/definitions/DenyEntry/oneOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema21.oneOf[1],data:data24};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data24.pattern !== undefined){
let data25 = data24.pattern;
if(typeof data25 === "string"){
if(func3(data25) < 1){
const err45 = {instancePath:instancePath+"/deny/" + i0+"/pattern",schemaPath:"#/definitions/DenyEntry/oneOf/1/properties/pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.oneOf[1].properties.pattern,data:data25};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/deny/" + i0+"/pattern",schemaPath:"#/definitions/DenyEntry/oneOf/1/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.oneOf[1].properties.pattern.type,parentSchema:schema21.oneOf[1].properties.pattern,data:data25};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data24.reason !== undefined){
let data26 = data24.reason;
if(typeof data26 !== "string"){
const err47 = {instancePath:instancePath+"/deny/" + i0+"/reason",schemaPath:"#/definitions/DenyEntry/oneOf/1/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.oneOf[1].properties.reason.type,parentSchema:schema21.oneOf[1].properties.reason,data:data26};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/definitions/DenyEntry/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.oneOf[1].type,parentSchema:schema21.oneOf[1],data:data24};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
var _valid0 = _errs63 === errors;
if(_valid0 && valid13){
valid13 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid13 = true;
passing0 = 1;
}
}
if(!valid13){
const err49 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/definitions/DenyEntry/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema21.oneOf,parentSchema:schema21,data:data24};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
else {
errors = _errs60;
if(vErrors !== null){
if(_errs60){
vErrors.length = _errs60;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err50 = {instancePath:instancePath+"/deny",schemaPath:"#/properties/deny/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.deny.type,parentSchema:schema11.properties.deny,data:data23};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data.outputs !== undefined){
if(!(validate17(data.outputs, {instancePath:instancePath+"/outputs",parentData:data,parentDataProperty:"outputs",rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
if(data.limits !== undefined){
let data28 = data.limits;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
for(const key7 in data28){
if(!(func2.call(schema24.properties, key7))){
const err51 = {instancePath:instancePath+"/limits",schemaPath:"#/definitions/Limits/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema24,data:data28};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data28.max_tool_calls !== undefined){
let data29 = data28.max_tool_calls;
if(!(((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29))) && (isFinite(data29)))){
const err52 = {instancePath:instancePath+"/limits/max_tool_calls",schemaPath:"#/definitions/Limits/properties/max_tool_calls/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.max_tool_calls.type,parentSchema:schema24.properties.max_tool_calls,data:data29};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 < 0 || isNaN(data29)){
const err53 = {instancePath:instancePath+"/limits/max_tool_calls",schemaPath:"#/definitions/Limits/properties/max_tool_calls/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.max_tool_calls,data:data29};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
if(data28.max_turns !== undefined){
let data30 = data28.max_turns;
if(!(((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30))) && (isFinite(data30)))){
const err54 = {instancePath:instancePath+"/limits/max_turns",schemaPath:"#/definitions/Limits/properties/max_turns/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.max_turns.type,parentSchema:schema24.properties.max_turns,data:data30};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if((typeof data30 == "number") && (isFinite(data30))){
if(data30 < 0 || isNaN(data30)){
const err55 = {instancePath:instancePath+"/limits/max_turns",schemaPath:"#/definitions/Limits/properties/max_turns/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.max_turns,data:data30};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
if(data28.max_usd_per_loop !== undefined){
let data31 = data28.max_usd_per_loop;
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 <= 0 || isNaN(data31)){
const err56 = {instancePath:instancePath+"/limits/max_usd_per_loop",schemaPath:"#/definitions/Limits/properties/max_usd_per_loop/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema24.properties.max_usd_per_loop,data:data31};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/limits/max_usd_per_loop",schemaPath:"#/definitions/Limits/properties/max_usd_per_loop/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema24.properties.max_usd_per_loop.type,parentSchema:schema24.properties.max_usd_per_loop,data:data31};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data28.alert_usd !== undefined){
let data32 = data28.alert_usd;
if((typeof data32 == "number") && (isFinite(data32))){
if(data32 <= 0 || isNaN(data32)){
const err58 = {instancePath:instancePath+"/limits/alert_usd",schemaPath:"#/definitions/Limits/properties/alert_usd/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema24.properties.alert_usd,data:data32};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/limits/alert_usd",schemaPath:"#/definitions/Limits/properties/alert_usd/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema24.properties.alert_usd.type,parentSchema:schema24.properties.alert_usd,data:data32};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data28.max_tokens_per_session !== undefined){
let data33 = data28.max_tokens_per_session;
if(!(((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33))) && (isFinite(data33)))){
const err60 = {instancePath:instancePath+"/limits/max_tokens_per_session",schemaPath:"#/definitions/Limits/properties/max_tokens_per_session/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.max_tokens_per_session.type,parentSchema:schema24.properties.max_tokens_per_session,data:data33};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if((typeof data33 == "number") && (isFinite(data33))){
if(data33 < 0 || isNaN(data33)){
const err61 = {instancePath:instancePath+"/limits/max_tokens_per_session",schemaPath:"#/definitions/Limits/properties/max_tokens_per_session/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.max_tokens_per_session,data:data33};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
if(data28.max_sessions_per_day !== undefined){
let data34 = data28.max_sessions_per_day;
if(!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))){
const err62 = {instancePath:instancePath+"/limits/max_sessions_per_day",schemaPath:"#/definitions/Limits/properties/max_sessions_per_day/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.max_sessions_per_day.type,parentSchema:schema24.properties.max_sessions_per_day,data:data34};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if((typeof data34 == "number") && (isFinite(data34))){
if(data34 < 0 || isNaN(data34)){
const err63 = {instancePath:instancePath+"/limits/max_sessions_per_day",schemaPath:"#/definitions/Limits/properties/max_sessions_per_day/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.max_sessions_per_day,data:data34};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
if(data28.max_model_calls_per_task !== undefined){
let data35 = data28.max_model_calls_per_task;
if(!(((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35))) && (isFinite(data35)))){
const err64 = {instancePath:instancePath+"/limits/max_model_calls_per_task",schemaPath:"#/definitions/Limits/properties/max_model_calls_per_task/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.max_model_calls_per_task.type,parentSchema:schema24.properties.max_model_calls_per_task,data:data35};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if((typeof data35 == "number") && (isFinite(data35))){
if(data35 < 0 || isNaN(data35)){
const err65 = {instancePath:instancePath+"/limits/max_model_calls_per_task",schemaPath:"#/definitions/Limits/properties/max_model_calls_per_task/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema24.properties.max_model_calls_per_task,data:data35};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
if(data28.rate_per_minute !== undefined){
let data36 = data28.rate_per_minute;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
const err66 = {instancePath:instancePath+"/limits/rate_per_minute",schemaPath:"#/definitions/Limits/properties/rate_per_minute/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.rate_per_minute.type,parentSchema:schema24.properties.rate_per_minute,data:data36};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 < 1 || isNaN(data36)){
const err67 = {instancePath:instancePath+"/limits/rate_per_minute",schemaPath:"#/definitions/Limits/properties/rate_per_minute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema24.properties.rate_per_minute,data:data36};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
if(data28.max_concurrency !== undefined){
let data37 = data28.max_concurrency;
if(!(((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37))) && (isFinite(data37)))){
const err68 = {instancePath:instancePath+"/limits/max_concurrency",schemaPath:"#/definitions/Limits/properties/max_concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema24.properties.max_concurrency.type,parentSchema:schema24.properties.max_concurrency,data:data37};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if((typeof data37 == "number") && (isFinite(data37))){
if(data37 < 1 || isNaN(data37)){
const err69 = {instancePath:instancePath+"/limits/max_concurrency",schemaPath:"#/definitions/Limits/properties/max_concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema24.properties.max_concurrency,data:data37};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
}
else {
const err70 = {instancePath:instancePath+"/limits",schemaPath:"#/definitions/Limits/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data28};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data.handoff !== undefined){
let data38 = data.handoff;
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
for(const key8 in data38){
if(!((((key8 === "triggers") || (key8 === "destination")) || (key8 === "message")) || (key8 === "escalate_after_denials"))){
const err71 = {instancePath:instancePath+"/handoff",schemaPath:"#/definitions/Handoff/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data:data38};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data38.triggers !== undefined){
let data39 = data38.triggers;
if(Array.isArray(data39)){
const len1 = data39.length;
for(let i1=0; i1<len1; i1++){
let data40 = data39[i1];
if(typeof data40 === "string"){
if(func3(data40) < 1){
const err72 = {instancePath:instancePath+"/handoff/triggers/" + i1,schemaPath:"#/definitions/Handoff/properties/triggers/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25.properties.triggers.items,data:data40};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/handoff/triggers/" + i1,schemaPath:"#/definitions/Handoff/properties/triggers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.triggers.items.type,parentSchema:schema25.properties.triggers.items,data:data40};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/handoff/triggers",schemaPath:"#/definitions/Handoff/properties/triggers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema25.properties.triggers.type,parentSchema:schema25.properties.triggers,data:data39};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data38.destination !== undefined){
let data41 = data38.destination;
if(typeof data41 === "string"){
if(func3(data41) < 1){
const err75 = {instancePath:instancePath+"/handoff/destination",schemaPath:"#/definitions/Handoff/properties/destination/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema25.properties.destination,data:data41};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
else {
const err76 = {instancePath:instancePath+"/handoff/destination",schemaPath:"#/definitions/Handoff/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.destination.type,parentSchema:schema25.properties.destination,data:data41};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data38.message !== undefined){
let data42 = data38.message;
if(typeof data42 !== "string"){
const err77 = {instancePath:instancePath+"/handoff/message",schemaPath:"#/definitions/Handoff/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.message.type,parentSchema:schema25.properties.message,data:data42};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data38.escalate_after_denials !== undefined){
let data43 = data38.escalate_after_denials;
if(!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))){
const err78 = {instancePath:instancePath+"/handoff/escalate_after_denials",schemaPath:"#/definitions/Handoff/properties/escalate_after_denials/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema25.properties.escalate_after_denials.type,parentSchema:schema25.properties.escalate_after_denials,data:data43};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
if((typeof data43 == "number") && (isFinite(data43))){
if(data43 < 1 || isNaN(data43)){
const err79 = {instancePath:instancePath+"/handoff/escalate_after_denials",schemaPath:"#/definitions/Handoff/properties/escalate_after_denials/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema25.properties.escalate_after_denials,data:data43};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
}
}
else {
const err80 = {instancePath:instancePath+"/handoff",schemaPath:"#/definitions/Handoff/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data:data38};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data.audit !== undefined){
let data44 = data.audit;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
for(const key9 in data44){
if(!((((key9 === "append_only") || (key9 === "logs")) || (key9 === "record_arguments")) || (key9 === "retention_days"))){
const err81 = {instancePath:instancePath+"/audit",schemaPath:"#/definitions/Audit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema26,data:data44};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data44.append_only !== undefined){
let data45 = data44.append_only;
if(typeof data45 !== "boolean"){
const err82 = {instancePath:instancePath+"/audit/append_only",schemaPath:"#/definitions/Audit/properties/append_only/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.append_only.type,parentSchema:schema26.properties.append_only,data:data45};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data44.logs !== undefined){
let data46 = data44.logs;
if(Array.isArray(data46)){
const len2 = data46.length;
for(let i2=0; i2<len2; i2++){
let data47 = data46[i2];
if(typeof data47 !== "string"){
const err83 = {instancePath:instancePath+"/audit/logs/" + i2,schemaPath:"#/definitions/Audit/properties/logs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.logs.items.type,parentSchema:schema26.properties.logs.items,data:data47};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
else {
const err84 = {instancePath:instancePath+"/audit/logs",schemaPath:"#/definitions/Audit/properties/logs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema26.properties.logs.type,parentSchema:schema26.properties.logs,data:data46};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data44.record_arguments !== undefined){
let data48 = data44.record_arguments;
if(typeof data48 !== "string"){
const err85 = {instancePath:instancePath+"/audit/record_arguments",schemaPath:"#/definitions/Audit/properties/record_arguments/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.record_arguments.type,parentSchema:schema26.properties.record_arguments,data:data48};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(!(((data48 === "digest") || (data48 === "redacted")) || (data48 === "full"))){
const err86 = {instancePath:instancePath+"/audit/record_arguments",schemaPath:"#/definitions/Audit/properties/record_arguments/enum",keyword:"enum",params:{allowedValues: schema26.properties.record_arguments.enum},message:"must be equal to one of the allowed values",schema:schema26.properties.record_arguments.enum,parentSchema:schema26.properties.record_arguments,data:data48};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
if(data44.retention_days !== undefined){
let data49 = data44.retention_days;
if(!(((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49))) && (isFinite(data49)))){
const err87 = {instancePath:instancePath+"/audit/retention_days",schemaPath:"#/definitions/Audit/properties/retention_days/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.retention_days.type,parentSchema:schema26.properties.retention_days,data:data49};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
if((typeof data49 == "number") && (isFinite(data49))){
if(data49 < 1 || isNaN(data49)){
const err88 = {instancePath:instancePath+"/audit/retention_days",schemaPath:"#/definitions/Audit/properties/retention_days/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema26.properties.retention_days,data:data49};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
}
else {
const err89 = {instancePath:instancePath+"/audit",schemaPath:"#/definitions/Audit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data:data44};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data.failure_modes !== undefined){
let data50 = data.failure_modes;
if(Array.isArray(data50)){
const len3 = data50.length;
for(let i3=0; i3<len3; i3++){
let data51 = data50[i3];
if(data51 && typeof data51 == "object" && !Array.isArray(data51)){
if(data51.mode === undefined){
const err90 = {instancePath:instancePath+"/failure_modes/" + i3,schemaPath:"#/definitions/FailureMode/required",keyword:"required",params:{missingProperty: "mode"},message:"must have required property '"+"mode"+"'",schema:schema27.required,parentSchema:schema27,data:data51};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(data51.detection === undefined){
const err91 = {instancePath:instancePath+"/failure_modes/" + i3,schemaPath:"#/definitions/FailureMode/required",keyword:"required",params:{missingProperty: "detection"},message:"must have required property '"+"detection"+"'",schema:schema27.required,parentSchema:schema27,data:data51};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
if(data51.mitigation === undefined){
const err92 = {instancePath:instancePath+"/failure_modes/" + i3,schemaPath:"#/definitions/FailureMode/required",keyword:"required",params:{missingProperty: "mitigation"},message:"must have required property '"+"mitigation"+"'",schema:schema27.required,parentSchema:schema27,data:data51};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
if(data51.recovery === undefined){
const err93 = {instancePath:instancePath+"/failure_modes/" + i3,schemaPath:"#/definitions/FailureMode/required",keyword:"required",params:{missingProperty: "recovery"},message:"must have required property '"+"recovery"+"'",schema:schema27.required,parentSchema:schema27,data:data51};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
for(const key10 in data51){
if(!((((key10 === "mode") || (key10 === "detection")) || (key10 === "mitigation")) || (key10 === "recovery"))){
const err94 = {instancePath:instancePath+"/failure_modes/" + i3,schemaPath:"#/definitions/FailureMode/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema27,data:data51};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data51.mode !== undefined){
let data52 = data51.mode;
if(typeof data52 === "string"){
if(func3(data52) < 1){
const err95 = {instancePath:instancePath+"/failure_modes/" + i3+"/mode",schemaPath:"#/definitions/FailureMode/properties/mode/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.mode,data:data52};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
else {
const err96 = {instancePath:instancePath+"/failure_modes/" + i3+"/mode",schemaPath:"#/definitions/FailureMode/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.mode.type,parentSchema:schema27.properties.mode,data:data52};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data51.detection !== undefined){
let data53 = data51.detection;
if(typeof data53 === "string"){
if(func3(data53) < 1){
const err97 = {instancePath:instancePath+"/failure_modes/" + i3+"/detection",schemaPath:"#/definitions/FailureMode/properties/detection/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.detection,data:data53};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
else {
const err98 = {instancePath:instancePath+"/failure_modes/" + i3+"/detection",schemaPath:"#/definitions/FailureMode/properties/detection/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.detection.type,parentSchema:schema27.properties.detection,data:data53};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data51.mitigation !== undefined){
let data54 = data51.mitigation;
if(typeof data54 === "string"){
if(func3(data54) < 1){
const err99 = {instancePath:instancePath+"/failure_modes/" + i3+"/mitigation",schemaPath:"#/definitions/FailureMode/properties/mitigation/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.mitigation,data:data54};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
else {
const err100 = {instancePath:instancePath+"/failure_modes/" + i3+"/mitigation",schemaPath:"#/definitions/FailureMode/properties/mitigation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.mitigation.type,parentSchema:schema27.properties.mitigation,data:data54};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data51.recovery !== undefined){
let data55 = data51.recovery;
if(typeof data55 === "string"){
if(func3(data55) < 1){
const err101 = {instancePath:instancePath+"/failure_modes/" + i3+"/recovery",schemaPath:"#/definitions/FailureMode/properties/recovery/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema27.properties.recovery,data:data55};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
else {
const err102 = {instancePath:instancePath+"/failure_modes/" + i3+"/recovery",schemaPath:"#/definitions/FailureMode/properties/recovery/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.recovery.type,parentSchema:schema27.properties.recovery,data:data55};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
}
else {
const err103 = {instancePath:instancePath+"/failure_modes/" + i3,schemaPath:"#/definitions/FailureMode/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data:data51};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/failure_modes",schemaPath:"#/properties/failure_modes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.failure_modes.type,parentSchema:schema11.properties.failure_modes,data:data50};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data.evaluation !== undefined){
let data56 = data.evaluation;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
for(const key11 in data56){
if(!(((key11 === "primary") || (key11 === "metrics")) || (key11 === "approach"))){
const err105 = {instancePath:instancePath+"/evaluation",schemaPath:"#/definitions/Evaluation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema28,data:data56};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data56.primary !== undefined){
let data57 = data56.primary;
if(typeof data57 !== "string"){
const err106 = {instancePath:instancePath+"/evaluation/primary",schemaPath:"#/definitions/Evaluation/properties/primary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.primary.type,parentSchema:schema28.properties.primary,data:data57};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data56.metrics !== undefined){
let data58 = data56.metrics;
if(Array.isArray(data58)){
const len4 = data58.length;
for(let i4=0; i4<len4; i4++){
let data59 = data58[i4];
if(data59 && typeof data59 == "object" && !Array.isArray(data59)){
if(data59.name === undefined){
const err107 = {instancePath:instancePath+"/evaluation/metrics/" + i4,schemaPath:"#/definitions/Evaluation/properties/metrics/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema28.properties.metrics.items.required,parentSchema:schema28.properties.metrics.items,data:data59};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
for(const key12 in data59){
if(!(((key12 === "name") || (key12 === "description")) || (key12 === "target"))){
const err108 = {instancePath:instancePath+"/evaluation/metrics/" + i4,schemaPath:"#/definitions/Evaluation/properties/metrics/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema28.properties.metrics.items,data:data59};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data59.name !== undefined){
let data60 = data59.name;
if(typeof data60 === "string"){
if(func3(data60) < 1){
const err109 = {instancePath:instancePath+"/evaluation/metrics/" + i4+"/name",schemaPath:"#/definitions/Evaluation/properties/metrics/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.metrics.items.properties.name,data:data60};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
else {
const err110 = {instancePath:instancePath+"/evaluation/metrics/" + i4+"/name",schemaPath:"#/definitions/Evaluation/properties/metrics/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.metrics.items.properties.name.type,parentSchema:schema28.properties.metrics.items.properties.name,data:data60};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data59.description !== undefined){
let data61 = data59.description;
if(typeof data61 !== "string"){
const err111 = {instancePath:instancePath+"/evaluation/metrics/" + i4+"/description",schemaPath:"#/definitions/Evaluation/properties/metrics/items/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.metrics.items.properties.description.type,parentSchema:schema28.properties.metrics.items.properties.description,data:data61};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data59.target !== undefined){
let data62 = data59.target;
if(typeof data62 !== "string"){
const err112 = {instancePath:instancePath+"/evaluation/metrics/" + i4+"/target",schemaPath:"#/definitions/Evaluation/properties/metrics/items/properties/target/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.metrics.items.properties.target.type,parentSchema:schema28.properties.metrics.items.properties.target,data:data62};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
}
else {
const err113 = {instancePath:instancePath+"/evaluation/metrics/" + i4,schemaPath:"#/definitions/Evaluation/properties/metrics/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.properties.metrics.items.type,parentSchema:schema28.properties.metrics.items,data:data59};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
}
else {
const err114 = {instancePath:instancePath+"/evaluation/metrics",schemaPath:"#/definitions/Evaluation/properties/metrics/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema28.properties.metrics.type,parentSchema:schema28.properties.metrics,data:data58};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data56.approach !== undefined){
let data63 = data56.approach;
if(typeof data63 !== "string"){
const err115 = {instancePath:instancePath+"/evaluation/approach",schemaPath:"#/definitions/Evaluation/properties/approach/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.approach.type,parentSchema:schema28.properties.approach,data:data63};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
}
else {
const err116 = {instancePath:instancePath+"/evaluation",schemaPath:"#/definitions/Evaluation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.type,parentSchema:schema28,data:data56};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data.tests !== undefined){
let data64 = data.tests;
if(Array.isArray(data64)){
const len5 = data64.length;
for(let i5=0; i5<len5; i5++){
if(!(validate19(data64[i5], {instancePath:instancePath+"/tests/" + i5,parentData:data64,parentDataProperty:i5,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
}
}
else {
const err117 = {instancePath:instancePath+"/tests",schemaPath:"#/properties/tests/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tests.type,parentSchema:schema11.properties.tests,data:data64};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
if(data.suppressions !== undefined){
let data66 = data.suppressions;
if(Array.isArray(data66)){
const len6 = data66.length;
for(let i6=0; i6<len6; i6++){
let data67 = data66[i6];
if(data67 && typeof data67 == "object" && !Array.isArray(data67)){
if(data67.rule === undefined){
const err118 = {instancePath:instancePath+"/suppressions/" + i6,schemaPath:"#/definitions/Suppression/required",keyword:"required",params:{missingProperty: "rule"},message:"must have required property '"+"rule"+"'",schema:schema32.required,parentSchema:schema32,data:data67};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
if(data67.reason === undefined){
const err119 = {instancePath:instancePath+"/suppressions/" + i6,schemaPath:"#/definitions/Suppression/required",keyword:"required",params:{missingProperty: "reason"},message:"must have required property '"+"reason"+"'",schema:schema32.required,parentSchema:schema32,data:data67};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
for(const key13 in data67){
if(!(((key13 === "rule") || (key13 === "tool")) || (key13 === "reason"))){
const err120 = {instancePath:instancePath+"/suppressions/" + i6,schemaPath:"#/definitions/Suppression/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data:data67};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
if(data67.rule !== undefined){
let data68 = data67.rule;
if(typeof data68 === "string"){
if(func3(data68) < 1){
const err121 = {instancePath:instancePath+"/suppressions/" + i6+"/rule",schemaPath:"#/definitions/Suppression/properties/rule/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema32.properties.rule,data:data68};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
else {
const err122 = {instancePath:instancePath+"/suppressions/" + i6+"/rule",schemaPath:"#/definitions/Suppression/properties/rule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.rule.type,parentSchema:schema32.properties.rule,data:data68};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
if(data67.tool !== undefined){
let data69 = data67.tool;
if(typeof data69 !== "string"){
const err123 = {instancePath:instancePath+"/suppressions/" + i6+"/tool",schemaPath:"#/definitions/Suppression/properties/tool/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.tool.type,parentSchema:schema32.properties.tool,data:data69};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
if(data67.reason !== undefined){
let data70 = data67.reason;
if(typeof data70 === "string"){
if(func3(data70) < 1){
const err124 = {instancePath:instancePath+"/suppressions/" + i6+"/reason",schemaPath:"#/definitions/Suppression/properties/reason/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema32.properties.reason,data:data70};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
else {
const err125 = {instancePath:instancePath+"/suppressions/" + i6+"/reason",schemaPath:"#/definitions/Suppression/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.reason.type,parentSchema:schema32.properties.reason,data:data70};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
}
else {
const err126 = {instancePath:instancePath+"/suppressions/" + i6,schemaPath:"#/definitions/Suppression/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data:data67};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
}
else {
const err127 = {instancePath:instancePath+"/suppressions",schemaPath:"#/properties/suppressions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.suppressions.type,parentSchema:schema11.properties.suppressions,data:data66};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data.extensions !== undefined){
let data71 = data.extensions;
if(data71 && typeof data71 == "object" && !Array.isArray(data71)){
for(const key14 in data71){
let data72 = data71[key14];
if(!(data72 && typeof data72 == "object" && !Array.isArray(data72))){
const err128 = {instancePath:instancePath+"/extensions/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Extensions/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.additionalProperties.type,parentSchema:schema33.additionalProperties,data:data72};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
}
else {
const err129 = {instancePath:instancePath+"/extensions",schemaPath:"#/definitions/Extensions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data:data71};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
if(data.mcp !== undefined){
if(!(validate21(data.mcp, {instancePath:instancePath+"/mcp",parentData:data,parentDataProperty:"mcp",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err130 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

