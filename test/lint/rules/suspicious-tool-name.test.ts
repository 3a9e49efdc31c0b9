import { agentaz, HEADER } from "../../helpers/lint-rule.js";
import { testRule } from "../../helpers/rule-tester.js";

const RULE = "suspicious-tool-name";

testRule(RULE, {
  valid: [
    {
      name: "ASCII names and patterns",
      code: `${HEADER}tools:\n  crm.lookup: { effect: read }\n  tickets_v2-add: { effect: read }\ndeny: ["payment.*", { pattern: "admin.?", reason: "x" }]\n`,
    },
    { name: "non-ASCII text outside names", code: `${HEADER}tools:\n  crm.lookup: { effect: read, description: "Recherche l'élève" }\n` },
  ],
  invalid: [
    {
      name: "a zero-width space in a tool name, shown escaped",
      code: `${HEADER}tools:\n  "crm.lookup\\u200b": { effect: read }\n`,
      errors: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "crm.lookup\\u200B" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a control character and a bidirectional override",
      code: `${HEADER}tools:\n  "bell\\u0007": { effect: read }\n  "a\\u202eb": { effect: read }\n`,
      errors: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "bell\\u0007" contains characters a reader cannot see: retype it in plain ASCII',
        },
        {
          severity: "error",
          line: 5,
          column: 3,
          message: 'Tool name "a\\u202Eb" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a braille blank, which is a symbol, not a space",
      code: `${HEADER}tools:\n  "send\u2800mail": { effect: read }\n`,
      errors: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "send\\u2800mail" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a no-break space",
      code: `${HEADER}tools:\n  "send\\u00a0mail": { effect: read }\n`,
      errors: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "send\\u00A0mail" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a Cyrillic look-alike in a tool name",
      code: `${HEADER}tools:\n  "crм.lookup": { effect: read }\n`,
      errors: [
        {
          severity: "warning",
          line: 4,
          column: 3,
          message: 'Tool name "crм.lookup" contains non-ASCII "м" (U+043C), which may look like an ASCII letter: tool names are ASCII',
        },
      ],
    },
    {
      name: "a look-alike in a deny pattern, which would never match the tool it was written for",
      code: `${HEADER}tools:\n  crm.lookup: { effect: read }\ndeny:\n  - "pаymеnt.*"\n  - { pattern: "admin\\u200d.*", reason: r }\n`,
      errors: [
        {
          severity: "warning",
          line: 6,
          column: 5,
          message:
            'Deny pattern "pаymеnt.*" contains non-ASCII "а" (U+0430), "е" (U+0435), which may look like an ASCII letter: tool names are ASCII',
        },
        {
          severity: "error",
          line: 7,
          column: 5,
          message: 'Deny pattern "admin\\u200D.*" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "a character outside the Basic Multilingual Plane",
      code: `${HEADER}tools:\n  "a\\U000E0041b": { effect: read }\n`,
      errors: [
        {
          severity: "error",
          line: 4,
          column: 3,
          message: 'Tool name "a\\u{E0041}b" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
    {
      name: "AgentAz tool names too",
      file: "agentaz.json",
      code: agentaz({ tool_boundary: { allowed_tools: ["read\u200border"], execution_tools_absent: true } }),
      errors: [
        {
          severity: "error",
          line: 10,
          column: 7,
          message: 'Tool name "read\\u200Border" contains characters a reader cannot see: retype it in plain ASCII',
        },
      ],
    },
  ],
});
