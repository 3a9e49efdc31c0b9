/**
 * The differential comparator: decide() on a compiled policy against a peer engine reading that
 * spec's export, call by call. Each call is equal, stricter or looser; looser means the peer
 * allows a call decide() denies or gates, or allows without approval a call decide() gates
 * (asking a human where decide() denies is stricter, and counted apart). The table says, per
 * engine, n/N equal, n stricter and n looser.
 */
import { compilePolicy, decide, type Policy, type Spec } from "../../src/index.js";
import { describeCall, generateCalls, type CallOptions, type GeneratedCall, type ProbeCall } from "./calls.js";
import type { NamedSpec } from "./spec-sets.js";

export type Verdict = "allow" | "require_approval" | "deny";

/** What a peer answered, with what it said (a reason, a rule id) for failure messages. */
export interface PeerAnswer {
  verdict: Verdict;
  detail?: string;
}

/** A peer that cannot be asked this call at all (a name its syntax cannot hold). */
export const NOT_ASKED = "not-asked" as const;

export type Agreement = "equal" | "stricter" | "looser";

/** Looser: the peer allows what decide() denies or gates; any other difference is stricter. */
export function classify(ours: Verdict, peer: Verdict): Agreement {
  if (ours === peer) return "equal";
  return peer === "allow" ? "looser" : "stricter";
}

export interface DiffRow {
  spec: string;
  call: ProbeCall;
  why: string;
  ours: Verdict;
  oursRule: string;
  peer: Verdict;
  peerDetail?: string;
  agreement: Agreement;
}

/** One engine's answers over every spec and call. */
export class EngineTally {
  readonly rows: DiffRow[] = [];
  /** Calls the engine was not asked, and why (a footnote under the table). */
  notAsked = 0;
  notAskedWhy?: string;
  constructor(readonly engine: string) {}

  add(row: DiffRow): void {
    this.rows.push(row);
  }
  count(agreement: Agreement): number {
    return this.rows.filter((r) => r.agreement === agreement).length;
  }
  /** Stricter calls where the peer asks a human and decide() denies. */
  get asksWhereDenied(): number {
    return this.rows.filter((r) => r.peer === "require_approval" && r.ours === "deny").length;
  }
  get looser(): DiffRow[] {
    return this.rows.filter((r) => r.agreement === "looser");
  }
  /** The looser calls, as lines a failure message can show. */
  describeLooser(limit = 25): string {
    return this.looser
      .slice(0, limit)
      .map(
        (r) =>
          `${r.spec}: ${describeCall(r.call)} (${r.why}): decide() ${r.ours} (${r.oursRule}), ${this.engine} ${r.peer}${r.peerDetail ? ` (${r.peerDetail})` : ""}`,
      )
      .join("\n");
  }
  /** Counts of stricter calls by decide()'s rule, to see where the export gives up precision. */
  stricterByRule(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.rows) if (r.agreement === "stricter") out[r.oursRule] = (out[r.oursRule] ?? 0) + 1;
    return out;
  }
}

export type PeerAsk = (call: ProbeCall, policy: Policy) => PeerAnswer | typeof NOT_ASKED | Promise<PeerAnswer | typeof NOT_ASKED>;

/** decide() refuses the call for its arguments or context (not an object, a __proto__ key), not for its name. */
export function malformedShape(call: ProbeCall, policy: Policy): boolean {
  return decide(policy, call).rule === "malformed-call" && decide(policy, { tool: call.tool }).rule !== "malformed-call";
}

/**
 * For an engine that never reads arguments or context: a call it lets through that decide()
 * refuses only for the shape of its arguments or context is set aside (not compared) and
 * counted, since no export can make such an engine refuse it. Give the count in the table's footnote.
 */
export function blindToArguments(ask: PeerAsk, counter: { setAside: number }): PeerAsk {
  return async (call, policy) => {
    const answer = await ask(call, policy);
    if (answer === NOT_ASKED || answer.verdict !== "allow" || !malformedShape(call, policy)) return answer;
    counter.setAside++;
    return NOT_ASKED;
  };
}

/** A peer engine prepared for one spec's export: asked once per call. */
export type PreparePeer = (spec: Spec, policy: Policy) => PeerAsk | Promise<PeerAsk>;

export interface DifferentialOptions extends CallOptions {
  /** Calls beyond the generated ones (e.g. the spec's own tests cases). */
  extraCalls?: (spec: Spec) => GeneratedCall[];
  /**
   * An import's check: the peer's engine on the original is the reference and decide() on the
   * import must be equal or stricter, so looser means decide() allows what the peer denies or gates.
   */
  reverse?: boolean;
}

/** Probes every spec with its generated calls, asking decide() and each engine. */
export async function runDifferential(
  specs: readonly NamedSpec[],
  engines: Record<string, PreparePeer>,
  options: DifferentialOptions = {},
): Promise<EngineTally[]> {
  const tallies = Object.keys(engines).map((engine) => new EngineTally(engine));
  for (const { name, spec } of specs) {
    const policy = compilePolicy(spec);
    const calls = [...generateCalls(policy, options), ...(options.extraCalls?.(spec) ?? [])];
    const asks = await Promise.all(Object.values(engines).map((prepare) => prepare(spec, policy)));
    for (const { call, why } of calls) {
      const ours = decide(policy, call);
      for (let i = 0; i < asks.length; i++) {
        const answer = await asks[i]!(call, policy);
        if (answer === NOT_ASKED) {
          tallies[i]!.notAsked++;
          continue;
        }
        tallies[i]!.add({
          spec: name,
          call,
          why,
          ours: ours.decision,
          oursRule: ours.rule,
          peer: answer.verdict,
          peerDetail: answer.detail,
          agreement: options.reverse ? classify(answer.verdict, ours.decision) : classify(ours.decision, answer.verdict),
        });
      }
    }
  }
  return tallies;
}

/** The agreement table, one row per engine, as Markdown (it goes into the notes and the README as it is). */
export function formatAgreementTable(tallies: readonly EngineTally[], title: string): string {
  const lines = [
    `${title}`,
    "",
    "| engine | calls | equal | stricter | of which it asks where decide() denies | looser | not compared |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const t of tallies) {
    const n = t.rows.length;
    lines.push(
      `| ${t.engine} | ${n} | ${t.count("equal")}/${n} | ${t.count("stricter")} | ${t.asksWhereDenied} | ${t.count("looser")} | ${t.notAsked} |`,
    );
  }
  for (const t of tallies)
    if (t.notAsked > 0 && t.notAskedWhy) lines.push("", `${t.engine}: ${t.notAsked} calls not compared: ${t.notAskedWhy}.`);
  return lines.join("\n");
}
