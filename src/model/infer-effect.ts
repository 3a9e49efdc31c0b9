/**
 * Infers a tool's effect class from its name, for formats (AgentAz) whose tools carry none.
 * Names are split into words (read_order_status → read, order, status); the first known verb wins,
 * read verbs included (list_open_questions lists, it does not open). Verbs joined by and/or
 * (get_or_create_user) each count, and the strongest effect wins.
 * A dotted name (namespace.verb_object: email.draft, file.read, tickets.add_label) is read from
 * its last segment first, then the rest: the namespace is a noun that may look like a verb.
 * A deliberately small vocabulary: a name it does not know reads, and the explanation of the
 * computed trust level says the effect was inferred, so a reviewer knows to check it.
 */
import type { Effect } from "./types.js";

const IRREVERSIBLE = new Set([
  "send",
  "email",
  "sms",
  "notify",
  "page",
  "publish",
  "delete",
  "purge",
  "wipe",
  "destroy",
  "drop",
  "terminate",
  "refund",
  "pay",
  "payout",
  "charge",
  "transfer",
  "wire",
  "disburse",
  "deploy",
  "merge",
  "revoke",
  "cancel",
]);

const WRITE = new Set([
  "write",
  "update",
  "create",
  "modify",
  "set",
  "change",
  "edit",
  "insert",
  "upsert",
  "add",
  "remove",
  "move",
  "assign",
  "apply",
  "execute",
  "run",
  "restart",
  "scale",
  "rotate",
  "clear",
  "rollback",
  "restore",
  "reset",
  "commit",
  "push",
  "post",
  "open",
  "close",
  "archive",
  "approve",
  "grant",
  "block",
  "quarantine",
  "lock",
  "unlock",
  "enable",
  "disable",
  "provision",
  "schedule",
  "book",
  "submit",
  "upload",
  "import",
  "sync",
  "label",
  "tag",
  "file",
  "trigger",
  "start",
  "stop",
  "kill",
]);

const DRAFT = new Set([
  "draft",
  "propose",
  "suggest",
  "recommend",
  "prepare",
  "stage",
  "compose",
  "generate",
  "outline",
  "plan",
  "design",
  "structure",
  "route",
  "redline",
  "fill",
  "flag",
]);

/** Verbs that only look: known so that a later word (list_open_questions) is not taken as the verb. */
const READ = new Set([
  "read",
  "get",
  "list",
  "fetch",
  "search",
  "find",
  "lookup",
  "query",
  "view",
  "show",
  "check",
  "inspect",
  "count",
  "compute",
  "score",
  "analyze",
  "analyse",
  "classify",
  "match",
  "validate",
  "verify",
  "detect",
  "summarize",
]);

/** Words joining two verbs in one name: get_or_create_user both gets and creates. */
const JOINERS = new Set(["and", "or", "then"]);

/** Words that make a state-changing verb safe: run_readonly_query reads. */
const READ_ONLY_MARKERS = new Set(["readonly", "dry", "preview", "sandbox"]);

/**
 * Objects of "write", "label" and "tag" that are texts or figures in the agent's own output, not
 * state: write_description and label_estimate draft.
 */
const TEXT_OBJECTS = new Set([
  "description",
  "reply",
  "summary",
  "brief",
  "copy",
  "notes",
  "post",
  "message",
  "response",
  "draft",
  "estimate",
  "estimates",
  "assumptions",
]);
const TEXT_VERBS = new Set(["write", "label", "tag"]);

/** What "run" reads rather than changes: run_query, run_static_analysis, run_tests (run_runbook_step writes). */
const RUN_READ_OBJECTS = new Set([
  "query",
  "queries",
  "analysis",
  "static",
  "sensitivity",
  "test",
  "tests",
  "check",
  "checks",
  "simulation",
  "report",
  "lint",
  "benchmark",
  "eval",
  "evals",
]);

/** Words that turn a verb before them into a noun: change_correlation correlates changes, it changes nothing. */
const NOUN_HEADS = new Set(["correlation", "analysis", "detection", "history"]);

export function inferEffect(toolName: string): Effect {
  const words = nameWords(toolName);
  if (words.some((w) => READ_ONLY_MARKERS.has(w))) return words[0] === "run" ? "read" : "draft";
  let effect: Effect = "read";
  let clause: string[] = [];
  for (const word of [...words, "and"]) {
    if (!JOINERS.has(word)) clause.push(word);
    else {
      effect = max(effect, clauseEffect(clause));
      clause = [];
    }
  }
  return effect;
}

/** The words of a name, those of its last dotted segment first (email.draft → draft, email). */
function nameWords(toolName: string): string[] {
  const lower = toolName.toLowerCase();
  const dot = lower.lastIndexOf(".");
  const ordered = dot === -1 ? lower : `${lower.slice(dot + 1)}.${lower.slice(0, dot)}`;
  return ordered.split(/[^a-z0-9]+/).filter(Boolean);
}

/** The effect of one verb phrase: the first word the vocabulary knows is the verb (rollback_deploy rolls back). */
function clauseEffect(words: readonly string[]): Effect {
  for (const [index, word] of words.entries()) {
    const object = words[index + 1];
    if (object !== undefined && NOUN_HEADS.has(object)) continue;
    // A trailing label or tag after another word is a noun: sentiment_tag tags the output.
    if (TEXT_VERBS.has(word) && word !== "write" && index > 0 && object === undefined) continue;
    if (IRREVERSIBLE.has(word)) return "irreversible";
    if (WRITE.has(word)) {
      if (word === "run" && object !== undefined && RUN_READ_OBJECTS.has(object)) return "read";
      return TEXT_VERBS.has(word) && object && TEXT_OBJECTS.has(object) ? "draft" : "write";
    }
    if (DRAFT.has(word)) return "draft";
    if (READ.has(word)) return "read";
  }
  return "read";
}

const ORDER: Effect[] = ["read", "draft", "write", "irreversible"];

export function effectRank(effect: Effect): number {
  return ORDER.indexOf(effect);
}

export function max(a: Effect, b: Effect): Effect {
  return effectRank(a) >= effectRank(b) ? a : b;
}
