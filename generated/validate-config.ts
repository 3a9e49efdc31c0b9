// @ts-nocheck: ajv's generated code is untyped; src/validate types what it uses.
/* Generated from schema/ by `npm run generate` (ajv standalone). Do not edit: change the schema and regenerate. */
import * as cjs0 from "ajv/dist/runtime/ucs2length.js";
const commonJs = (ns) => (ns.default !== undefined && typeof ns.default === "object" ? ns.default : ns);
export const validateConfig = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://agentspec.dev/schema/config.schema.json","title":"AgentspecConfig","description":"agentspec.config.json: how `agentspec lint` runs in this directory and below. Rule ids are checked against the registered rules when the file is loaded.","type":"object","additionalProperties":false,"properties":{"$schema":{"type":"string","description":"Path or URL of this schema, for editors."},"rules":{"type":"object","description":"Severity by rule id: \"off\" turns a rule off, \"warn\" and \"error\" override its default severity.","additionalProperties":{"$ref":"#/definitions/RuleSetting"}},"options":{"$ref":"#/definitions/RuleOptions"},"ignore":{"type":"array","description":"Glob patterns of files to leave out when a directory is searched, relative to the searched directory (start with **/ to match at any depth). A file named on the command line is always read.","items":{"type":"string","minLength":1}}},"definitions":{"RuleSetting":{"enum":["off","warn","error"],"description":"off: the rule does not run; warn: its findings are warnings; error: its findings are errors."},"RuleOptions":{"type":"object","description":"Options some rules read.","additionalProperties":false,"properties":{"staleReviewDays":{"type":"integer","minimum":1,"description":"How many days after agent.last_reviewed a spec counts as stale (stale-review). Default 180."}}}}};
const schema12 = {"enum":["off","warn","error"],"description":"off: the rule does not run; warn: its findings are warnings; error: its findings are errors."};
const schema13 = {"type":"object","description":"Options some rules read.","additionalProperties":false,"properties":{"staleReviewDays":{"type":"integer","minimum":1,"description":"How many days after agent.last_reviewed a spec counts as stale (stale-review). Default 180."}}};
const func2 = commonJs(cjs0).default;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://agentspec.dev/schema/config.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "$schema") || (key0 === "rules")) || (key0 === "options")) || (key0 === "ignore"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.rules !== undefined){
let data1 = data.rules;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
let data2 = data1[key1];
if(!(((data2 === "off") || (data2 === "warn")) || (data2 === "error"))){
const err2 = {instancePath:instancePath+"/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/RuleSetting/enum",keyword:"enum",params:{allowedValues: schema12.enum},message:"must be equal to one of the allowed values",schema:schema12.enum,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.type,parentSchema:schema11.properties.rules,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.options !== undefined){
let data3 = data.options;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key2 in data3){
if(!(key2 === "staleReviewDays")){
const err4 = {instancePath:instancePath+"/options",schemaPath:"#/definitions/RuleOptions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data3.staleReviewDays !== undefined){
let data4 = data3.staleReviewDays;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err5 = {instancePath:instancePath+"/options/staleReviewDays",schemaPath:"#/definitions/RuleOptions/properties/staleReviewDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.properties.staleReviewDays.type,parentSchema:schema13.properties.staleReviewDays,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 1 || isNaN(data4)){
const err6 = {instancePath:instancePath+"/options/staleReviewDays",schemaPath:"#/definitions/RuleOptions/properties/staleReviewDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema13.properties.staleReviewDays,data:data4};
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
}
else {
const err7 = {instancePath:instancePath+"/options",schemaPath:"#/definitions/RuleOptions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.ignore !== undefined){
let data5 = data.ignore;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 === "string"){
if(func2(data6) < 1){
const err8 = {instancePath:instancePath+"/ignore/" + i0,schemaPath:"#/properties/ignore/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ignore.items,data:data6};
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
const err9 = {instancePath:instancePath+"/ignore/" + i0,schemaPath:"#/properties/ignore/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ignore.items.type,parentSchema:schema11.properties.ignore.items,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/ignore",schemaPath:"#/properties/ignore/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.ignore.type,parentSchema:schema11.properties.ignore,data:data5};
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
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

