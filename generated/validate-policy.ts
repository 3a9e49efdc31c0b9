// @ts-nocheck: ajv's generated code is untyped; src/validate types what it uses.
/* Generated from schema/ by `npm run generate` (ajv standalone). Do not edit: change the schema and regenerate. */
import * as cjs0 from "ajv/dist/runtime/ucs2length.js";
const commonJs = (ns) => (ns.default !== undefined && typeof ns.default === "object" ? ns.default : ns);
export const validatePolicy = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://agentspec.dev/schema/policy-1.0.schema.json","title":"Policy","description":"A compiled agentspec runtime policy: what decide() enforces. Canonical JSON (RFC 8785) with a sha256 over that form, so a runtime can pin the exact policy that was reviewed.","$comment":"Effect, Condition, ArgumentLimit, Redaction, Handoff and Audit are copied from agentspec.schema.json by `npm run generate` (and drift-checked): edit them there.","type":"object","additionalProperties":false,"required":["format","agent","default","deny","tools","budgets","hash"],"properties":{"format":{"type":"string","const":"agentspec-policy/1","description":"The policy format and its version."},"agent":{"type":"object","additionalProperties":false,"required":["id","version"],"description":"The agent the policy is for.","properties":{"id":{"type":"string","minLength":1,"description":"The agent id."},"version":{"type":"string","description":"The spec version compiled."}}},"default":{"type":"string","const":"deny","description":"What a call no rule allows gets: always deny."},"deny":{"type":"array","description":"Denied tool patterns, checked first: a match denies whatever the allowlist says.","items":{"type":"object","additionalProperties":false,"required":["pattern"],"description":"A denied pattern.","properties":{"pattern":{"type":"string","minLength":1,"description":"The tool pattern (* any run of characters, ? one character)."},"reason":{"type":"string","description":"Why it is denied."}}}},"tools":{"type":"object","description":"The allowlist, keyed by tool name or pattern.","additionalProperties":{"$ref":"#/definitions/PolicyTool"}},"budgets":{"type":"object","description":"Budgets and rate limits a guard enforces over a run.","additionalProperties":false,"properties":{"max_tool_calls":{"type":"integer","minimum":0,"description":"The most tool calls in one run (aex budget calls)."},"max_turns":{"type":"integer","minimum":0,"description":"The most reasoning turns in one run."},"max_usd_per_loop":{"type":"number","exclusiveMinimum":0,"description":"The cost ceiling per trace loop, in US dollars."},"alert_usd":{"type":"number","exclusiveMinimum":0,"description":"The cost at which an alert fires; must be below max_usd_per_loop."},"max_tokens_per_session":{"type":"integer","minimum":0,"description":"The most model tokens in one session."},"max_sessions_per_day":{"type":"integer","minimum":0,"description":"The most sessions in one day."},"max_model_calls_per_task":{"type":"integer","minimum":0,"description":"The most model calls for one task."},"rate_per_minute":{"type":"integer","minimum":1,"description":"The most tool calls per minute."},"max_concurrency":{"type":"integer","minimum":1,"description":"The most tasks in flight at once."}}},"outputs":{"type":"object","additionalProperties":false,"description":"Output constraints.","properties":{"mode":{"type":"string","enum":["direct","propose_only","draft_only"],"description":"direct: outputs take effect; propose_only: outputs are proposals a separate, approved step applies; draft_only: outputs are drafts a human sends."},"required_fields":{"type":"array","items":{"type":"string"},"description":"Fields every output must carry (e.g. confidence, rationale)."},"never_emits":{"type":"array","items":{"type":"string","minLength":1},"description":"Actions or tools the agent's output must never perform or contain."}}},"redaction":{"$ref":"#/definitions/Redaction"},"handoff":{"$ref":"#/definitions/Handoff"},"audit":{"$ref":"#/definitions/Audit"},"hash":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$","description":"sha256 over the canonical JSON of the policy without this field."}},"definitions":{"Effect":{"type":"string","enum":["read","draft","write","irreversible"],"description":"What a tool call does to the world: read reads only; draft prepares something a human sends or applies; write changes state that can be undone; irreversible cannot be undone (money, deletion, outbound messages)."},"Condition":{"type":"object","description":"When an approval gate applies. Compare one argument (arg) or one call context field (context) with exactly one operator, or combine conditions with any / all. Without a condition the gate always applies.","additionalProperties":false,"minProperties":1,"dependencies":{"gt":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"gte":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"lt":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"lte":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"eq":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"ne":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"in":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"not_in":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]}},"properties":{"arg":{"type":"string","minLength":1,"description":"The argument to test; dotted paths reach nested values (e.g. recipient.domain)."},"context":{"type":"string","enum":["actor","tenant","environment"],"description":"The call context field to test."},"gt":{"type":"number","description":"Applies when the value is a number greater than this."},"gte":{"type":"number","description":"Applies when the value is a number greater than or equal to this."},"lt":{"type":"number","description":"Applies when the value is a number less than this."},"lte":{"type":"number","description":"Applies when the value is a number less than or equal to this."},"eq":{"type":["string","number","boolean"],"description":"Applies when the value equals this."},"ne":{"type":["string","number","boolean"],"description":"Applies when the value is present and differs from this."},"in":{"type":"array","items":{"type":["string","number","boolean"]},"description":"Applies when the value is one of these."},"not_in":{"type":"array","items":{"type":["string","number","boolean"]},"description":"Applies when the value is present and none of these."},"any":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/Condition"},"description":"Applies when at least one of these conditions applies."},"all":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/Condition"},"description":"Applies when every one of these conditions applies."}}},"ArgumentLimit":{"type":"object","description":"A hard limit on one argument. A call whose argument breaks it is denied.","additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"number","description":"The smallest allowed numeric value."},"max":{"type":"number","description":"The largest allowed numeric value."},"max_length":{"type":"integer","minimum":0,"description":"The longest allowed string, in characters."},"one_of":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]},"description":"The only allowed values."},"required":{"type":"boolean","description":"true denies a call that omits the argument."}}},"Redaction":{"type":"object","description":"Redaction and data-loss-prevention rules applied before text reaches the model.","additionalProperties":false,"properties":{"required":{"type":"boolean","description":"true makes redaction a policy requirement."},"rules":{"type":"array","description":"The redaction rules.","items":{"type":"object","additionalProperties":false,"required":["type","pattern"],"description":"One redaction rule.","properties":{"type":{"type":"string","description":"The kind of data, e.g. pii, secret, financial."},"pattern":{"type":"string","description":"The named detector, e.g. email, phone, api_key_like."},"replacement":{"type":"string","description":"What replaces a match (default [REDACTED])."}}}},"max_chars_to_model":{"type":"integer","minimum":1,"description":"The most characters of input text sent to the model per call."}}},"Handoff":{"type":"object","description":"When and to whom the agent hands over to a human.","additionalProperties":false,"properties":{"triggers":{"type":"array","items":{"type":"string","minLength":1},"description":"Situations that hand over to a human (e.g. low_confidence, over_cap, or a tool name)."},"destination":{"type":"string","minLength":1,"description":"Who receives the handoff, e.g. support_agent or slack:#oncall."},"message":{"type":"string","description":"The escalation message template or what it must contain."},"escalate_after_denials":{"type":"integer","minimum":1,"description":"Escalate after this many denied attempts at the same tool in one run."}}},"Audit":{"type":"object","description":"What is recorded, and how.","additionalProperties":false,"properties":{"append_only":{"type":"boolean","description":"true: decision records are append-only (hash-chained)."},"logs":{"type":"array","items":{"type":"string"},"description":"What is logged (e.g. lookups, drafts, approvals)."},"record_arguments":{"type":"string","enum":["digest","redacted","full"],"description":"How tool arguments appear in decision records: a digest (default), redacted, or in full."},"retention_days":{"type":"integer","minimum":1,"description":"How long records are kept."}}},"PolicyTool":{"type":"object","additionalProperties":false,"required":["effect"],"description":"One allowed tool.","properties":{"effect":{"$ref":"#/definitions/Effect"},"approval":{"type":"object","additionalProperties":false,"description":"Present when a call needs human approval: always, or when its condition holds.","properties":{"when":{"$ref":"#/definitions/Condition"},"channel":{"type":"string","description":"Where approval requests go."},"reason":{"type":"string","description":"Why approval is needed."}}},"limits":{"type":"object","description":"Hard argument limits: a call outside them is denied.","additionalProperties":{"$ref":"#/definitions/ArgumentLimit"}},"resources":{"type":"array","items":{"type":"string"},"description":"Resource scopes the tool may touch."}}}}};
const schema16 = {"type":"object","description":"Redaction and data-loss-prevention rules applied before text reaches the model.","additionalProperties":false,"properties":{"required":{"type":"boolean","description":"true makes redaction a policy requirement."},"rules":{"type":"array","description":"The redaction rules.","items":{"type":"object","additionalProperties":false,"required":["type","pattern"],"description":"One redaction rule.","properties":{"type":{"type":"string","description":"The kind of data, e.g. pii, secret, financial."},"pattern":{"type":"string","description":"The named detector, e.g. email, phone, api_key_like."},"replacement":{"type":"string","description":"What replaces a match (default [REDACTED])."}}}},"max_chars_to_model":{"type":"integer","minimum":1,"description":"The most characters of input text sent to the model per call."}}};
const schema17 = {"type":"object","description":"When and to whom the agent hands over to a human.","additionalProperties":false,"properties":{"triggers":{"type":"array","items":{"type":"string","minLength":1},"description":"Situations that hand over to a human (e.g. low_confidence, over_cap, or a tool name)."},"destination":{"type":"string","minLength":1,"description":"Who receives the handoff, e.g. support_agent or slack:#oncall."},"message":{"type":"string","description":"The escalation message template or what it must contain."},"escalate_after_denials":{"type":"integer","minimum":1,"description":"Escalate after this many denied attempts at the same tool in one run."}}};
const schema18 = {"type":"object","description":"What is recorded, and how.","additionalProperties":false,"properties":{"append_only":{"type":"boolean","description":"true: decision records are append-only (hash-chained)."},"logs":{"type":"array","items":{"type":"string"},"description":"What is logged (e.g. lookups, drafts, approvals)."},"record_arguments":{"type":"string","enum":["digest","redacted","full"],"description":"How tool arguments appear in decision records: a digest (default), redacted, or in full."},"retention_days":{"type":"integer","minimum":1,"description":"How long records are kept."}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = commonJs(cjs0).default;
const schema12 = {"type":"object","additionalProperties":false,"required":["effect"],"description":"One allowed tool.","properties":{"effect":{"$ref":"#/definitions/Effect"},"approval":{"type":"object","additionalProperties":false,"description":"Present when a call needs human approval: always, or when its condition holds.","properties":{"when":{"$ref":"#/definitions/Condition"},"channel":{"type":"string","description":"Where approval requests go."},"reason":{"type":"string","description":"Why approval is needed."}}},"limits":{"type":"object","description":"Hard argument limits: a call outside them is denied.","additionalProperties":{"$ref":"#/definitions/ArgumentLimit"}},"resources":{"type":"array","items":{"type":"string"},"description":"Resource scopes the tool may touch."}}};
const schema13 = {"type":"string","enum":["read","draft","write","irreversible"],"description":"What a tool call does to the world: read reads only; draft prepares something a human sends or applies; write changes state that can be undone; irreversible cannot be undone (money, deletion, outbound messages)."};
const schema15 = {"type":"object","description":"A hard limit on one argument. A call whose argument breaks it is denied.","additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"number","description":"The smallest allowed numeric value."},"max":{"type":"number","description":"The largest allowed numeric value."},"max_length":{"type":"integer","minimum":0,"description":"The longest allowed string, in characters."},"one_of":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]},"description":"The only allowed values."},"required":{"type":"boolean","description":"true denies a call that omits the argument."}}};
const schema14 = {"type":"object","description":"When an approval gate applies. Compare one argument (arg) or one call context field (context) with exactly one operator, or combine conditions with any / all. Without a condition the gate always applies.","additionalProperties":false,"minProperties":1,"dependencies":{"gt":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"gte":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"lt":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"lte":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"eq":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"ne":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"in":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]},"not_in":{"anyOf":[{"required":["arg"],"properties":{"arg":true}},{"required":["context"],"properties":{"context":true}}]}},"properties":{"arg":{"type":"string","minLength":1,"description":"The argument to test; dotted paths reach nested values (e.g. recipient.domain)."},"context":{"type":"string","enum":["actor","tenant","environment"],"description":"The call context field to test."},"gt":{"type":"number","description":"Applies when the value is a number greater than this."},"gte":{"type":"number","description":"Applies when the value is a number greater than or equal to this."},"lt":{"type":"number","description":"Applies when the value is a number less than this."},"lte":{"type":"number","description":"Applies when the value is a number less than or equal to this."},"eq":{"type":["string","number","boolean"],"description":"Applies when the value equals this."},"ne":{"type":["string","number","boolean"],"description":"Applies when the value is present and differs from this."},"in":{"type":"array","items":{"type":["string","number","boolean"]},"description":"Applies when the value is one of these."},"not_in":{"type":"array","items":{"type":["string","number","boolean"]},"description":"Applies when the value is present and none of these."},"any":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/Condition"},"description":"Applies when at least one of these conditions applies."},"all":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/Condition"},"description":"Applies when every one of these conditions applies."}}};
const wrapper0 = {validate: validate12};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length < 1){
const err0 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema14.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data};
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
const err2 = {instancePath,schemaPath:"#/dependencies/gt/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema14.dependencies.gt.anyOf[0].required,parentSchema:schema14.dependencies.gt.anyOf[0],data};
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
const err3 = {instancePath,schemaPath:"#/dependencies/gt/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema14.dependencies.gt.anyOf[1].required,parentSchema:schema14.dependencies.gt.anyOf[1],data};
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
const err4 = {instancePath,schemaPath:"#/dependencies/gt/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.dependencies.gt.anyOf,parentSchema:schema14.dependencies.gt,data};
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
const err5 = {instancePath,schemaPath:"#/dependencies/gte/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema14.dependencies.gte.anyOf[0].required,parentSchema:schema14.dependencies.gte.anyOf[0],data};
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
const err6 = {instancePath,schemaPath:"#/dependencies/gte/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema14.dependencies.gte.anyOf[1].required,parentSchema:schema14.dependencies.gte.anyOf[1],data};
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
const err7 = {instancePath,schemaPath:"#/dependencies/gte/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.dependencies.gte.anyOf,parentSchema:schema14.dependencies.gte,data};
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
const err8 = {instancePath,schemaPath:"#/dependencies/lt/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema14.dependencies.lt.anyOf[0].required,parentSchema:schema14.dependencies.lt.anyOf[0],data};
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
const err9 = {instancePath,schemaPath:"#/dependencies/lt/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema14.dependencies.lt.anyOf[1].required,parentSchema:schema14.dependencies.lt.anyOf[1],data};
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
const err10 = {instancePath,schemaPath:"#/dependencies/lt/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.dependencies.lt.anyOf,parentSchema:schema14.dependencies.lt,data};
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
const err11 = {instancePath,schemaPath:"#/dependencies/lte/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema14.dependencies.lte.anyOf[0].required,parentSchema:schema14.dependencies.lte.anyOf[0],data};
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
const err12 = {instancePath,schemaPath:"#/dependencies/lte/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema14.dependencies.lte.anyOf[1].required,parentSchema:schema14.dependencies.lte.anyOf[1],data};
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
const err13 = {instancePath,schemaPath:"#/dependencies/lte/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.dependencies.lte.anyOf,parentSchema:schema14.dependencies.lte,data};
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
const err14 = {instancePath,schemaPath:"#/dependencies/eq/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema14.dependencies.eq.anyOf[0].required,parentSchema:schema14.dependencies.eq.anyOf[0],data};
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
const err15 = {instancePath,schemaPath:"#/dependencies/eq/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema14.dependencies.eq.anyOf[1].required,parentSchema:schema14.dependencies.eq.anyOf[1],data};
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
const err16 = {instancePath,schemaPath:"#/dependencies/eq/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.dependencies.eq.anyOf,parentSchema:schema14.dependencies.eq,data};
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
const err17 = {instancePath,schemaPath:"#/dependencies/ne/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema14.dependencies.ne.anyOf[0].required,parentSchema:schema14.dependencies.ne.anyOf[0],data};
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
const err18 = {instancePath,schemaPath:"#/dependencies/ne/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema14.dependencies.ne.anyOf[1].required,parentSchema:schema14.dependencies.ne.anyOf[1],data};
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
const err19 = {instancePath,schemaPath:"#/dependencies/ne/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.dependencies.ne.anyOf,parentSchema:schema14.dependencies.ne,data};
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
const err20 = {instancePath,schemaPath:"#/dependencies/in/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema14.dependencies.in.anyOf[0].required,parentSchema:schema14.dependencies.in.anyOf[0],data};
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
const err21 = {instancePath,schemaPath:"#/dependencies/in/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema14.dependencies.in.anyOf[1].required,parentSchema:schema14.dependencies.in.anyOf[1],data};
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
const err22 = {instancePath,schemaPath:"#/dependencies/in/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.dependencies.in.anyOf,parentSchema:schema14.dependencies.in,data};
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
const err23 = {instancePath,schemaPath:"#/dependencies/not_in/anyOf/0/required",keyword:"required",params:{missingProperty: "arg"},message:"must have required property '"+"arg"+"'",schema:schema14.dependencies.not_in.anyOf[0].required,parentSchema:schema14.dependencies.not_in.anyOf[0],data};
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
const err24 = {instancePath,schemaPath:"#/dependencies/not_in/anyOf/1/required",keyword:"required",params:{missingProperty: "context"},message:"must have required property '"+"context"+"'",schema:schema14.dependencies.not_in.anyOf[1].required,parentSchema:schema14.dependencies.not_in.anyOf[1],data};
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
const err25 = {instancePath,schemaPath:"#/dependencies/not_in/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema14.dependencies.not_in.anyOf,parentSchema:schema14.dependencies.not_in,data};
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
const err26 = {instancePath:instancePath+"/arg",schemaPath:"#/properties/arg/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.arg,data:data0};
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
const err27 = {instancePath:instancePath+"/arg",schemaPath:"#/properties/arg/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.arg.type,parentSchema:schema14.properties.arg,data:data0};
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
const err28 = {instancePath:instancePath+"/context",schemaPath:"#/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.context.type,parentSchema:schema14.properties.context,data:data1};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(!(((data1 === "actor") || (data1 === "tenant")) || (data1 === "environment"))){
const err29 = {instancePath:instancePath+"/context",schemaPath:"#/properties/context/enum",keyword:"enum",params:{allowedValues: schema14.properties.context.enum},message:"must be equal to one of the allowed values",schema:schema14.properties.context.enum,parentSchema:schema14.properties.context,data:data1};
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
const err30 = {instancePath:instancePath+"/gt",schemaPath:"#/properties/gt/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema14.properties.gt.type,parentSchema:schema14.properties.gt,data:data2};
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
const err31 = {instancePath:instancePath+"/gte",schemaPath:"#/properties/gte/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema14.properties.gte.type,parentSchema:schema14.properties.gte,data:data3};
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
const err32 = {instancePath:instancePath+"/lt",schemaPath:"#/properties/lt/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema14.properties.lt.type,parentSchema:schema14.properties.lt,data:data4};
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
const err33 = {instancePath:instancePath+"/lte",schemaPath:"#/properties/lte/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema14.properties.lte.type,parentSchema:schema14.properties.lte,data:data5};
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
const err34 = {instancePath:instancePath+"/eq",schemaPath:"#/properties/eq/type",keyword:"type",params:{type: schema14.properties.eq.type},message:"must be string,number,boolean",schema:schema14.properties.eq.type,parentSchema:schema14.properties.eq,data:data6};
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
const err35 = {instancePath:instancePath+"/ne",schemaPath:"#/properties/ne/type",keyword:"type",params:{type: schema14.properties.ne.type},message:"must be string,number,boolean",schema:schema14.properties.ne.type,parentSchema:schema14.properties.ne,data:data7};
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
const err36 = {instancePath:instancePath+"/in/" + i0,schemaPath:"#/properties/in/items/type",keyword:"type",params:{type: schema14.properties.in.items.type},message:"must be string,number,boolean",schema:schema14.properties.in.items.type,parentSchema:schema14.properties.in.items,data:data9};
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
const err37 = {instancePath:instancePath+"/in",schemaPath:"#/properties/in/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.in.type,parentSchema:schema14.properties.in,data:data8};
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
const err38 = {instancePath:instancePath+"/not_in/" + i1,schemaPath:"#/properties/not_in/items/type",keyword:"type",params:{type: schema14.properties.not_in.items.type},message:"must be string,number,boolean",schema:schema14.properties.not_in.items.type,parentSchema:schema14.properties.not_in.items,data:data11};
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
const err39 = {instancePath:instancePath+"/not_in",schemaPath:"#/properties/not_in/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.not_in.type,parentSchema:schema14.properties.not_in,data:data10};
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
const err40 = {instancePath:instancePath+"/any",schemaPath:"#/properties/any/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.any,data:data12};
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
const err41 = {instancePath:instancePath+"/any",schemaPath:"#/properties/any/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.any.type,parentSchema:schema14.properties.any,data:data12};
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
const err42 = {instancePath:instancePath+"/all",schemaPath:"#/properties/all/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.all,data:data14};
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
const err43 = {instancePath:instancePath+"/all",schemaPath:"#/properties/all/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.all.type,parentSchema:schema14.properties.all,data:data14};
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
const err44 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.effect === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "effect"},message:"must have required property '"+"effect"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "effect") || (key0 === "approval")) || (key0 === "limits")) || (key0 === "resources"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};
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
const err2 = {instancePath:instancePath+"/effect",schemaPath:"#/definitions/Effect/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!((((data0 === "read") || (data0 === "draft")) || (data0 === "write")) || (data0 === "irreversible"))){
const err3 = {instancePath:instancePath+"/effect",schemaPath:"#/definitions/Effect/enum",keyword:"enum",params:{allowedValues: schema13.enum},message:"must be equal to one of the allowed values",schema:schema13.enum,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.approval !== undefined){
let data1 = data.approval;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!(((key1 === "when") || (key1 === "channel")) || (key1 === "reason"))){
const err4 = {instancePath:instancePath+"/approval",schemaPath:"#/properties/approval/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.approval,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.when !== undefined){
if(!(validate12(data1.when, {instancePath:instancePath+"/approval/when",parentData:data1,parentDataProperty:"when",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data1.channel !== undefined){
let data3 = data1.channel;
if(typeof data3 !== "string"){
const err5 = {instancePath:instancePath+"/approval/channel",schemaPath:"#/properties/approval/properties/channel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.approval.properties.channel.type,parentSchema:schema12.properties.approval.properties.channel,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.reason !== undefined){
let data4 = data1.reason;
if(typeof data4 !== "string"){
const err6 = {instancePath:instancePath+"/approval/reason",schemaPath:"#/properties/approval/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.approval.properties.reason.type,parentSchema:schema12.properties.approval.properties.reason,data:data4};
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
const err7 = {instancePath:instancePath+"/approval",schemaPath:"#/properties/approval/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.approval.type,parentSchema:schema12.properties.approval,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.limits !== undefined){
let data5 = data.limits;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
let data6 = data5[key2];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(Object.keys(data6).length < 1){
const err8 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/ArgumentLimit/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema15,data:data6};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key3 in data6){
if(!(((((key3 === "min") || (key3 === "max")) || (key3 === "max_length")) || (key3 === "one_of")) || (key3 === "required"))){
const err9 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/ArgumentLimit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data:data6};
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
const err10 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/min",schemaPath:"#/definitions/ArgumentLimit/properties/min/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.properties.min.type,parentSchema:schema15.properties.min,data:data7};
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
const err11 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max",schemaPath:"#/definitions/ArgumentLimit/properties/max/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.properties.max.type,parentSchema:schema15.properties.max,data:data8};
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
const err12 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max_length",schemaPath:"#/definitions/ArgumentLimit/properties/max_length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties.max_length.type,parentSchema:schema15.properties.max_length,data:data9};
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
const err13 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/max_length",schemaPath:"#/definitions/ArgumentLimit/properties/max_length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties.max_length,data:data9};
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
const err14 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/one_of",schemaPath:"#/definitions/ArgumentLimit/properties/one_of/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema15.properties.one_of,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
let data11 = data10[i0];
if(((typeof data11 !== "string") && (!((typeof data11 == "number") && (isFinite(data11))))) && (typeof data11 !== "boolean")){
const err15 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/one_of/" + i0,schemaPath:"#/definitions/ArgumentLimit/properties/one_of/items/type",keyword:"type",params:{type: schema15.properties.one_of.items.type},message:"must be string,number,boolean",schema:schema15.properties.one_of.items.type,parentSchema:schema15.properties.one_of.items,data:data11};
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
const err16 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/one_of",schemaPath:"#/definitions/ArgumentLimit/properties/one_of/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties.one_of.type,parentSchema:schema15.properties.one_of,data:data10};
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
const err17 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/required",schemaPath:"#/definitions/ArgumentLimit/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema15.properties.required.type,parentSchema:schema15.properties.required,data:data12};
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
const err18 = {instancePath:instancePath+"/limits/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/ArgumentLimit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data:data6};
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
const err19 = {instancePath:instancePath+"/limits",schemaPath:"#/properties/limits/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.limits.type,parentSchema:schema12.properties.limits,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.resources !== undefined){
let data13 = data.resources;
if(Array.isArray(data13)){
const len1 = data13.length;
for(let i1=0; i1<len1; i1++){
let data14 = data13[i1];
if(typeof data14 !== "string"){
const err20 = {instancePath:instancePath+"/resources/" + i1,schemaPath:"#/properties/resources/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.resources.items.type,parentSchema:schema12.properties.resources.items,data:data14};
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
else {
const err21 = {instancePath:instancePath+"/resources",schemaPath:"#/properties/resources/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.properties.resources.type,parentSchema:schema12.properties.resources,data:data13};
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
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const pattern0 = new RegExp("^sha256:[0-9a-f]{64}$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://agentspec.dev/schema/policy-1.0.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.format === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "format"},message:"must have required property '"+"format"+"'",schema:schema11.required,parentSchema:schema11,data};
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
if(data.default === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "default"},message:"must have required property '"+"default"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.deny === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "deny"},message:"must have required property '"+"deny"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.tools === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tools"},message:"must have required property '"+"tools"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.budgets === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "budgets"},message:"must have required property '"+"budgets"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.hash === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "hash"},message:"must have required property '"+"hash"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err7 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.format !== undefined){
let data0 = data.format;
if(typeof data0 !== "string"){
const err8 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.format.type,parentSchema:schema11.properties.format,data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if("agentspec-policy/1" !== data0){
const err9 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/const",keyword:"const",params:{allowedValue: "agentspec-policy/1"},message:"must be equal to constant",schema:"agentspec-policy/1",parentSchema:schema11.properties.format,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.agent !== undefined){
let data1 = data.agent;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.id === undefined){
const err10 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema11.properties.agent.required,parentSchema:schema11.properties.agent,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data1.version === undefined){
const err11 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.properties.agent.required,parentSchema:schema11.properties.agent,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
for(const key1 in data1){
if(!((key1 === "id") || (key1 === "version"))){
const err12 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.agent,data:data1};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data1.id !== undefined){
let data2 = data1.id;
if(typeof data2 === "string"){
if(func3(data2) < 1){
const err13 = {instancePath:instancePath+"/agent/id",schemaPath:"#/properties/agent/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.agent.properties.id,data:data2};
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
const err14 = {instancePath:instancePath+"/agent/id",schemaPath:"#/properties/agent/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.agent.properties.id.type,parentSchema:schema11.properties.agent.properties.id,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data1.version !== undefined){
let data3 = data1.version;
if(typeof data3 !== "string"){
const err15 = {instancePath:instancePath+"/agent/version",schemaPath:"#/properties/agent/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.agent.properties.version.type,parentSchema:schema11.properties.agent.properties.version,data:data3};
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
const err16 = {instancePath:instancePath+"/agent",schemaPath:"#/properties/agent/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.agent.type,parentSchema:schema11.properties.agent,data:data1};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.default !== undefined){
let data4 = data.default;
if(typeof data4 !== "string"){
const err17 = {instancePath:instancePath+"/default",schemaPath:"#/properties/default/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.default.type,parentSchema:schema11.properties.default,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if("deny" !== data4){
const err18 = {instancePath:instancePath+"/default",schemaPath:"#/properties/default/const",keyword:"const",params:{allowedValue: "deny"},message:"must be equal to constant",schema:"deny",parentSchema:schema11.properties.default,data:data4};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.deny !== undefined){
let data5 = data.deny;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.pattern === undefined){
const err19 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/properties/deny/items/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema11.properties.deny.items.required,parentSchema:schema11.properties.deny.items,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
for(const key2 in data6){
if(!((key2 === "pattern") || (key2 === "reason"))){
const err20 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/properties/deny/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.deny.items,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data6.pattern !== undefined){
let data7 = data6.pattern;
if(typeof data7 === "string"){
if(func3(data7) < 1){
const err21 = {instancePath:instancePath+"/deny/" + i0+"/pattern",schemaPath:"#/properties/deny/items/properties/pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.deny.items.properties.pattern,data:data7};
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
const err22 = {instancePath:instancePath+"/deny/" + i0+"/pattern",schemaPath:"#/properties/deny/items/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.deny.items.properties.pattern.type,parentSchema:schema11.properties.deny.items.properties.pattern,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data6.reason !== undefined){
let data8 = data6.reason;
if(typeof data8 !== "string"){
const err23 = {instancePath:instancePath+"/deny/" + i0+"/reason",schemaPath:"#/properties/deny/items/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.deny.items.properties.reason.type,parentSchema:schema11.properties.deny.items.properties.reason,data:data8};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/deny/" + i0,schemaPath:"#/properties/deny/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.deny.items.type,parentSchema:schema11.properties.deny.items,data:data6};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/deny",schemaPath:"#/properties/deny/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.deny.type,parentSchema:schema11.properties.deny,data:data5};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.tools !== undefined){
let data9 = data.tools;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key3 in data9){
if(!(validate11(data9[key3], {instancePath:instancePath+"/tools/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data9,parentDataProperty:key3,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err26 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tools.type,parentSchema:schema11.properties.tools,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.budgets !== undefined){
let data11 = data.budgets;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key4 in data11){
if(!(func2.call(schema11.properties.budgets.properties, key4))){
const err27 = {instancePath:instancePath+"/budgets",schemaPath:"#/properties/budgets/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.budgets,data:data11};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data11.max_tool_calls !== undefined){
let data12 = data11.max_tool_calls;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err28 = {instancePath:instancePath+"/budgets/max_tool_calls",schemaPath:"#/properties/budgets/properties/max_tool_calls/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.budgets.properties.max_tool_calls.type,parentSchema:schema11.properties.budgets.properties.max_tool_calls,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
const err29 = {instancePath:instancePath+"/budgets/max_tool_calls",schemaPath:"#/properties/budgets/properties/max_tool_calls/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.budgets.properties.max_tool_calls,data:data12};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
if(data11.max_turns !== undefined){
let data13 = data11.max_turns;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err30 = {instancePath:instancePath+"/budgets/max_turns",schemaPath:"#/properties/budgets/properties/max_turns/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.budgets.properties.max_turns.type,parentSchema:schema11.properties.budgets.properties.max_turns,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 0 || isNaN(data13)){
const err31 = {instancePath:instancePath+"/budgets/max_turns",schemaPath:"#/properties/budgets/properties/max_turns/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.budgets.properties.max_turns,data:data13};
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
if(data11.max_usd_per_loop !== undefined){
let data14 = data11.max_usd_per_loop;
if((typeof data14 == "number") && (isFinite(data14))){
if(data14 <= 0 || isNaN(data14)){
const err32 = {instancePath:instancePath+"/budgets/max_usd_per_loop",schemaPath:"#/properties/budgets/properties/max_usd_per_loop/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.budgets.properties.max_usd_per_loop,data:data14};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/budgets/max_usd_per_loop",schemaPath:"#/properties/budgets/properties/max_usd_per_loop/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.budgets.properties.max_usd_per_loop.type,parentSchema:schema11.properties.budgets.properties.max_usd_per_loop,data:data14};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data11.alert_usd !== undefined){
let data15 = data11.alert_usd;
if((typeof data15 == "number") && (isFinite(data15))){
if(data15 <= 0 || isNaN(data15)){
const err34 = {instancePath:instancePath+"/budgets/alert_usd",schemaPath:"#/properties/budgets/properties/alert_usd/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.budgets.properties.alert_usd,data:data15};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/budgets/alert_usd",schemaPath:"#/properties/budgets/properties/alert_usd/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.budgets.properties.alert_usd.type,parentSchema:schema11.properties.budgets.properties.alert_usd,data:data15};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data11.max_tokens_per_session !== undefined){
let data16 = data11.max_tokens_per_session;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
const err36 = {instancePath:instancePath+"/budgets/max_tokens_per_session",schemaPath:"#/properties/budgets/properties/max_tokens_per_session/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.budgets.properties.max_tokens_per_session.type,parentSchema:schema11.properties.budgets.properties.max_tokens_per_session,data:data16};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
if((typeof data16 == "number") && (isFinite(data16))){
if(data16 < 0 || isNaN(data16)){
const err37 = {instancePath:instancePath+"/budgets/max_tokens_per_session",schemaPath:"#/properties/budgets/properties/max_tokens_per_session/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.budgets.properties.max_tokens_per_session,data:data16};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
if(data11.max_sessions_per_day !== undefined){
let data17 = data11.max_sessions_per_day;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
const err38 = {instancePath:instancePath+"/budgets/max_sessions_per_day",schemaPath:"#/properties/budgets/properties/max_sessions_per_day/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.budgets.properties.max_sessions_per_day.type,parentSchema:schema11.properties.budgets.properties.max_sessions_per_day,data:data17};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if((typeof data17 == "number") && (isFinite(data17))){
if(data17 < 0 || isNaN(data17)){
const err39 = {instancePath:instancePath+"/budgets/max_sessions_per_day",schemaPath:"#/properties/budgets/properties/max_sessions_per_day/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.budgets.properties.max_sessions_per_day,data:data17};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
if(data11.max_model_calls_per_task !== undefined){
let data18 = data11.max_model_calls_per_task;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
const err40 = {instancePath:instancePath+"/budgets/max_model_calls_per_task",schemaPath:"#/properties/budgets/properties/max_model_calls_per_task/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.budgets.properties.max_model_calls_per_task.type,parentSchema:schema11.properties.budgets.properties.max_model_calls_per_task,data:data18};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if((typeof data18 == "number") && (isFinite(data18))){
if(data18 < 0 || isNaN(data18)){
const err41 = {instancePath:instancePath+"/budgets/max_model_calls_per_task",schemaPath:"#/properties/budgets/properties/max_model_calls_per_task/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.budgets.properties.max_model_calls_per_task,data:data18};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
if(data11.rate_per_minute !== undefined){
let data19 = data11.rate_per_minute;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
const err42 = {instancePath:instancePath+"/budgets/rate_per_minute",schemaPath:"#/properties/budgets/properties/rate_per_minute/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.budgets.properties.rate_per_minute.type,parentSchema:schema11.properties.budgets.properties.rate_per_minute,data:data19};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 1 || isNaN(data19)){
const err43 = {instancePath:instancePath+"/budgets/rate_per_minute",schemaPath:"#/properties/budgets/properties/rate_per_minute/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.budgets.properties.rate_per_minute,data:data19};
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
if(data11.max_concurrency !== undefined){
let data20 = data11.max_concurrency;
if(!(((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20))) && (isFinite(data20)))){
const err44 = {instancePath:instancePath+"/budgets/max_concurrency",schemaPath:"#/properties/budgets/properties/max_concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.budgets.properties.max_concurrency.type,parentSchema:schema11.properties.budgets.properties.max_concurrency,data:data20};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if((typeof data20 == "number") && (isFinite(data20))){
if(data20 < 1 || isNaN(data20)){
const err45 = {instancePath:instancePath+"/budgets/max_concurrency",schemaPath:"#/properties/budgets/properties/max_concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.budgets.properties.max_concurrency,data:data20};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
}
}
else {
const err46 = {instancePath:instancePath+"/budgets",schemaPath:"#/properties/budgets/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.budgets.type,parentSchema:schema11.properties.budgets,data:data11};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data.outputs !== undefined){
let data21 = data.outputs;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key5 in data21){
if(!(((key5 === "mode") || (key5 === "required_fields")) || (key5 === "never_emits"))){
const err47 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.outputs,data:data21};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data21.mode !== undefined){
let data22 = data21.mode;
if(typeof data22 !== "string"){
const err48 = {instancePath:instancePath+"/outputs/mode",schemaPath:"#/properties/outputs/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.properties.mode.type,parentSchema:schema11.properties.outputs.properties.mode,data:data22};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
if(!(((data22 === "direct") || (data22 === "propose_only")) || (data22 === "draft_only"))){
const err49 = {instancePath:instancePath+"/outputs/mode",schemaPath:"#/properties/outputs/properties/mode/enum",keyword:"enum",params:{allowedValues: schema11.properties.outputs.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.outputs.properties.mode.enum,parentSchema:schema11.properties.outputs.properties.mode,data:data22};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data21.required_fields !== undefined){
let data23 = data21.required_fields;
if(Array.isArray(data23)){
const len1 = data23.length;
for(let i1=0; i1<len1; i1++){
let data24 = data23[i1];
if(typeof data24 !== "string"){
const err50 = {instancePath:instancePath+"/outputs/required_fields/" + i1,schemaPath:"#/properties/outputs/properties/required_fields/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.properties.required_fields.items.type,parentSchema:schema11.properties.outputs.properties.required_fields.items,data:data24};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/outputs/required_fields",schemaPath:"#/properties/outputs/properties/required_fields/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.outputs.properties.required_fields.type,parentSchema:schema11.properties.outputs.properties.required_fields,data:data23};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data21.never_emits !== undefined){
let data25 = data21.never_emits;
if(Array.isArray(data25)){
const len2 = data25.length;
for(let i2=0; i2<len2; i2++){
let data26 = data25[i2];
if(typeof data26 === "string"){
if(func3(data26) < 1){
const err52 = {instancePath:instancePath+"/outputs/never_emits/" + i2,schemaPath:"#/properties/outputs/properties/never_emits/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.outputs.properties.never_emits.items,data:data26};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/outputs/never_emits/" + i2,schemaPath:"#/properties/outputs/properties/never_emits/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.outputs.properties.never_emits.items.type,parentSchema:schema11.properties.outputs.properties.never_emits.items,data:data26};
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
else {
const err54 = {instancePath:instancePath+"/outputs/never_emits",schemaPath:"#/properties/outputs/properties/never_emits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.outputs.properties.never_emits.type,parentSchema:schema11.properties.outputs.properties.never_emits,data:data25};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
}
else {
const err55 = {instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.outputs.type,parentSchema:schema11.properties.outputs,data:data21};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data.redaction !== undefined){
let data27 = data.redaction;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key6 in data27){
if(!(((key6 === "required") || (key6 === "rules")) || (key6 === "max_chars_to_model"))){
const err56 = {instancePath:instancePath+"/redaction",schemaPath:"#/definitions/Redaction/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data:data27};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data27.required !== undefined){
let data28 = data27.required;
if(typeof data28 !== "boolean"){
const err57 = {instancePath:instancePath+"/redaction/required",schemaPath:"#/definitions/Redaction/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema16.properties.required.type,parentSchema:schema16.properties.required,data:data28};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data27.rules !== undefined){
let data29 = data27.rules;
if(Array.isArray(data29)){
const len3 = data29.length;
for(let i3=0; i3<len3; i3++){
let data30 = data29[i3];
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.type === undefined){
const err58 = {instancePath:instancePath+"/redaction/rules/" + i3,schemaPath:"#/definitions/Redaction/properties/rules/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema16.properties.rules.items.required,parentSchema:schema16.properties.rules.items,data:data30};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
if(data30.pattern === undefined){
const err59 = {instancePath:instancePath+"/redaction/rules/" + i3,schemaPath:"#/definitions/Redaction/properties/rules/items/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema16.properties.rules.items.required,parentSchema:schema16.properties.rules.items,data:data30};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
for(const key7 in data30){
if(!(((key7 === "type") || (key7 === "pattern")) || (key7 === "replacement"))){
const err60 = {instancePath:instancePath+"/redaction/rules/" + i3,schemaPath:"#/definitions/Redaction/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema16.properties.rules.items,data:data30};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data30.type !== undefined){
let data31 = data30.type;
if(typeof data31 !== "string"){
const err61 = {instancePath:instancePath+"/redaction/rules/" + i3+"/type",schemaPath:"#/definitions/Redaction/properties/rules/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.rules.items.properties.type.type,parentSchema:schema16.properties.rules.items.properties.type,data:data31};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data30.pattern !== undefined){
let data32 = data30.pattern;
if(typeof data32 !== "string"){
const err62 = {instancePath:instancePath+"/redaction/rules/" + i3+"/pattern",schemaPath:"#/definitions/Redaction/properties/rules/items/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.rules.items.properties.pattern.type,parentSchema:schema16.properties.rules.items.properties.pattern,data:data32};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data30.replacement !== undefined){
let data33 = data30.replacement;
if(typeof data33 !== "string"){
const err63 = {instancePath:instancePath+"/redaction/rules/" + i3+"/replacement",schemaPath:"#/definitions/Redaction/properties/rules/items/properties/replacement/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.rules.items.properties.replacement.type,parentSchema:schema16.properties.rules.items.properties.replacement,data:data33};
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
else {
const err64 = {instancePath:instancePath+"/redaction/rules/" + i3,schemaPath:"#/definitions/Redaction/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.properties.rules.items.type,parentSchema:schema16.properties.rules.items,data:data30};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
}
else {
const err65 = {instancePath:instancePath+"/redaction/rules",schemaPath:"#/definitions/Redaction/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema16.properties.rules.type,parentSchema:schema16.properties.rules,data:data29};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data27.max_chars_to_model !== undefined){
let data34 = data27.max_chars_to_model;
if(!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))){
const err66 = {instancePath:instancePath+"/redaction/max_chars_to_model",schemaPath:"#/definitions/Redaction/properties/max_chars_to_model/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema16.properties.max_chars_to_model.type,parentSchema:schema16.properties.max_chars_to_model,data:data34};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if((typeof data34 == "number") && (isFinite(data34))){
if(data34 < 1 || isNaN(data34)){
const err67 = {instancePath:instancePath+"/redaction/max_chars_to_model",schemaPath:"#/definitions/Redaction/properties/max_chars_to_model/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema16.properties.max_chars_to_model,data:data34};
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
}
else {
const err68 = {instancePath:instancePath+"/redaction",schemaPath:"#/definitions/Redaction/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data:data27};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data.handoff !== undefined){
let data35 = data.handoff;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key8 in data35){
if(!((((key8 === "triggers") || (key8 === "destination")) || (key8 === "message")) || (key8 === "escalate_after_denials"))){
const err69 = {instancePath:instancePath+"/handoff",schemaPath:"#/definitions/Handoff/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data:data35};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data35.triggers !== undefined){
let data36 = data35.triggers;
if(Array.isArray(data36)){
const len4 = data36.length;
for(let i4=0; i4<len4; i4++){
let data37 = data36[i4];
if(typeof data37 === "string"){
if(func3(data37) < 1){
const err70 = {instancePath:instancePath+"/handoff/triggers/" + i4,schemaPath:"#/definitions/Handoff/properties/triggers/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.triggers.items,data:data37};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
else {
const err71 = {instancePath:instancePath+"/handoff/triggers/" + i4,schemaPath:"#/definitions/Handoff/properties/triggers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.triggers.items.type,parentSchema:schema17.properties.triggers.items,data:data37};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath:instancePath+"/handoff/triggers",schemaPath:"#/definitions/Handoff/properties/triggers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema17.properties.triggers.type,parentSchema:schema17.properties.triggers,data:data36};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data35.destination !== undefined){
let data38 = data35.destination;
if(typeof data38 === "string"){
if(func3(data38) < 1){
const err73 = {instancePath:instancePath+"/handoff/destination",schemaPath:"#/definitions/Handoff/properties/destination/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema17.properties.destination,data:data38};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
else {
const err74 = {instancePath:instancePath+"/handoff/destination",schemaPath:"#/definitions/Handoff/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.destination.type,parentSchema:schema17.properties.destination,data:data38};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data35.message !== undefined){
let data39 = data35.message;
if(typeof data39 !== "string"){
const err75 = {instancePath:instancePath+"/handoff/message",schemaPath:"#/definitions/Handoff/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.message.type,parentSchema:schema17.properties.message,data:data39};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data35.escalate_after_denials !== undefined){
let data40 = data35.escalate_after_denials;
if(!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))){
const err76 = {instancePath:instancePath+"/handoff/escalate_after_denials",schemaPath:"#/definitions/Handoff/properties/escalate_after_denials/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema17.properties.escalate_after_denials.type,parentSchema:schema17.properties.escalate_after_denials,data:data40};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
if((typeof data40 == "number") && (isFinite(data40))){
if(data40 < 1 || isNaN(data40)){
const err77 = {instancePath:instancePath+"/handoff/escalate_after_denials",schemaPath:"#/definitions/Handoff/properties/escalate_after_denials/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema17.properties.escalate_after_denials,data:data40};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
}
}
else {
const err78 = {instancePath:instancePath+"/handoff",schemaPath:"#/definitions/Handoff/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data:data35};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data.audit !== undefined){
let data41 = data.audit;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
for(const key9 in data41){
if(!((((key9 === "append_only") || (key9 === "logs")) || (key9 === "record_arguments")) || (key9 === "retention_days"))){
const err79 = {instancePath:instancePath+"/audit",schemaPath:"#/definitions/Audit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema18,data:data41};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data41.append_only !== undefined){
let data42 = data41.append_only;
if(typeof data42 !== "boolean"){
const err80 = {instancePath:instancePath+"/audit/append_only",schemaPath:"#/definitions/Audit/properties/append_only/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema18.properties.append_only.type,parentSchema:schema18.properties.append_only,data:data42};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data41.logs !== undefined){
let data43 = data41.logs;
if(Array.isArray(data43)){
const len5 = data43.length;
for(let i5=0; i5<len5; i5++){
let data44 = data43[i5];
if(typeof data44 !== "string"){
const err81 = {instancePath:instancePath+"/audit/logs/" + i5,schemaPath:"#/definitions/Audit/properties/logs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.logs.items.type,parentSchema:schema18.properties.logs.items,data:data44};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
else {
const err82 = {instancePath:instancePath+"/audit/logs",schemaPath:"#/definitions/Audit/properties/logs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.properties.logs.type,parentSchema:schema18.properties.logs,data:data43};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data41.record_arguments !== undefined){
let data45 = data41.record_arguments;
if(typeof data45 !== "string"){
const err83 = {instancePath:instancePath+"/audit/record_arguments",schemaPath:"#/definitions/Audit/properties/record_arguments/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.properties.record_arguments.type,parentSchema:schema18.properties.record_arguments,data:data45};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(!(((data45 === "digest") || (data45 === "redacted")) || (data45 === "full"))){
const err84 = {instancePath:instancePath+"/audit/record_arguments",schemaPath:"#/definitions/Audit/properties/record_arguments/enum",keyword:"enum",params:{allowedValues: schema18.properties.record_arguments.enum},message:"must be equal to one of the allowed values",schema:schema18.properties.record_arguments.enum,parentSchema:schema18.properties.record_arguments,data:data45};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data41.retention_days !== undefined){
let data46 = data41.retention_days;
if(!(((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46))) && (isFinite(data46)))){
const err85 = {instancePath:instancePath+"/audit/retention_days",schemaPath:"#/definitions/Audit/properties/retention_days/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema18.properties.retention_days.type,parentSchema:schema18.properties.retention_days,data:data46};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if((typeof data46 == "number") && (isFinite(data46))){
if(data46 < 1 || isNaN(data46)){
const err86 = {instancePath:instancePath+"/audit/retention_days",schemaPath:"#/definitions/Audit/properties/retention_days/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema18.properties.retention_days,data:data46};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
}
else {
const err87 = {instancePath:instancePath+"/audit",schemaPath:"#/definitions/Audit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema18.type,parentSchema:schema18,data:data41};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data.hash !== undefined){
let data47 = data.hash;
if(typeof data47 === "string"){
if(!pattern0.test(data47)){
const err88 = {instancePath:instancePath+"/hash",schemaPath:"#/properties/hash/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema11.properties.hash,data:data47};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
else {
const err89 = {instancePath:instancePath+"/hash",schemaPath:"#/properties/hash/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.hash.type,parentSchema:schema11.properties.hash,data:data47};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
}
else {
const err90 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

