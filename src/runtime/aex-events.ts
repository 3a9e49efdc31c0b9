/**
 * aex's audit event vocabulary: the JSON lines an aex runtime writes for a run, e.g.
 *   {"event":"run.started","agent":"support_ticket","version":"v0"}
 *   {"event":"confirm.required","tool":"email.draft"}
 *   {"event":"tool.allowed","tool":"email.draft","step":3}
 * A guard given `aexEvents` writes them beside its hash-chained decision records, so tools built
 * for aex logs can read runs agentspec guards. The decision records stay the audit of record:
 * an aex line that cannot be written does not change a decision.
 */
import { toWriter, type RecordSink } from "./decision-record.js";
import { Appender, closeQuietly, openLocked } from "./log-file.js";

export type AexEvent =
  | { event: "run.started"; agent: string; version: string }
  | { event: "tool.allowed"; tool: string; step: number }
  | { event: "tool.denied"; tool: string | null; reason: string }
  | { event: "confirm.required"; tool: string; channel?: string }
  | { event: "confirm.approved"; tool: string; reviewer?: string }
  | { event: "confirm.denied"; tool: string; reviewer?: string; reason: string }
  | { event: "budget.exhausted"; tool: string | null; reason: string }
  | { event: "run.finished"; status: string };

/** The events of one run, in order: run.started before the first, nothing after run.finished. */
export class AexEventLog {
  readonly #write: (line: string) => void | PromiseLike<void>;
  readonly #agent: { id: string; version: string };
  #started = false;
  #finished = false;
  #steps = 0;

  #close: (() => void) | undefined;

  /**
   * A path is opened under the same lock a decision log takes (and refused, AgentspecError
   * LOCKED, when another writer holds it or it is a decision log this process writes by another
   * name): aex events written into a hash-chained log would break its chain.
   */
  constructor(sink: RecordSink, agent: { id: string; version: string }) {
    if (typeof sink === "string") {
      const { fd, lock, release, target } = openLocked(sink, "aex event file");
      const appender = new Appender(sink, target, fd, "aex event file", "Check it");
      this.#write = (line) => appender.append(line);
      this.#close = () => {
        closeQuietly(fd);
        release();
        lock.release();
      };
    } else this.#write = toWriter(sink);
    this.#agent = agent;
  }

  /** Closes an aex event file and releases its lock; later events are not written. Safe to call twice. */
  close(): void {
    this.#finished = true;
    this.#close?.();
    this.#close = undefined;
  }

  /** An allowed call: tool.allowed with its step (1 for the run's first allowed call). */
  allowed(tool: string): void {
    this.#steps += 1;
    this.#emit({ event: "tool.allowed", tool, step: this.#steps });
  }

  emit(event: Exclude<AexEvent, { event: "run.started" | "tool.allowed" | "run.finished" }>): void {
    this.#emit(event);
  }

  finish(status: string): void {
    if (this.#finished) return;
    this.#emit({ event: "run.finished", status });
    this.#finished = true;
  }

  #emit(event: AexEvent): void {
    if (this.#finished) return;
    if (!this.#started) {
      this.#started = true;
      this.#line({ event: "run.started", agent: this.#agent.id, version: this.#agent.version });
    }
    this.#line(event);
  }

  #line(event: AexEvent): void {
    try {
      Promise.resolve(this.#write(JSON.stringify(event) + "\n")).catch(() => {});
    } catch {
      // See the module comment: the aex view never changes a decision.
    }
  }
}
