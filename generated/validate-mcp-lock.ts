// @ts-nocheck: ajv's generated code is untyped; src/validate types what it uses.
/* Generated from schema/ by `npm run generate` (ajv standalone). Do not edit: change the schema and regenerate. */
import * as cjs0 from "ajv/dist/runtime/ucs2length.js";
const commonJs = (ns) => (ns.default !== undefined && typeof ns.default === "object" ? ns.default : ns);
export const validateMcpLock = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://agentspec.dev/schema/mcp-lock-2.schema.json","title":"McpLock","description":"The tool definitions an agentspec spec was reviewed against, as `agentspec mcp lock` wrote them from the spec's MCP servers: `agentspec mcp check` reports every tool whose definition differs, and a gateway can refuse it.","type":"object","required":["format","servers"],"additionalProperties":false,"properties":{"format":{"type":"string","const":"agentspec-mcp-lock/2","description":"The lock format version. Format 2 pins every member of a tool but its name; a lock of format 1 (title, description, schemas and annotations only) is refused: write it again with `agentspec mcp lock`."},"servers":{"type":"object","description":"One entry per server of the spec's mcp section, keyed by its name there.","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/LockedServer"}}},"definitions":{"Hash":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$","description":"sha256: and the hex SHA-256 of the RFC 8785 canonical JSON of the value."},"LockedServer":{"type":"object","description":"What the server said it was when the lock was written, and its tools.","required":["name","version","protocol_version","tools"],"additionalProperties":false,"properties":{"name":{"type":"string","description":"The server's serverInfo.name."},"version":{"type":"string","description":"The server's serverInfo.version."},"protocol_version":{"type":"string","description":"The MCP protocol version the server answered initialize with."},"tools":{"type":"object","description":"Every tool the server listed, keyed by its name on the server (without the spec's prefix).","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/LockedTool"}}}},"LockedTool":{"type":"object","description":"One tool's definition, pinned.","required":["hash","parts"],"additionalProperties":false,"properties":{"hash":{"$ref":"#/definitions/Hash","description":"The hash of the tool's canonical definition: every member the server listed for it except its name (title, description, inputSchema, outputSchema, annotations, execution, icons, _meta and any other), as one JSON object."},"parts":{"type":"object","description":"The hash of each member the definition has, keyed by the member's name, so a change can be named.","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/Hash"}},"definition":{"type":"object","description":"The canonical definition itself (every member but the name), so a reviewer reads what was pinned and a change can be shown; left out when it is larger than 64 KiB.","additionalProperties":true,"properties":{"title":{"type":"string","description":"The tool's title."},"description":{"type":"string","description":"The tool's description."},"inputSchema":{"type":"object","description":"The tool's input JSON Schema."},"outputSchema":{"type":"object","description":"The tool's output JSON Schema."},"annotations":{"type":"object","description":"The tool's annotations (hints the server chose)."},"execution":{"type":"object","description":"How the tool runs (taskSupport): changes how a client invokes it."},"icons":{"type":"array","description":"The icons a client shows for the tool."},"_meta":{"type":"object","description":"The tool's _meta, which clients and extensions may read."}},"propertyNames":{"minLength":1,"not":{"const":"name"}}}}}}};
const func2 = commonJs(cjs0).default;
const schema12 = {"type":"object","description":"What the server said it was when the lock was written, and its tools.","required":["name","version","protocol_version","tools"],"additionalProperties":false,"properties":{"name":{"type":"string","description":"The server's serverInfo.name."},"version":{"type":"string","description":"The server's serverInfo.version."},"protocol_version":{"type":"string","description":"The MCP protocol version the server answered initialize with."},"tools":{"type":"object","description":"Every tool the server listed, keyed by its name on the server (without the spec's prefix).","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/LockedTool"}}}};
const schema13 = {"type":"object","description":"One tool's definition, pinned.","required":["hash","parts"],"additionalProperties":false,"properties":{"hash":{"$ref":"#/definitions/Hash","description":"The hash of the tool's canonical definition: every member the server listed for it except its name (title, description, inputSchema, outputSchema, annotations, execution, icons, _meta and any other), as one JSON object."},"parts":{"type":"object","description":"The hash of each member the definition has, keyed by the member's name, so a change can be named.","propertyNames":{"minLength":1},"additionalProperties":{"$ref":"#/definitions/Hash"}},"definition":{"type":"object","description":"The canonical definition itself (every member but the name), so a reviewer reads what was pinned and a change can be shown; left out when it is larger than 64 KiB.","additionalProperties":true,"properties":{"title":{"type":"string","description":"The tool's title."},"description":{"type":"string","description":"The tool's description."},"inputSchema":{"type":"object","description":"The tool's input JSON Schema."},"outputSchema":{"type":"object","description":"The tool's output JSON Schema."},"annotations":{"type":"object","description":"The tool's annotations (hints the server chose)."},"execution":{"type":"object","description":"How the tool runs (taskSupport): changes how a client invokes it."},"icons":{"type":"array","description":"The icons a client shows for the tool."},"_meta":{"type":"object","description":"The tool's _meta, which clients and extensions may read."}},"propertyNames":{"minLength":1,"not":{"const":"name"}}}}};
const schema14 = {"type":"string","pattern":"^sha256:[0-9a-f]{64}$","description":"sha256: and the hex SHA-256 of the RFC 8785 canonical JSON of the value."};
const pattern0 = new RegExp("^sha256:[0-9a-f]{64}$", "u");

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.hash === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "hash"},message:"must have required property '"+"hash"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.parts === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "parts"},message:"must have required property '"+"parts"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "hash") || (key0 === "parts")) || (key0 === "definition"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.hash !== undefined){
let data0 = data.hash;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err3 = {instancePath:instancePath+"/hash",schemaPath:"#/definitions/Hash/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/hash",schemaPath:"#/definitions/Hash/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.parts !== undefined){
let data1 = data.parts;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs7 = errors;
if(typeof key1 === "string"){
if(func2(key1) < 1){
const err5 = {instancePath:instancePath+"/parts",schemaPath:"#/properties/parts/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.parts.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var valid2 = _errs7 === errors;
if(!valid2){
const err6 = {instancePath:instancePath+"/parts",schemaPath:"#/properties/parts/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema13.properties.parts.propertyNames,parentSchema:schema13.properties.parts,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
for(const key2 in data1){
let data2 = data1[key2];
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
const err7 = {instancePath:instancePath+"/parts/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Hash/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/parts/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Hash/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/parts",schemaPath:"#/properties/parts/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.parts.type,parentSchema:schema13.properties.parts,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.definition !== undefined){
let data3 = data.definition;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key3 in data3){
const _errs14 = errors;
const _errs15 = errors;
const _errs16 = errors;
if("name" !== key3){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var valid6 = _errs16 === errors;
if(valid6){
const err11 = {instancePath:instancePath+"/definition",schemaPath:"#/properties/definition/propertyNames/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema13.properties.definition.propertyNames.not,parentSchema:schema13.properties.definition.propertyNames,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
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
if(typeof key3 === "string"){
if(func2(key3) < 1){
const err12 = {instancePath:instancePath+"/definition",schemaPath:"#/properties/definition/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13.properties.definition.propertyNames,data:key3,propertyName:key3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var valid5 = _errs14 === errors;
if(!valid5){
const err13 = {instancePath:instancePath+"/definition",schemaPath:"#/properties/definition/propertyNames",keyword:"propertyNames",params:{propertyName: key3},message:"property name must be valid",schema:schema13.properties.definition.propertyNames,parentSchema:schema13.properties.definition,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.title !== undefined){
let data4 = data3.title;
if(typeof data4 !== "string"){
const err14 = {instancePath:instancePath+"/definition/title",schemaPath:"#/properties/definition/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.definition.properties.title.type,parentSchema:schema13.properties.definition.properties.title,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.description !== undefined){
let data5 = data3.description;
if(typeof data5 !== "string"){
const err15 = {instancePath:instancePath+"/definition/description",schemaPath:"#/properties/definition/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.definition.properties.description.type,parentSchema:schema13.properties.definition.properties.description,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data3.inputSchema !== undefined){
let data6 = data3.inputSchema;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err16 = {instancePath:instancePath+"/definition/inputSchema",schemaPath:"#/properties/definition/properties/inputSchema/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.definition.properties.inputSchema.type,parentSchema:schema13.properties.definition.properties.inputSchema,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data3.outputSchema !== undefined){
let data7 = data3.outputSchema;
if(!(data7 && typeof data7 == "object" && !Array.isArray(data7))){
const err17 = {instancePath:instancePath+"/definition/outputSchema",schemaPath:"#/properties/definition/properties/outputSchema/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.definition.properties.outputSchema.type,parentSchema:schema13.properties.definition.properties.outputSchema,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data3.annotations !== undefined){
let data8 = data3.annotations;
if(!(data8 && typeof data8 == "object" && !Array.isArray(data8))){
const err18 = {instancePath:instancePath+"/definition/annotations",schemaPath:"#/properties/definition/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.definition.properties.annotations.type,parentSchema:schema13.properties.definition.properties.annotations,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data3.execution !== undefined){
let data9 = data3.execution;
if(!(data9 && typeof data9 == "object" && !Array.isArray(data9))){
const err19 = {instancePath:instancePath+"/definition/execution",schemaPath:"#/properties/definition/properties/execution/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.definition.properties.execution.type,parentSchema:schema13.properties.definition.properties.execution,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data3.icons !== undefined){
let data10 = data3.icons;
if(!(Array.isArray(data10))){
const err20 = {instancePath:instancePath+"/definition/icons",schemaPath:"#/properties/definition/properties/icons/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.definition.properties.icons.type,parentSchema:schema13.properties.definition.properties.icons,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data3._meta !== undefined){
let data11 = data3._meta;
if(!(data11 && typeof data11 == "object" && !Array.isArray(data11))){
const err21 = {instancePath:instancePath+"/definition/_meta",schemaPath:"#/properties/definition/properties/_meta/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.definition.properties._meta.type,parentSchema:schema13.properties.definition.properties._meta,data:data11};
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
const err22 = {instancePath:instancePath+"/definition",schemaPath:"#/properties/definition/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.definition.type,parentSchema:schema13.properties.definition,data:data3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
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
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.version === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.protocol_version === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "protocol_version"},message:"must have required property '"+"protocol_version"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.tools === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tools"},message:"must have required property '"+"tools"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "name") || (key0 === "version")) || (key0 === "protocol_version")) || (key0 === "tools"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.name.type,parentSchema:schema12.properties.name,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.version !== undefined){
let data1 = data.version;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.version.type,parentSchema:schema12.properties.version,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.protocol_version !== undefined){
let data2 = data.protocol_version;
if(typeof data2 !== "string"){
const err7 = {instancePath:instancePath+"/protocol_version",schemaPath:"#/properties/protocol_version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.protocol_version.type,parentSchema:schema12.properties.protocol_version,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.tools !== undefined){
let data3 = data.tools;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
const _errs10 = errors;
if(typeof key1 === "string"){
if(func2(key1) < 1){
const err8 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.tools.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
var valid1 = _errs10 === errors;
if(!valid1){
const err9 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema12.properties.tools.propertyNames,parentSchema:schema12.properties.tools,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
for(const key2 in data3){
if(!(validate12(data3[key2], {instancePath:instancePath+"/tools/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data3,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
}
else {
const err10 = {instancePath:instancePath+"/tools",schemaPath:"#/properties/tools/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.tools.type,parentSchema:schema12.properties.tools,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://agentspec.dev/schema/mcp-lock-2.schema.json" */;
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
if(data.servers === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "servers"},message:"must have required property '"+"servers"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "format") || (key0 === "servers"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
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
let data0 = data.format;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.format.type,parentSchema:schema11.properties.format,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if("agentspec-mcp-lock/2" !== data0){
const err4 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/const",keyword:"const",params:{allowedValue: "agentspec-mcp-lock/2"},message:"must be equal to constant",schema:"agentspec-mcp-lock/2",parentSchema:schema11.properties.format,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.servers !== undefined){
let data1 = data.servers;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
const _errs6 = errors;
if(typeof key1 === "string"){
if(func2(key1) < 1){
const err5 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/propertyNames/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.servers.propertyNames,data:key1,propertyName:key1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var valid1 = _errs6 === errors;
if(!valid1){
const err6 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/propertyNames",keyword:"propertyNames",params:{propertyName: key1},message:"property name must be valid",schema:schema11.properties.servers.propertyNames,parentSchema:schema11.properties.servers,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
for(const key2 in data1){
if(!(validate11(data1[key2], {instancePath:instancePath+"/servers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data1,parentDataProperty:key2,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err7 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.servers.type,parentSchema:schema11.properties.servers,data:data1};
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
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

