/** Where a rule's findings and the nodes they mention are in the file, and what they are called there. */
import { parsePointer } from "../load/index.js";
import type { Spec } from "../model/index.js";

/** The 1-based line of the node at an agentspec-terms pointer (its key, for a member), for "(line N)" in messages. */
export function lineOf(spec: Spec, pointer: string): number {
  return spec.source.locate(spec.pointerFor(pointer), "key").line;
}

/** Whether the file really holds the node an agentspec-terms pointer maps to. */
export function hasNode(spec: Spec, pointer: string): boolean {
  let node: unknown = spec.source.data;
  for (const segment of parsePointer(spec.pointerFor(pointer))) {
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

/** The first pointer whose node exists in the file, else the last one (located at its nearest parent). */
export function firstExisting(spec: Spec, ...pointers: string[]): string {
  return pointers.find((p) => hasNode(spec, p)) ?? pointers[pointers.length - 1]!;
}

/**
 * A field's name as the reader's file spells it: "limits.alert_usd" in an agentspec file,
 * "cost_boundary.alert_threshold_usd" in an AgentAz file.
 */
export function fieldName(spec: Spec, pointer: string): string {
  return parsePointer(spec.pointerFor(pointer)).join(".");
}

/** The kit.json's file name, as messages name it. */
export function kitName(spec: Spec): string {
  return spec.kit?.file.split(/[\\/]/).pop() ?? "kit.json";
}
