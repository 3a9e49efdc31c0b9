/**
 * The diff of authority, kind by kind: a table of old/new spec pairs, each asserting every
 * change reported (kind, direction, line, side) and, for a widened one, its witness call and the
 * two decisions. Lines are those of the new file, or of the old file for a removal.
 */
import { describe, expect, it } from "vitest";
import { diffAddedSpec, diffAuthority, diffRemovedSpec, type AuthorityChange } from "../../src/diff/index.js";
import { specFrom } from "../helpers/spec-text.js";

/** A spec: the two header lines, then the body (so the body's first line is line 3). */
const spec = (...body: string[]) => ['agentspec: "1.0"', 'agent: { id: t, version: "1" }', ...body, ""].join("\n");

interface Expected {
  kind: string;
  direction: string;
  line: number;
  side?: "new" | "old";
  /** The witness call and the decisions before → after, or "none" for a widened change without one. */
  witness?: { call: object; before: string; after: string } | "none";
}

interface Case {
  name: string;
  old: string;
  new: string;
  expect: Expected[];
}

const TABLE: Case[] = [
  // The allowlist.
  {
    name: "tool-added: a name the old policy denied",
    old: spec("tools:", "  crm.read: { effect: read }"),
    new: spec("tools:", "  crm.read: { effect: read }", "  crm.search: { effect: read }"),
    expect: [
      {
        kind: "tool-added",
        direction: "widened",
        line: 5,
        witness: { call: { tool: "crm.search" }, before: "deny not-allowed", after: "allow allowed" },
      },
    ],
  },
  {
    name: "tool-added: a deny pattern still denies it",
    old: spec("tools:", "  crm.read: { effect: read }", "deny: [crm.export]"),
    new: spec("tools:", "  crm.read: { effect: read }", "  crm.export: { effect: read }", "deny: [crm.export]"),
    expect: [{ kind: "tool-added", direction: "neutral", line: 5 }],
  },
  {
    // Every ASCII name "A?b" admits is denied, but "Aßb" escapes "a?b" in both readings (as
    // written: "A" is not "a"; folded: "assb"): a search over ASCII names cannot prove none.
    name: "tool-added: a glob a deny covers for ASCII names only",
    old: spec("tools:", "  a: { effect: read }", 'deny: ["a?b"]'),
    new: spec("tools:", "  a: { effect: read }", '  "A?b": { effect: read }', 'deny: ["a?b"]'),
    expect: [{ kind: "tool-added", direction: "widened", line: 5, witness: "none" }],
  },
  {
    name: "tool-added: an exact entry with a gate beside a glob that allowed it",
    old: spec("tools:", '  "crm.*": { effect: read }'),
    new: spec("tools:", '  "crm.*": { effect: read }', "  crm.export: { effect: read, approval: true }"),
    expect: [{ kind: "tool-added", direction: "narrowed", line: 5 }],
  },
  {
    name: "tool-added: a glob admits names with its gate and limit",
    old: spec("tools:", "  a: { effect: read }"),
    new: spec(
      "tools:",
      "  a: { effect: read }",
      '  "billing.*": { effect: read, approval: { when: { arg: amount, gt: 100 } }, limits: { amount: { max: 600 } } }',
    ),
    expect: [
      {
        kind: "tool-added",
        direction: "widened",
        line: 5,
        witness: { call: { tool: "billing.x", args: { amount: 99 } }, before: "deny not-allowed", after: "allow allowed" },
      },
    ],
  },
  {
    name: "tool-removed: nothing else allows it",
    old: spec("tools:", "  a: { effect: read }", "  b: { effect: read }"),
    new: spec("tools:", "  a: { effect: read }"),
    expect: [{ kind: "tool-removed", direction: "narrowed", line: 5, side: "old" }],
  },
  {
    name: "tool-removed: a glob still allows it, without its gate",
    old: spec("tools:", '  "crm.*": { effect: read }', "  crm.export: { effect: read, approval: true }"),
    new: spec("tools:", '  "crm.*": { effect: read }'),
    expect: [
      {
        kind: "tool-removed",
        direction: "widened",
        line: 5,
        side: "old",
        witness: { call: { tool: "crm.export" }, before: "require_approval approval", after: "allow allowed" },
      },
    ],
  },
  {
    name: "tool-removed: a glob with the same gate still decides it",
    old: spec("tools:", '  "crm.*": { effect: read, approval: true }', "  crm.export: { effect: read, approval: true }"),
    new: spec("tools:", '  "crm.*": { effect: read, approval: true }'),
    expect: [{ kind: "tool-removed", direction: "neutral", line: 5, side: "old" }],
  },
  {
    name: "tool-removed: a glob whose names another glob still allows without the gate",
    old: spec("tools:", '  "crm.*": { effect: read, approval: true }', '  "crm.r*": { effect: read }'),
    new: spec("tools:", '  "crm.r*": { effect: read }'),
    expect: [
      {
        kind: "tool-removed",
        direction: "widened",
        line: 4,
        side: "old",
        witness: { call: { tool: "crm.r" }, before: "require_approval approval", after: "allow allowed" },
      },
    ],
  },
  {
    name: "allow-glob-widened: a pattern replaced by a wider one",
    old: spec("tools:", '  "crm.read*": { effect: read }'),
    new: spec("tools:", '  "crm.*": { effect: read }'),
    expect: [
      {
        kind: "allow-glob-widened",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "crm.x" }, before: "deny not-allowed", after: "allow allowed" },
      },
    ],
  },
  {
    name: "allow-glob-widened: an exact name replaced by a pattern",
    old: spec("tools:", "  crm.read: { effect: read }"),
    new: spec("tools:", '  "crm.*": { effect: read }'),
    expect: [
      {
        kind: "allow-glob-widened",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "crm.x" }, before: "deny not-allowed", after: "allow allowed" },
      },
    ],
  },
  {
    name: "allow-glob-narrowed: a pattern replaced by a narrower one",
    old: spec("tools:", '  "crm.*": { effect: read }'),
    new: spec("tools:", '  "crm.read*": { effect: read }'),
    expect: [{ kind: "allow-glob-narrowed", direction: "narrowed", line: 4 }],
  },
  // Tool properties.
  {
    name: "effect-raised and the computed trust level with it",
    old: spec("tools:", "  r: { effect: read }"),
    new: spec("tools:", "  r: { effect: write }"),
    expect: [
      { kind: "trust-level-changed", direction: "widened", line: 3, witness: "none" },
      { kind: "effect-raised", direction: "widened", line: 4, witness: "none" },
    ],
  },
  {
    name: "effect-lowered",
    old: spec("tools:", "  r: { effect: draft }", "  s: { effect: draft }"),
    new: spec("tools:", "  r: { effect: read }", "  s: { effect: draft }"),
    expect: [{ kind: "effect-lowered", direction: "narrowed", line: 4 }],
  },
  {
    name: "resources-widened",
    old: spec("tools:", '  r: { effect: read, resources: ["orders/*"] }'),
    new: spec("tools:", '  r: { effect: read, resources: ["orders/*", "customers/*"] }'),
    expect: [{ kind: "resources-widened", direction: "widened", line: 4, witness: "none" }],
  },
  {
    name: "resources-narrowed",
    old: spec("tools:", '  r: { effect: read, resources: ["*"] }'),
    new: spec("tools:", '  r: { effect: read, resources: ["orders/*"] }'),
    expect: [{ kind: "resources-narrowed", direction: "narrowed", line: 4 }],
  },
  // Approval gates.
  {
    name: "approval-loosened: a raised threshold (gt: 100 → gt: 500), witness at 101",
    old: spec("tools:", "  billing.refund:", "    effect: read", "    approval: { when: { arg: amount, gt: 100 } }"),
    new: spec("tools:", "  billing.refund:", "    effect: read", "    approval: { when: { arg: amount, gt: 500 } }"),
    expect: [
      {
        kind: "approval-loosened",
        direction: "widened",
        line: 6,
        witness: { call: { tool: "billing.refund", args: { amount: 101 } }, before: "require_approval approval", after: "allow allowed" },
      },
    ],
  },
  {
    name: "approval-tightened: a lowered threshold",
    old: spec("tools:", "  r: { effect: read, approval: { when: { arg: amount, gte: 500 } } }"),
    new: spec("tools:", "  r: { effect: read, approval: { when: { arg: amount, gte: 100 } } }"),
    expect: [{ kind: "approval-tightened", direction: "narrowed", line: 4 }],
  },
  {
    name: "approval-loosened and -tightened at once: another subject",
    old: spec("tools:", "  r: { effect: read, approval: { when: { arg: amount, gt: 100 } } }"),
    new: spec("tools:", "  r: { effect: read, approval: { when: { context: environment, eq: production } } }"),
    expect: [
      {
        kind: "approval-loosened",
        direction: "widened",
        line: 4,
        witness: {
          call: { tool: "r", args: { amount: 101 }, context: { environment: "x" } },
          before: "require_approval approval",
          after: "allow allowed",
        },
      },
      { kind: "approval-tightened", direction: "narrowed", line: 4 },
    ],
  },
  {
    name: "approval-loosened: an alternative of an any dropped (a context condition)",
    old: spec(
      "tools:",
      "  r: { effect: read, approval: { when: { any: [{ arg: amount, gt: 100 }, { context: environment, eq: production }] } } }",
    ),
    new: spec("tools:", "  r: { effect: read, approval: { when: { arg: amount, gt: 100 } } }"),
    expect: [
      {
        kind: "approval-loosened",
        direction: "widened",
        line: 4,
        witness: {
          call: { tool: "r", args: { amount: 99 }, context: { environment: "production" } },
          before: "require_approval approval",
          after: "allow allowed",
        },
      },
    ],
  },
  {
    name: "approval-tightened: a conjunct of an all dropped",
    old: spec(
      "tools:",
      "  r: { effect: read, approval: { when: { all: [{ arg: amount, gt: 100 }, { arg: recipient.domain, ne: example.com }] } } }",
    ),
    new: spec("tools:", "  r: { effect: read, approval: { when: { arg: amount, gt: 100 } } }"),
    expect: [{ kind: "approval-tightened", direction: "narrowed", line: 4 }],
  },
  {
    name: "approval-loosened: a conjunct added to an all, on a nested argument",
    old: spec("tools:", "  r: { effect: read, approval: { when: { arg: amount, gt: 100 } } }"),
    new: spec(
      "tools:",
      "  r: { effect: read, approval: { when: { all: [{ arg: amount, gt: 100 }, { arg: recipient.domain, ne: example.com }] } } }",
    ),
    expect: [
      {
        kind: "approval-loosened",
        direction: "widened",
        line: 4,
        witness: {
          call: { tool: "r", args: { amount: 101, recipient: { domain: "example.com" } } },
          before: "require_approval approval",
          after: "allow allowed",
        },
      },
    ],
  },
  {
    name: "approval-loosened: always → under a condition",
    old: spec("tools:", "  r: { effect: read, approval: true }"),
    new: spec("tools:", "  r: { effect: read, approval: { when: { arg: amount, gt: 100 } } }"),
    expect: [
      {
        kind: "approval-loosened",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "r", args: { amount: 99 } }, before: "require_approval approval", after: "allow allowed" },
      },
    ],
  },
  {
    name: "approval-removed",
    old: spec("tools:", "  r: { effect: read, approval: { when: { context: environment, in: [production, staging] } } }"),
    new: spec("tools:", "  r: { effect: read }"),
    expect: [
      {
        kind: "approval-removed",
        direction: "widened",
        line: 4,
        side: "old",
        witness: {
          call: { tool: "r", context: { environment: "production" } },
          before: "require_approval approval",
          after: "allow allowed",
        },
      },
    ],
  },
  {
    name: "approval-added",
    old: spec("tools:", "  r: { effect: read }"),
    new: spec("tools:", "  r: { effect: read, approval: { when: { arg: amount, lt: 0 } } }"),
    expect: [{ kind: "approval-added", direction: "narrowed", line: 4 }],
  },
  {
    name: "channel-changed",
    old: spec("tools:", '  r: { effect: read, approval: { channel: "slack:#a" } }'),
    new: spec("tools:", '  r: { effect: read, approval: { channel: "slack:#b" } }'),
    expect: [{ kind: "channel-changed", direction: "neutral", line: 4 }],
  },
  {
    // The amount is required: a call without one (whose gate would hold) is denied by both.
    name: "approval-loosened masked by a lowered limit: widened, with no witness",
    old: spec(
      "tools:",
      "  r: { effect: read, approval: { when: { arg: amount, gt: 100 } }, limits: { amount: { max: 600, required: true } } }",
    ),
    new: spec("tools:", "  r: { effect: read, limits: { amount: { max: 50, required: true } } }"),
    expect: [
      { kind: "approval-removed", direction: "widened", line: 4, side: "old", witness: "none" },
      { kind: "limit-lowered", direction: "narrowed", line: 4 },
    ],
  },
  // Hard limits.
  {
    name: "limit-raised: max",
    old: spec("tools:", "  r: { effect: read, limits: { amount: { max: 600 } } }"),
    new: spec("tools:", "  r: { effect: read, limits: { amount: { max: 1000 } } }"),
    expect: [
      {
        kind: "limit-raised",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "r", args: { amount: 601 } }, before: "deny hard-limit", after: "allow allowed" },
      },
    ],
  },
  {
    name: "limit-raised: min lowered",
    old: spec("tools:", "  r: { effect: read, limits: { amount: { min: 0 } } }"),
    new: spec("tools:", "  r: { effect: read, limits: { amount: { min: -10 } } }"),
    expect: [
      {
        kind: "limit-raised",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "r", args: { amount: -10 } }, before: "deny hard-limit", after: "allow allowed" },
      },
    ],
  },
  {
    name: "limit-raised: max_length",
    old: spec("tools:", "  r: { effect: read, limits: { body: { max_length: 3 } } }"),
    new: spec("tools:", "  r: { effect: read, limits: { body: { max_length: 5 } } }"),
    expect: [
      {
        kind: "limit-raised",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "r", args: { body: "xxxx" } }, before: "deny hard-limit", after: "allow allowed" },
      },
    ],
  },
  {
    name: "limit-raised and -lowered: one_of gains one value and loses another",
    old: spec("tools:", "  r: { effect: read, limits: { currency: { one_of: [usd, eur] } } }"),
    new: spec("tools:", "  r: { effect: read, limits: { currency: { one_of: [usd, gbp] } } }"),
    expect: [
      { kind: "limit-lowered", direction: "narrowed", line: 4 },
      {
        kind: "limit-raised",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "r", args: { currency: "gbp" } }, before: "deny hard-limit", after: "allow allowed" },
      },
    ],
  },
  {
    name: "limit-raised: required dropped",
    old: spec("tools:", "  r: { effect: read, limits: { id: { required: true, max_length: 8 } } }"),
    new: spec("tools:", "  r: { effect: read, limits: { id: { max_length: 8 } } }"),
    expect: [
      {
        kind: "limit-raised",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "r" }, before: "deny hard-limit", after: "allow allowed" },
      },
    ],
  },
  {
    name: "limit-lowered: max",
    old: spec("tools:", "  r: { effect: read, limits: { amount: { max: 1000 } } }"),
    new: spec("tools:", "  r: { effect: read, limits: { amount: { max: 600 } } }"),
    expect: [{ kind: "limit-lowered", direction: "narrowed", line: 4 }],
  },
  {
    name: "limit-added",
    old: spec("tools:", "  r: { effect: read }"),
    new: spec("tools:", "  r: { effect: read, limits: { amount: { max: 600 } } }"),
    expect: [{ kind: "limit-added", direction: "narrowed", line: 4 }],
  },
  {
    name: "limit-removed",
    old: spec("tools:", "  r: { effect: read, limits: { amount: { max: 600, min: 1 } } }"),
    new: spec("tools:", "  r: { effect: read }"),
    expect: [
      {
        kind: "limit-removed",
        direction: "widened",
        line: 4,
        side: "old",
        witness: { call: { tool: "r", args: { amount: 0 } }, before: "deny hard-limit", after: "allow allowed" },
      },
    ],
  },
  // Deny patterns.
  {
    name: "deny-removed: the allowlist admits what it denied",
    old: spec("tools:", '  "email.*": { effect: read }', "deny: [email.send]"),
    new: spec("tools:", '  "email.*": { effect: read }'),
    expect: [
      {
        kind: "deny-removed",
        direction: "widened",
        line: 5,
        side: "old",
        witness: { call: { tool: "email.send" }, before: "deny deny-pattern", after: "allow allowed" },
      },
    ],
  },
  {
    name: "deny-removed: a glob replaced by a narrower one lets the rest through",
    old: spec("tools:", '  "payment.*": { effect: read }', 'deny: ["payment.*"]'),
    new: spec("tools:", '  "payment.*": { effect: read }', 'deny: ["payment.refund*"]'),
    expect: [
      {
        kind: "deny-removed",
        direction: "widened",
        line: 5,
        side: "old",
        witness: { call: { tool: "payment.x" }, before: "deny deny-pattern", after: "allow allowed" },
      },
      { kind: "deny-added", direction: "neutral", line: 5 },
    ],
  },
  {
    // decide() denies a name the pattern matches as written too: "?" takes the one code unit ß is,
    // where the folded name "assb" is no match.
    name: "deny-removed: a name it denied only as written",
    old: spec("tools:", "  aßb: { effect: read }", 'deny: ["a?b"]'),
    new: spec("tools:", "  aßb: { effect: read }"),
    expect: [
      {
        kind: "deny-removed",
        direction: "widened",
        line: 5,
        side: "old",
        witness: { call: { tool: "aßb" }, before: "deny deny-pattern", after: "allow allowed" },
      },
    ],
  },
  {
    // The same folded pattern, but "?" takes one code unit of the name as written: "a?b" denied
    // "aßb", "A?b" denies it in neither reading (as written "A" is not "a"; folded "assb").
    name: "deny respelled in another case, with a wildcard: the old spelling removed, the new added",
    old: spec("tools:", "  aßb: { effect: read }", 'deny: ["a?b"]'),
    new: spec("tools:", "  aßb: { effect: read }", 'deny: ["A?b"]'),
    expect: [
      {
        kind: "deny-removed",
        direction: "widened",
        line: 5,
        side: "old",
        witness: { call: { tool: "aßb" }, before: "deny deny-pattern", after: "allow allowed" },
      },
      { kind: "deny-added", direction: "neutral", line: 5 },
    ],
  },
  {
    name: "deny respelled in another case or width, without a wildcard: no change (each denies the names that fold to it)",
    old: spec("tools:", "  a: { effect: read }", "deny: [Email.Send, crm.export]"),
    new: spec("tools:", "  a: { effect: read }", 'deny: [email.send, "ｃｒｍ.export"]'),
    expect: [],
  },
  {
    name: "deny glob respelled where no admitted name tells the spellings apart: both sides neutral",
    old: spec("tools:", "  a: { effect: read }", 'deny: ["payment.*"]'),
    new: spec("tools:", "  a: { effect: read }", 'deny: ["PAYMENT.*"]'),
    expect: [
      { kind: "deny-removed", direction: "neutral", line: 5, side: "old" },
      { kind: "deny-added", direction: "neutral", line: 5 },
    ],
  },
  {
    name: "deny-removed: nothing it denied is allowed",
    old: spec("tools:", "  a: { effect: read }", "deny: [email.send]"),
    new: spec("tools:", "  a: { effect: read }"),
    expect: [{ kind: "deny-removed", direction: "neutral", line: 5, side: "old" }],
  },
  {
    name: "deny-added",
    old: spec("tools:", '  "email.*": { effect: read }'),
    new: spec("tools:", '  "email.*": { effect: read }', "deny: [email.send]"),
    expect: [{ kind: "deny-added", direction: "narrowed", line: 5 }],
  },
  // Budgets.
  {
    name: "budget-raised, -lowered, -removed, -added",
    old: spec("tools:", "  a: { effect: read }", "limits: { max_tool_calls: 30, max_turns: 8, rate_per_minute: 60 }"),
    new: spec("tools:", "  a: { effect: read }", "limits: { max_tool_calls: 50, rate_per_minute: 10, max_usd_per_loop: 0.5 }"),
    expect: [
      { kind: "budget-added", direction: "narrowed", line: 5 },
      { kind: "budget-lowered", direction: "narrowed", line: 5 },
      { kind: "budget-raised", direction: "widened", line: 5, witness: "none" },
      { kind: "budget-removed", direction: "widened", line: 5, side: "old", witness: "none" },
    ],
  },
  // Outputs, redaction.
  {
    name: "output-mode-loosened, never-emits-removed, required-field-removed",
    old: spec(
      "tools:",
      "  a: { effect: read }",
      "outputs: { mode: propose_only, never_emits: [send, refund], required_fields: [rationale] }",
    ),
    new: spec("tools:", "  a: { effect: read }", "outputs: { mode: direct, never_emits: [send] }"),
    expect: [
      { kind: "output-mode-loosened", direction: "widened", line: 5, witness: "none" },
      { kind: "never-emits-removed", direction: "widened", line: 5, side: "old", witness: "none" },
      { kind: "required-field-removed", direction: "widened", line: 5, side: "old", witness: "none" },
    ],
  },
  {
    name: "output-mode-tightened, -changed, never-emits-added, required-field-added",
    old: spec("tools:", "  a: { effect: read }", "outputs: { never_emits: [send] }"),
    new: spec(
      "tools:",
      "  a: { effect: read }",
      "outputs: { mode: draft_only, never_emits: [send, refund], required_fields: [confidence] }",
    ),
    expect: [
      { kind: "never-emits-added", direction: "narrowed", line: 5 },
      { kind: "output-mode-tightened", direction: "narrowed", line: 5 },
      { kind: "required-field-added", direction: "narrowed", line: 5 },
    ],
  },
  {
    name: "output-mode-changed",
    old: spec("tools:", "  a: { effect: read }", "outputs: { mode: draft_only }"),
    new: spec("tools:", "  a: { effect: read }", "outputs: { mode: propose_only }"),
    expect: [{ kind: "output-mode-changed", direction: "neutral", line: 5 }],
  },
  {
    name: "redaction-weakened",
    old: spec(
      "tools:",
      "  a: { effect: read }",
      "outputs:",
      "  redaction: { required: true, rules: [{ type: pii, pattern: email }, { type: secret, pattern: api_key_like }], max_chars_to_model: 6000 }",
    ),
    new: spec(
      "tools:",
      "  a: { effect: read }",
      "outputs:",
      "  redaction: { required: true, rules: [{ type: pii, pattern: email }], max_chars_to_model: 9000 }",
    ),
    expect: [
      { kind: "redaction-weakened", direction: "widened", line: 6, side: "old", witness: "none" },
      { kind: "redaction-weakened", direction: "widened", line: 6, witness: "none" },
    ],
  },
  {
    name: "redaction-strengthened",
    old: spec("tools:", "  a: { effect: read }", "outputs:", "  redaction: { rules: [{ type: pii, pattern: email }] }"),
    new: spec("tools:", "  a: { effect: read }", "outputs:", "  redaction: { required: true, rules: [{ type: pii, pattern: email }] }"),
    expect: [{ kind: "redaction-strengthened", direction: "narrowed", line: 6 }],
  },
  // Handoff and escalation.
  {
    name: "handoff-removed, escalation-raised",
    old: spec(
      "tools:",
      "  a: { effect: read }",
      "handoff: { triggers: [low_confidence, over_cap], destination: support, escalate_after_denials: 2 }",
    ),
    new: spec("tools:", "  a: { effect: read }", "handoff: { triggers: [low_confidence], destination: support }"),
    expect: [
      { kind: "escalation-raised", direction: "widened", line: 5, side: "old", witness: "none" },
      { kind: "handoff-removed", direction: "widened", line: 5, side: "old", witness: "none" },
    ],
  },
  {
    name: "handoff-added, handoff-changed, escalation-lowered",
    old: spec("tools:", "  a: { effect: read }", "handoff: { destination: support }"),
    new: spec(
      "tools:",
      "  a: { effect: read }",
      'handoff: { triggers: [low_confidence], destination: "slack:#oncall", escalate_after_denials: 1 }',
    ),
    expect: [
      { kind: "escalation-lowered", direction: "narrowed", line: 5 },
      { kind: "handoff-added", direction: "narrowed", line: 5 },
      { kind: "handoff-changed", direction: "neutral", line: 5 },
    ],
  },
  // Audit.
  {
    name: "audit-weakened",
    old: spec(
      "tools:",
      "  a: { effect: read }",
      "audit: { append_only: true, record_arguments: full, logs: [lookups, drafts], retention_days: 90 }",
    ),
    new: spec("tools:", "  a: { effect: read }", "audit: { append_only: false, logs: [lookups], retention_days: 30 }"),
    expect: [
      { kind: "audit-weakened", direction: "widened", line: 5, witness: "none" },
      { kind: "audit-weakened", direction: "widened", line: 5, side: "old", witness: "none" },
      { kind: "audit-weakened", direction: "widened", line: 5, side: "old", witness: "none" },
      { kind: "audit-weakened", direction: "widened", line: 5, witness: "none" },
    ],
  },
  {
    name: "audit-strengthened",
    old: spec("tools:", "  a: { effect: read }", "audit: { logs: [lookups] }"),
    new: spec("tools:", "  a: { effect: read }", "audit: { append_only: true, logs: [lookups], record_arguments: redacted }"),
    expect: [
      { kind: "audit-strengthened", direction: "narrowed", line: 5 },
      { kind: "audit-strengthened", direction: "narrowed", line: 5 },
    ],
  },
  // Trust levels.
  {
    name: "trust-level-changed: declared",
    old: spec("trust_level: A1", "tools:", "  a: { effect: read }"),
    new: spec("trust_level: A3", "tools:", "  a: { effect: read }"),
    expect: [{ kind: "trust-level-changed", direction: "widened", line: 3, witness: "none" }],
  },
  {
    name: "trust-level-changed: computed, as an approval gate is added to the only write tool",
    old: spec("trust_level: A5", "tools:", "  w: { effect: write }"),
    new: spec("trust_level: A5", "tools:", "  w: { effect: write, approval: true }"),
    expect: [
      { kind: "trust-level-changed", direction: "narrowed", line: 3 },
      { kind: "approval-added", direction: "narrowed", line: 5 },
    ],
  },
  // No authority change.
  {
    name: "no change: tools and deny patterns reordered, comments and descriptions edited",
    old: spec("tools:", "  a: { effect: read, description: one }", "  b: { effect: read }", "deny: [x, { pattern: y, reason: old }]"),
    new: spec(
      "# a comment",
      "tools:",
      "  b: { effect: read }   # another",
      "  a: { effect: read, description: two }",
      "deny: [{ pattern: y, reason: new }, x]",
    ),
    expect: [],
  },
  {
    name: "no change: any and all reordered, one_of reordered, an approval reason edited",
    old: spec(
      "tools:",
      "  r:",
      "    effect: read",
      "    approval: { when: { any: [{ arg: amount, gt: 100 }, { all: [{ context: environment, eq: prod }, { arg: n, lt: 2 }] }] }, reason: a }",
      "    limits: { c: { one_of: [usd, eur] } }",
    ),
    new: spec(
      "tools:",
      "  r:",
      "    effect: read",
      "    approval: { when: { any: [{ all: [{ arg: n, lt: 2 }, { context: environment, eq: prod }] }, { arg: amount, gt: 100 }] }, reason: b }",
      "    limits: { c: { one_of: [eur, usd] } }",
    ),
    expect: [],
  },
];

