// @ts-nocheck: ajv's generated code is untyped; src/validate types what it uses.
/* Generated from schema/ by `npm run generate` (ajv standalone). Do not edit: change the schema and regenerate. */
import * as cjs0 from "ajv/dist/runtime/ucs2length.js";
import * as cjs1 from "ajv-formats/dist/formats.js";
const commonJs = (ns) => (ns.default !== undefined && typeof ns.default === "object" ? ns.default : ns);
export const validateAgentazInput = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://agentspec.dev/schema/agentaz-input-1.0.schema.json","title":"AgentAzInput","description":"What agentspec reads from an AgentAz v1.0 agentaz.json: the fields AgentAz requires, and the shape of the boundary objects agentspec maps into its model. Unknown fields are allowed, as AgentAz allows them.","type":"object","required":["agent_id","version","trust_level","worst_case_action","authority_boundary","tool_boundary","last_reviewed"],"properties":{"$schema":{"type":"string","description":"The AgentAz schema the file names."},"agent_id":{"type":"string","minLength":1,"description":"Stable identifier for the agent."},"version":{"type":"string","minLength":1,"description":"Spec instance version for this agent."},"trust_level":{"type":"string","enum":["A0","A1","A2","A3","A4","A5"],"description":"Declared authority class by worst-case action."},"dna_pattern":{"type":"string","enum":["Research","Evaluation","Extraction","Planning","Synthesis","Execution","Escalation","Delegation","Autonomous"],"description":"The agent's behavioural pattern."},"worst_case_action":{"type":"string","description":"The single most consequential action the agent can take."},"authority_boundary":{"type":"string","description":"What the agent is and is not authorized to do."},"last_reviewed":{"type":"string","format":"date","description":"The date of the last review (YYYY-MM-DD)."},"tags":{"type":"array","items":{"type":"string"},"description":"Free-form tags."},"tool_boundary":{"type":"object","description":"Allowed tools, execution gating, and approval-required actions.","properties":{"allowed_tools":{"type":"array","items":{"type":"string","minLength":1},"description":"Tools the agent may call (first shape)."},"auto_executable_tools":{"type":"array","items":{"type":"string","minLength":1},"description":"Tools that run without approval (second shape)."},"approval_required_tools":{"type":"array","items":{"type":"string","minLength":1},"description":"Tools that run only after human approval."},"execution_tools_absent":{"type":"boolean","description":"true declares that no state-changing tools exist."},"read_only":{"type":"boolean","description":"true declares that every tool only reads."},"rollback_required":{"type":"boolean","description":"Every executed action must have a rollback."},"branch_isolated":{"type":"boolean","description":"Changes are made on an isolated branch."}}},"output_boundary":{"type":"object","description":"Output format and what the agent never emits.","properties":{"format":{"type":"string","description":"The output format."},"never_emits":{"type":"array","items":{"type":"string","minLength":1},"description":"Actions the output must never contain."},"never_without_approval":{"type":"array","items":{"type":"string","minLength":1},"description":"Actions never emitted without approval."}}},"cost_boundary":{"type":"object","description":"Per-loop cost ceiling.","properties":{"max_usd_per_trace_loop":{"type":"number","exclusiveMinimum":0,"description":"Cost ceiling per trace loop, USD."},"alert_threshold_usd":{"type":"number","exclusiveMinimum":0,"description":"Cost at which an alert fires, USD."}}},"loop_boundary":{"type":"object","description":"Maximum reasoning turns.","properties":{"max_reasoning_turns":{"type":"integer","minimum":0,"description":"The most reasoning turns per run."}}},"human_handoff":{"type":"object","description":"Escalation triggers and destination.","properties":{"triggers":{"type":"array","items":{"type":"string","minLength":1},"description":"What hands over to a human."},"destination":{"type":"string","description":"Who receives the handoff."}}},"audit":{"type":"object","description":"Append-only logging requirements.","properties":{"append_only":{"type":"boolean","description":"Records are append-only."},"logs":{"type":"array","items":{"type":"string"},"description":"What is logged."}}}},"additionalProperties":true};
const func2 = commonJs(cjs0).default;
const formats0 = commonJs(cjs1).fullFormats.date;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://agentspec.dev/schema/agentaz-input-1.0.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.agent_id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "agent_id"},message:"must have required property '"+"agent_id"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.version === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.trust_level === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "trust_level"},message:"must have required property '"+"trust_level"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.worst_case_action === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "worst_case_action"},message:"must have required property '"+"worst_case_action"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.authority_boundary === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "authority_boundary"},message:"must have required property '"+"authority_boundary"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.tool_boundary === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tool_boundary"},message:"must have required property '"+"tool_boundary"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data.last_reviewed === undefined){
const err6 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "last_reviewed"},message:"must have required property '"+"last_reviewed"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err7 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.agent_id !== undefined){
let data1 = data.agent_id;
if(typeof data1 === "string"){
if(func2(data1) < 1){
const err8 = {instancePath:instancePath+"/agent_id",schemaPath:"#/properties/agent_id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.agent_id,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/agent_id",schemaPath:"#/properties/agent_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.agent_id.type,parentSchema:schema11.properties.agent_id,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.version !== undefined){
let data2 = data.version;
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err10 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.version,data:data2};
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
const err11 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.version.type,parentSchema:schema11.properties.version,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.trust_level !== undefined){
let data3 = data.trust_level;
if(typeof data3 !== "string"){
const err12 = {instancePath:instancePath+"/trust_level",schemaPath:"#/properties/trust_level/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.trust_level.type,parentSchema:schema11.properties.trust_level,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if(!((((((data3 === "A0") || (data3 === "A1")) || (data3 === "A2")) || (data3 === "A3")) || (data3 === "A4")) || (data3 === "A5"))){
const err13 = {instancePath:instancePath+"/trust_level",schemaPath:"#/properties/trust_level/enum",keyword:"enum",params:{allowedValues: schema11.properties.trust_level.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.trust_level.enum,parentSchema:schema11.properties.trust_level,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.dna_pattern !== undefined){
let data4 = data.dna_pattern;
if(typeof data4 !== "string"){
const err14 = {instancePath:instancePath+"/dna_pattern",schemaPath:"#/properties/dna_pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.dna_pattern.type,parentSchema:schema11.properties.dna_pattern,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!(((((((((data4 === "Research") || (data4 === "Evaluation")) || (data4 === "Extraction")) || (data4 === "Planning")) || (data4 === "Synthesis")) || (data4 === "Execution")) || (data4 === "Escalation")) || (data4 === "Delegation")) || (data4 === "Autonomous"))){
const err15 = {instancePath:instancePath+"/dna_pattern",schemaPath:"#/properties/dna_pattern/enum",keyword:"enum",params:{allowedValues: schema11.properties.dna_pattern.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.dna_pattern.enum,parentSchema:schema11.properties.dna_pattern,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.worst_case_action !== undefined){
let data5 = data.worst_case_action;
if(typeof data5 !== "string"){
const err16 = {instancePath:instancePath+"/worst_case_action",schemaPath:"#/properties/worst_case_action/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.worst_case_action.type,parentSchema:schema11.properties.worst_case_action,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.authority_boundary !== undefined){
let data6 = data.authority_boundary;
if(typeof data6 !== "string"){
const err17 = {instancePath:instancePath+"/authority_boundary",schemaPath:"#/properties/authority_boundary/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.authority_boundary.type,parentSchema:schema11.properties.authority_boundary,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.last_reviewed !== undefined){
let data7 = data.last_reviewed;
if(typeof data7 === "string"){
if(!(formats0.validate(data7))){
const err18 = {instancePath:instancePath+"/last_reviewed",schemaPath:"#/properties/last_reviewed/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema11.properties.last_reviewed,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/last_reviewed",schemaPath:"#/properties/last_reviewed/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.last_reviewed.type,parentSchema:schema11.properties.last_reviewed,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.tags !== undefined){
let data8 = data.tags;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
let data9 = data8[i0];
if(typeof data9 !== "string"){
const err20 = {instancePath:instancePath+"/tags/" + i0,schemaPath:"#/properties/tags/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tags.items.type,parentSchema:schema11.properties.tags.items,data:data9};
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
const err21 = {instancePath:instancePath+"/tags",schemaPath:"#/properties/tags/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tags.type,parentSchema:schema11.properties.tags,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.tool_boundary !== undefined){
let data10 = data.tool_boundary;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.allowed_tools !== undefined){
let data11 = data10.allowed_tools;
if(Array.isArray(data11)){
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
let data12 = data11[i1];
if(typeof data12 === "string"){
if(func2(data12) < 1){
const err22 = {instancePath:instancePath+"/tool_boundary/allowed_tools/" + i1,schemaPath:"#/properties/tool_boundary/properties/allowed_tools/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tool_boundary.properties.allowed_tools.items,data:data12};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/tool_boundary/allowed_tools/" + i1,schemaPath:"#/properties/tool_boundary/properties/allowed_tools/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tool_boundary.properties.allowed_tools.items.type,parentSchema:schema11.properties.tool_boundary.properties.allowed_tools.items,data:data12};
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
const err24 = {instancePath:instancePath+"/tool_boundary/allowed_tools",schemaPath:"#/properties/tool_boundary/properties/allowed_tools/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tool_boundary.properties.allowed_tools.type,parentSchema:schema11.properties.tool_boundary.properties.allowed_tools,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data10.auto_executable_tools !== undefined){
let data13 = data10.auto_executable_tools;
if(Array.isArray(data13)){
const len2 = data13.length;
for(let i2=0; i2<len2; i2++){
let data14 = data13[i2];
if(typeof data14 === "string"){
if(func2(data14) < 1){
const err25 = {instancePath:instancePath+"/tool_boundary/auto_executable_tools/" + i2,schemaPath:"#/properties/tool_boundary/properties/auto_executable_tools/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tool_boundary.properties.auto_executable_tools.items,data:data14};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/tool_boundary/auto_executable_tools/" + i2,schemaPath:"#/properties/tool_boundary/properties/auto_executable_tools/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tool_boundary.properties.auto_executable_tools.items.type,parentSchema:schema11.properties.tool_boundary.properties.auto_executable_tools.items,data:data14};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/tool_boundary/auto_executable_tools",schemaPath:"#/properties/tool_boundary/properties/auto_executable_tools/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tool_boundary.properties.auto_executable_tools.type,parentSchema:schema11.properties.tool_boundary.properties.auto_executable_tools,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data10.approval_required_tools !== undefined){
let data15 = data10.approval_required_tools;
if(Array.isArray(data15)){
const len3 = data15.length;
for(let i3=0; i3<len3; i3++){
let data16 = data15[i3];
if(typeof data16 === "string"){
if(func2(data16) < 1){
const err28 = {instancePath:instancePath+"/tool_boundary/approval_required_tools/" + i3,schemaPath:"#/properties/tool_boundary/properties/approval_required_tools/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.tool_boundary.properties.approval_required_tools.items,data:data16};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/tool_boundary/approval_required_tools/" + i3,schemaPath:"#/properties/tool_boundary/properties/approval_required_tools/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.tool_boundary.properties.approval_required_tools.items.type,parentSchema:schema11.properties.tool_boundary.properties.approval_required_tools.items,data:data16};
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
else {
const err30 = {instancePath:instancePath+"/tool_boundary/approval_required_tools",schemaPath:"#/properties/tool_boundary/properties/approval_required_tools/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.tool_boundary.properties.approval_required_tools.type,parentSchema:schema11.properties.tool_boundary.properties.approval_required_tools,data:data15};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data10.execution_tools_absent !== undefined){
let data17 = data10.execution_tools_absent;
if(typeof data17 !== "boolean"){
const err31 = {instancePath:instancePath+"/tool_boundary/execution_tools_absent",schemaPath:"#/properties/tool_boundary/properties/execution_tools_absent/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.tool_boundary.properties.execution_tools_absent.type,parentSchema:schema11.properties.tool_boundary.properties.execution_tools_absent,data:data17};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data10.read_only !== undefined){
let data18 = data10.read_only;
if(typeof data18 !== "boolean"){
const err32 = {instancePath:instancePath+"/tool_boundary/read_only",schemaPath:"#/properties/tool_boundary/properties/read_only/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.tool_boundary.properties.read_only.type,parentSchema:schema11.properties.tool_boundary.properties.read_only,data:data18};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data10.rollback_required !== undefined){
let data19 = data10.rollback_required;
if(typeof data19 !== "boolean"){
const err33 = {instancePath:instancePath+"/tool_boundary/rollback_required",schemaPath:"#/properties/tool_boundary/properties/rollback_required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.tool_boundary.properties.rollback_required.type,parentSchema:schema11.properties.tool_boundary.properties.rollback_required,data:data19};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data10.branch_isolated !== undefined){
let data20 = data10.branch_isolated;
if(typeof data20 !== "boolean"){
const err34 = {instancePath:instancePath+"/tool_boundary/branch_isolated",schemaPath:"#/properties/tool_boundary/properties/branch_isolated/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.tool_boundary.properties.branch_isolated.type,parentSchema:schema11.properties.tool_boundary.properties.branch_isolated,data:data20};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/tool_boundary",schemaPath:"#/properties/tool_boundary/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.tool_boundary.type,parentSchema:schema11.properties.tool_boundary,data:data10};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.output_boundary !== undefined){
let data21 = data.output_boundary;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.format !== undefined){
let data22 = data21.format;
if(typeof data22 !== "string"){
const err36 = {instancePath:instancePath+"/output_boundary/format",schemaPath:"#/properties/output_boundary/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.output_boundary.properties.format.type,parentSchema:schema11.properties.output_boundary.properties.format,data:data22};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data21.never_emits !== undefined){
let data23 = data21.never_emits;
if(Array.isArray(data23)){
const len4 = data23.length;
for(let i4=0; i4<len4; i4++){
let data24 = data23[i4];
if(typeof data24 === "string"){
if(func2(data24) < 1){
const err37 = {instancePath:instancePath+"/output_boundary/never_emits/" + i4,schemaPath:"#/properties/output_boundary/properties/never_emits/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.output_boundary.properties.never_emits.items,data:data24};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
else {
const err38 = {instancePath:instancePath+"/output_boundary/never_emits/" + i4,schemaPath:"#/properties/output_boundary/properties/never_emits/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.output_boundary.properties.never_emits.items.type,parentSchema:schema11.properties.output_boundary.properties.never_emits.items,data:data24};
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
const err39 = {instancePath:instancePath+"/output_boundary/never_emits",schemaPath:"#/properties/output_boundary/properties/never_emits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.output_boundary.properties.never_emits.type,parentSchema:schema11.properties.output_boundary.properties.never_emits,data:data23};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data21.never_without_approval !== undefined){
let data25 = data21.never_without_approval;
if(Array.isArray(data25)){
const len5 = data25.length;
for(let i5=0; i5<len5; i5++){
let data26 = data25[i5];
if(typeof data26 === "string"){
if(func2(data26) < 1){
const err40 = {instancePath:instancePath+"/output_boundary/never_without_approval/" + i5,schemaPath:"#/properties/output_boundary/properties/never_without_approval/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.output_boundary.properties.never_without_approval.items,data:data26};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/output_boundary/never_without_approval/" + i5,schemaPath:"#/properties/output_boundary/properties/never_without_approval/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.output_boundary.properties.never_without_approval.items.type,parentSchema:schema11.properties.output_boundary.properties.never_without_approval.items,data:data26};
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
else {
const err42 = {instancePath:instancePath+"/output_boundary/never_without_approval",schemaPath:"#/properties/output_boundary/properties/never_without_approval/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.output_boundary.properties.never_without_approval.type,parentSchema:schema11.properties.output_boundary.properties.never_without_approval,data:data25};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/output_boundary",schemaPath:"#/properties/output_boundary/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.output_boundary.type,parentSchema:schema11.properties.output_boundary,data:data21};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.cost_boundary !== undefined){
let data27 = data.cost_boundary;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.max_usd_per_trace_loop !== undefined){
let data28 = data27.max_usd_per_trace_loop;
if((typeof data28 == "number") && (isFinite(data28))){
if(data28 <= 0 || isNaN(data28)){
const err44 = {instancePath:instancePath+"/cost_boundary/max_usd_per_trace_loop",schemaPath:"#/properties/cost_boundary/properties/max_usd_per_trace_loop/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.cost_boundary.properties.max_usd_per_trace_loop,data:data28};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/cost_boundary/max_usd_per_trace_loop",schemaPath:"#/properties/cost_boundary/properties/max_usd_per_trace_loop/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.cost_boundary.properties.max_usd_per_trace_loop.type,parentSchema:schema11.properties.cost_boundary.properties.max_usd_per_trace_loop,data:data28};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data27.alert_threshold_usd !== undefined){
let data29 = data27.alert_threshold_usd;
if((typeof data29 == "number") && (isFinite(data29))){
if(data29 <= 0 || isNaN(data29)){
const err46 = {instancePath:instancePath+"/cost_boundary/alert_threshold_usd",schemaPath:"#/properties/cost_boundary/properties/alert_threshold_usd/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties.cost_boundary.properties.alert_threshold_usd,data:data29};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/cost_boundary/alert_threshold_usd",schemaPath:"#/properties/cost_boundary/properties/alert_threshold_usd/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.cost_boundary.properties.alert_threshold_usd.type,parentSchema:schema11.properties.cost_boundary.properties.alert_threshold_usd,data:data29};
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
const err48 = {instancePath:instancePath+"/cost_boundary",schemaPath:"#/properties/cost_boundary/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.cost_boundary.type,parentSchema:schema11.properties.cost_boundary,data:data27};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data.loop_boundary !== undefined){
let data30 = data.loop_boundary;
if(data30 && typeof data30 == "object" && !Array.isArray(data30)){
if(data30.max_reasoning_turns !== undefined){
let data31 = data30.max_reasoning_turns;
if(!(((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31))) && (isFinite(data31)))){
const err49 = {instancePath:instancePath+"/loop_boundary/max_reasoning_turns",schemaPath:"#/properties/loop_boundary/properties/max_reasoning_turns/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.loop_boundary.properties.max_reasoning_turns.type,parentSchema:schema11.properties.loop_boundary.properties.max_reasoning_turns,data:data31};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
if((typeof data31 == "number") && (isFinite(data31))){
if(data31 < 0 || isNaN(data31)){
const err50 = {instancePath:instancePath+"/loop_boundary/max_reasoning_turns",schemaPath:"#/properties/loop_boundary/properties/max_reasoning_turns/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.loop_boundary.properties.max_reasoning_turns,data:data31};
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
}
else {
const err51 = {instancePath:instancePath+"/loop_boundary",schemaPath:"#/properties/loop_boundary/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.loop_boundary.type,parentSchema:schema11.properties.loop_boundary,data:data30};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.human_handoff !== undefined){
let data32 = data.human_handoff;
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.triggers !== undefined){
let data33 = data32.triggers;
if(Array.isArray(data33)){
const len6 = data33.length;
for(let i6=0; i6<len6; i6++){
let data34 = data33[i6];
if(typeof data34 === "string"){
if(func2(data34) < 1){
const err52 = {instancePath:instancePath+"/human_handoff/triggers/" + i6,schemaPath:"#/properties/human_handoff/properties/triggers/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.human_handoff.properties.triggers.items,data:data34};
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
const err53 = {instancePath:instancePath+"/human_handoff/triggers/" + i6,schemaPath:"#/properties/human_handoff/properties/triggers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.human_handoff.properties.triggers.items.type,parentSchema:schema11.properties.human_handoff.properties.triggers.items,data:data34};
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
const err54 = {instancePath:instancePath+"/human_handoff/triggers",schemaPath:"#/properties/human_handoff/properties/triggers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.human_handoff.properties.triggers.type,parentSchema:schema11.properties.human_handoff.properties.triggers,data:data33};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data32.destination !== undefined){
let data35 = data32.destination;
if(typeof data35 !== "string"){
const err55 = {instancePath:instancePath+"/human_handoff/destination",schemaPath:"#/properties/human_handoff/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.human_handoff.properties.destination.type,parentSchema:schema11.properties.human_handoff.properties.destination,data:data35};
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
else {
const err56 = {instancePath:instancePath+"/human_handoff",schemaPath:"#/properties/human_handoff/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.human_handoff.type,parentSchema:schema11.properties.human_handoff,data:data32};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data.audit !== undefined){
let data36 = data.audit;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
if(data36.append_only !== undefined){
let data37 = data36.append_only;
if(typeof data37 !== "boolean"){
const err57 = {instancePath:instancePath+"/audit/append_only",schemaPath:"#/properties/audit/properties/append_only/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.audit.properties.append_only.type,parentSchema:schema11.properties.audit.properties.append_only,data:data37};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data36.logs !== undefined){
let data38 = data36.logs;
if(Array.isArray(data38)){
const len7 = data38.length;
for(let i7=0; i7<len7; i7++){
let data39 = data38[i7];
if(typeof data39 !== "string"){
const err58 = {instancePath:instancePath+"/audit/logs/" + i7,schemaPath:"#/properties/audit/properties/logs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.audit.properties.logs.items.type,parentSchema:schema11.properties.audit.properties.logs.items,data:data39};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/audit/logs",schemaPath:"#/properties/audit/properties/logs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.audit.properties.logs.type,parentSchema:schema11.properties.audit.properties.logs,data:data38};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/audit",schemaPath:"#/properties/audit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.audit.type,parentSchema:schema11.properties.audit,data:data36};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
else {
const err61 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

