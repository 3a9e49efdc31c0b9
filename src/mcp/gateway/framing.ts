/**
 * MCP's stdio framing: one JSON-RPC message per line. A line over the limit is never buffered
 * whole: once it passes the limit its bytes are dropped up to the next newline and it is
 * reported once, so a peer that never sends a newline cannot grow the gateway's memory.
 */
export class LineFramer {
  readonly #maxBytes: number;
  readonly #onLine: (line: Buffer) => void;
  readonly #onOversize: (bytes: number) => void;
  #parts: Buffer[] = [];
  #size = 0;
  /** Bytes of an oversize line dropped so far, or -1 when not dropping. */
  #dropped = -1;

  constructor(maxBytes: number, onLine: (line: Buffer) => void, onOversize: (bytes: number) => void) {
    this.#maxBytes = maxBytes;
    this.#onLine = onLine;
    this.#onOversize = onOversize;
  }

  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline === -1) {
        this.#keep(chunk.subarray(start));
        return;
      }
      const piece = chunk.subarray(start, newline);
      start = newline + 1;
      if (this.#dropped >= 0) {
        const size = this.#dropped + piece.length;
        this.#dropped = -1;
        this.#onOversize(size);
        continue;
      }
      const size = this.#size + piece.length;
      const line = this.#parts.length === 0 ? piece : Buffer.concat([...this.#parts, piece], size);
      this.#parts = [];
      this.#size = 0;
      if (size > this.#maxBytes) {
        this.#onOversize(size);
        continue;
      }
      const end = line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length;
      if (!isBlank(line, end)) this.#onLine(end === line.length ? line : line.subarray(0, end));
    }
  }

  /** Whether part of a message is still waiting for its newline (at end of input it is lost). */
  get pending(): boolean {
    return this.#size > 0 || this.#dropped >= 0;
  }

  #keep(rest: Buffer): void {
    if (this.#dropped >= 0) {
      this.#dropped += rest.length;
      return;
    }
    this.#size += rest.length;
    if (this.#size > this.#maxBytes) {
      this.#dropped = this.#size;
      this.#parts = [];
      this.#size = 0;
      return;
    }
    this.#parts.push(rest);
  }
}

function isBlank(line: Buffer, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = line[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