function decisionText(d: { decision: string; rule: string }): string {
  return `${d.decision} ${d.rule}`;
}

function byKind(a: Expected, b: Expected): number {
  return (
    a.kind.localeCompare(b.kind) ||
    a.line - b.line ||
    (a.side ?? "").localeCompare(b.side ?? "") ||
    JSON.stringify(a).localeCompare(JSON.stringify(b))
  );
}

function shape(change: AuthorityChange): Expected {
  const out: Expected = { kind: change.kind, direction: change.direction, line: change.line };
  if (change.side === "old") out.side = "old";
  if (change.witness)
    out.witness = { call: change.witness.call, before: decisionText(change.witness.before), after: decisionText(change.witness.after) };
  else if (change.direction === "widened") out.witness = "none";
  return out;
}

describe("diffAuthority: one case per kind", () => {
  for (const c of TABLE) {
    it(c.name, () => {
      const changes = diffAuthority(specFrom(c.old, "old.agentspec.yaml"), specFrom(c.new, "new.agentspec.yaml"));
      // Several changes on one line come in the order of their columns: compared here as a set.
      expect(changes.map(shape).sort(byKind)).toEqual([...c.expect].sort(byKind));
      const lines = changes.map((ch) => (ch.side === "new" ? ch.line : (ch.inNew?.line ?? ch.line)));
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      for (const change of changes) {
        expect(change.message.length).toBeGreaterThan(10);
        if (change.direction === "widened" && !change.witness) expect(change.noWitness).toMatch(/\w/);
      }
    });
  }

  it("covers every kind the catalog lists (spec-added and spec-removed below)", async () => {
    const { CHANGE_KINDS } = await import("../../src/diff/index.js");
    const covered = new Set(TABLE.flatMap((c) => c.expect.map((e) => e.kind)));
    const missing = CHANGE_KINDS.map((k) => k.id).filter((id) => !covered.has(id) && id !== "spec-added" && id !== "spec-removed");
    expect(missing).toEqual([]);
  });

  it("spec-added: a new spec, each of its tools with a witness against no policy at all", () => {
    const changes = diffAddedSpec(
      specFrom(spec("tools:", "  a: { effect: read }", "  b: { effect: read, approval: true }"), "new.agentspec.yaml"),
    );
    expect(changes.map(shape)).toEqual([
      { kind: "spec-added", direction: "widened", line: 1, witness: "none" },
      {
        kind: "tool-added",
        direction: "widened",
        line: 4,
        witness: { call: { tool: "a" }, before: "deny not-allowed", after: "allow allowed" },
      },
      {
        kind: "tool-added",
        direction: "widened",
        line: 5,
        witness: { call: { tool: "b" }, before: "deny not-allowed", after: "require_approval approval" },
      },
    ]);
  });

  it("spec-removed: a spec that is gone", () => {
    const changes = diffRemovedSpec(specFrom(spec("tools:", "  a: { effect: read }"), "old.agentspec.yaml"));
    expect(changes.map(shape)).toEqual([{ kind: "spec-removed", direction: "narrowed", line: 1, side: "old" }]);
  });

  it("says a deny pattern was respelled, naming both spellings", () => {
    const changes = diffAuthority(
      specFrom(spec("tools:", "  aßb: { effect: read }", 'deny: ["a?b"]'), "old.agentspec.yaml"),
      specFrom(spec("tools:", "  aßb: { effect: read }", 'deny: ["A?b"]'), "new.agentspec.yaml"),
    );
    expect(changes.map((c) => `${c.kind} ${c.direction}: ${c.message}`).sort()).toEqual([
      'deny-added neutral: "A?b" is denied, respelling "a?b"; the old policy admitted no name it matches',
      'deny-removed widened: "a?b" is respelled "A?b", which matches names as written differently, and the allowlist admits names it denied',
    ]);
  });

  it("locates a removal in the old file and where it shows in the new one", () => {
    const [change] = diffAuthority(
      specFrom(spec("tools:", "  a: { effect: read }", "  b: { effect: read }"), "old.agentspec.yaml"),
      specFrom(spec("", "", "tools:", "  a: { effect: read }"), "new.agentspec.yaml"),
    );
    expect(change).toMatchObject({ kind: "tool-removed", side: "old", line: 5, pointer: "/tools/b", inNew: { line: 5 } });
  });
});
