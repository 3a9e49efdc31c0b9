/** A compile target: one output format, emitted from the Spec model. */
import type { ReportContext } from "../../diagnostics.js";
import type { Spec } from "../../model/index.js";

export interface EmittedFile {
  /** File name relative to the output directory, named by agent id (e.g. order-support.policy.json). */
  path: string;
  contents: string;
}

/**
 * What a target is given: `report` says what the format cannot express, at the spec node it
 * concerns (a warning by default: the export fails closed for it and says so; an error when
 * the target writes nothing for the spec).
 */
export type TargetContext = ReportContext;

export interface Target {
  id: string;
  /** One line: what the target produces and for whom. */
  description: string;
  /** Markdown: what it writes, how the spec maps onto the format, and what it cannot express. */
  docs: string;
  /** The file extension of its main output, e.g. ".policy.json". */
  extension: string;
  /** Deterministic: the same spec gives byte-identical files and the same reports. */
  emit(spec: Spec, context: TargetContext): EmittedFile[];
}
