/**
 * Infers a tool's effect class from its name, for formats (AgentAz) whose tools carry none.
 * Names are split into words (read_order_status → read, order, status); the first known verb wins.
 * A deliberately small vocabulary: a name it does not know reads, and the explanation of the
 * computed trust level says the effect was inferred, so a reviewer knows to check it.
 */
import type { Effect } from "./types.js";

const IRREVERSIBLE = new Set([
  "send", "email", "sms", "notify", "page", "publish", "delete", "purge", "wipe", "destroy", "drop", "terminate",
  "refund", "pay", "payout", "charge", "transfer", "wire", "disburse", "deploy", "merge", "revoke", "cancel",
]);

const WRITE = new Set([
  "write", "update", "create", "modify", "set", "change", "edit", "insert", "upsert", "add", "remove", "move",
  "assign", "apply", "execute", "run", "restart", "scale", "rotate", "clear", "rollback", "restore", "reset",
  "commit", "push", "post", "open", "close", "archive", "approve", "grant", "block", "quarantine", "lock",
  "unlock", "enable", "disable", "provision", "schedule", "book", "submit", "upload", "import", "sync", "label",
  "tag", "file", "trigger", "start", "stop", "kill", "fill",
]);

const DRAFT = new Set([
  "draft", "propose", "suggest", "recommend", "prepare", "stage", "compose", "generate", "outline", "plan",
  "design", "structure", "route", "redline",
]);

/** Words that make a state-changing verb safe: run_readonly_query reads. */
const READ_ONLY_MARKERS = new Set(["readonly", "dry", "preview", "sandbox"]);

/** Objects of "write" that are texts for a human, not state: write_description drafts. */
const TEXT_OBJECTS = new Set(["description", "reply", "summary", "brief", "copy", "notes", "post", "message", "response", "draft"]);

export function inferEffect(toolName: string): Effect {
  const words = toolName.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.some((w) => READ_ONLY_MARKERS.has(w))) return words[0] === "run" ? "read" : "draft";
  // The first word the vocabulary knows is the verb: rollback_deploy rolls back, it does not deploy.
  for (const [index, word] of words.entries()) {
    if (IRREVERSIBLE.has(word)) return "irreversible";
    if (WRITE.has(word)) {
      const object = words[index + 1];
      return word === "write" && object && TEXT_OBJECTS.has(object) ? "draft" : "write";
    }
    if (DRAFT.has(word)) return "draft";
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
