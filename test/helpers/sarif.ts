/** The official SARIF 2.1.0 schema as a validator: it is draft-04, which Ajv 8 reads once its id is spelled $id. */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

export function sarifValidator() {
  const schema = JSON.parse(readFileSync("node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json", "utf8"));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp: the schema's language pattern is not a valid "u"-mode regular expression.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  (addFormatsModule as unknown as (ajv: Ajv) => Ajv)(ajv);
  return ajv.compile(schema);
}
