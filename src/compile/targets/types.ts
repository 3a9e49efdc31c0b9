/** A compile target: one output format, emitted from the Spec model. */
import type { Spec } from "../../model/index.js";

export interface EmittedFile {
  /** File name relative to the output directory, named by agent id (e.g. order-support.policy.json). */
  path: string;
  contents: string;
}

export interface Target {
  id: string;
  /** One line: what the target produces and for whom. */
  description: string;
  /** The file extension of its main output, e.g. ".policy.json". */
  extension: string;
  /** Deterministic: the same spec gives byte-identical files. */
  emit(spec: Spec): EmittedFile[];
}
