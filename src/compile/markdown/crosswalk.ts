/**
 * The framework crosswalk: each safeguard a spec can declare, and the NIST AI RMF 1.0
 * subcategories, ISO/IEC 42001:2023 Annex A controls and OWASP Top 10 for Agentic Applications
 * (2026) entries it gives evidence toward. Only safeguards the spec declares become rows.
 */
import type { Spec } from "../../model/index.js";
import { describeBudgets, list } from "./describe.js";
import { code } from "./table.js";

const OWASP = {
  ASI01: "ASI01 Agent Goal Hijack",
  ASI02: "ASI02 Tool Misuse & Exploitation",
  ASI03: "ASI03 Identity & Privilege Abuse",
  ASI05: "ASI05 Unexpected Code Execution (RCE)",
  ASI06: "ASI06 Memory & Context Poisoning",
  ASI08: "ASI08 Cascading Failures",
  ASI10: "ASI10 Rogue Agents",
} as const;

export interface Safeguard {
  name: string;
  /** What the spec declares for it, in a few words; undefined when it declares nothing. */
  declared(spec: Spec): string | undefined;
  nist: string[];
  iso: string[];
  owasp: string[] | ((spec: Spec) => string[]);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export const SAFEGUARDS: readonly Safeguard[] = [
  {
    name: "Tool allowlist (default deny)",
    declared: (s) => `${count(s.tools.length, "tool")}; anything else is denied`,
    nist: ["MAP 2.1", "MANAGE 1.3"],
    iso: ["A.6.2.2 AI system requirements and specification", "A.9.4 Intended use of the AI system"],
    owasp: [OWASP.ASI02, OWASP.ASI03],
  },
  {
    // Advisory: a call names no resource, so decide(), the guard and every export but Sentrely's
    // let a scoped tool reach any resource. Said where the safeguard is listed, not left implied.
    name: "Resource scopes",
    declared: (s) =>
      nonZero(
        s.tools.filter((t) => t.resources.length > 0).length,
        (n) =>
          `${count(n, "tool")} scoped to resources (advisory: enforced only by a Sentrely runtime, not by decide() or the other exports)`,
      ),
    nist: ["MANAGE 1.3"],
    iso: ["A.9.4 Intended use of the AI system"],
    owasp: [OWASP.ASI03],
  },
  {
    name: "Deny list",
    declared: (s) => nonZero(s.deny.length, (n) => `${count(n, "pattern")}: ${list(s.deny.map((d) => code(d.pattern)))}`),
    nist: ["MANAGE 1.3"],
    iso: ["A.9.2 Processes for responsible use of AI systems"],
    owasp: [OWASP.ASI01, OWASP.ASI02],
  },
  {
    name: "Approval gates",
    declared: (s) => nonZero(s.tools.filter((t) => t.approval).length, (n) => `${count(n, "tool")} behind approval`),
    nist: ["GOVERN 3.2", "MAP 3.5"],
    iso: ["A.9.2 Processes for responsible use of AI systems"],
    owasp: [OWASP.ASI02, OWASP.ASI03],
  },
  {
    name: "Hard limits on arguments",
    declared: (s) =>
      nonZero(s.tools.filter((t) => Object.keys(t.limits).length > 0).length, (n) => `${count(n, "tool")} with argument limits`),
    nist: ["MANAGE 1.3", "MEASURE 2.6"],
    iso: ["A.6.2.2 AI system requirements and specification"],
    owasp: [OWASP.ASI02],
  },
  {
    name: "Budgets and loop bounds",
    declared: (s) => nonZero(describeBudgets(s.limits).length, () => describeBudgets(s.limits).join(" · ")),
    nist: ["MANAGE 2.4", "MEASURE 2.6"],
    iso: ["A.6.2.6 AI system operation and monitoring"],
    owasp: [OWASP.ASI08, OWASP.ASI10],
  },
  {
    name: "Execution boundary",
    declared: (s) =>
      [
        s.execution.tools_absent ? "execution tools absent" : "",
        s.execution.sandboxed ? "sandboxed" : "",
        s.execution.rollback_required ? "rollback required" : "",
      ]
        .filter(Boolean)
        .join(", ") || undefined,
    nist: ["MANAGE 1.3", "MANAGE 2.4"],
    iso: ["A.6.2.5 AI system deployment"],
    owasp: (s) => [
      ...(s.execution.tools_absent ? [OWASP.ASI02] : []),
      ...(s.execution.sandboxed ? [OWASP.ASI05] : []),
      ...(s.execution.rollback_required ? [OWASP.ASI08] : []),
    ],
  },
  {
    name: "Output boundary",
    declared: (s) => {
      const { mode, never_emits = [], required_fields = [] } = s.outputs;
      const parts = [
        mode && mode !== "direct" ? `mode ${mode}` : "",
        never_emits.length > 0 ? `never emits ${list(never_emits)}` : "",
        required_fields.length > 0 ? `${count(required_fields.length, "required field")}` : "",
      ];
      return parts.filter(Boolean).join("; ") || undefined;
    },
    nist: ["MAP 3.5"],
    iso: ["A.9.2 Processes for responsible use of AI systems"],
    owasp: [OWASP.ASI01],
  },
  {
    name: "Redaction",
    declared: (s) => {
      const redaction = s.outputs.redaction;
      if (!redaction || (!redaction.required && (redaction.rules ?? []).length === 0)) return undefined;
      const cap = redaction.max_chars_to_model !== undefined ? `; ≤ ${redaction.max_chars_to_model} characters to the model` : "";
      return `${count((redaction.rules ?? []).length, "rule")}${redaction.required ? ", required" : ""}${cap}`;
    },
    nist: ["MEASURE 2.10"],
    iso: ["A.9.2 Processes for responsible use of AI systems"],
    owasp: [OWASP.ASI01],
  },
  {
    name: "Context handling",
    declared: (s) => (s.contextHandling ? "declared" : undefined),
    nist: ["MAP 2.2"],
    iso: ["A.6.2.2 AI system requirements and specification"],
    owasp: [OWASP.ASI01, OWASP.ASI06],
  },
  {
    name: "Memory strategy",
    declared: (s) => s.memory?.strategy,
    nist: ["MAP 2.2"],
    iso: ["A.6.2.2 AI system requirements and specification"],
    owasp: [OWASP.ASI06],
  },
  {
    name: "Audit trail",
    declared: (s) => {
      const { append_only, logs = [] } = s.audit;
      if (!append_only && logs.length === 0) return undefined;
      return [append_only ? "append-only" : "", logs.length > 0 ? list(logs) : ""].filter(Boolean).join(": ");
    },
    nist: ["GOVERN 4.3", "MEASURE 2.8"],
    iso: ["A.6.2.8 AI system recording of event logs"],
    owasp: [OWASP.ASI10],
  },
  {
    name: "Human handoff and escalation",
    declared: (s) => {
      const { triggers = [], destination, escalate_after_denials } = s.handoff;
      const parts = [
        triggers.length > 0 ? count(triggers.length, "trigger") : "",
        destination ? `to ${destination}` : "",
        escalate_after_denials !== undefined ? `after ${escalate_after_denials} denials` : "",
      ];
      return parts.filter(Boolean).join(" ") || undefined;
    },
    nist: ["MAP 3.5", "MANAGE 2.4"],
    iso: ["A.3.2 AI roles and responsibilities"],
    owasp: [OWASP.ASI08, OWASP.ASI10],
  },
  {
    name: "Failure modes",
    declared: (s) => nonZero(s.failureModes.length, (n) => `${count(n, "mode")} with detection, mitigation and recovery`),
    nist: ["MAP 5.1", "MANAGE 1.3", "MANAGE 2.3"],
    iso: ["A.5.2 AI system impact assessment process", "A.5.3 Documentation of AI system impact assessments"],
    owasp: [OWASP.ASI08],
  },
  {
    name: "Evaluation metrics",
    declared: (s) => nonZero(s.evaluation?.metrics?.length ?? 0, (n) => count(n, "metric")),
    nist: ["MEASURE 1.1", "MEASURE 2.3"],
    iso: ["A.6.2.4 AI system verification and validation"],
    owasp: [],
  },
  {
    name: "Decision tests",
    declared: (s) => nonZero(s.tests.length, (n) => `${count(n, "case")} the compiled policy must decide as expected`),
    nist: ["MEASURE 2.1", "MEASURE 2.7"],
    iso: ["A.6.2.4 AI system verification and validation"],
    owasp: [OWASP.ASI02],
  },
  {
    name: "Trust level classification",
    declared: (s) => s.declaredTrustLevel,
    nist: ["GOVERN 1.3", "MAP 5.1"],
    iso: ["A.5.2 AI system impact assessment process"],
    owasp: [],
  },
];

function nonZero(n: number, describe: (n: number) => string): string | undefined {
  return n > 0 ? describe(n) : undefined;
}

export const CROSSWALK_HEADER = ["Safeguard", "In this spec", "NIST AI RMF", "ISO/IEC 42001 Annex A", "OWASP Agentic Top 10"] as const;

export function crosswalkRows(spec: Spec): string[][] {
  const rows: string[][] = [];
  for (const safeguard of SAFEGUARDS) {
    const declared = safeguard.declared(spec);
    if (declared === undefined) continue;
    const owasp = typeof safeguard.owasp === "function" ? safeguard.owasp(spec) : safeguard.owasp;
    rows.push([safeguard.name, declared, list(safeguard.nist), list(safeguard.iso), owasp.length > 0 ? list(owasp) : "—"]);
  }
  return rows;
}
