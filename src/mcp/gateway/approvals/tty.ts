/**
 * Approval on the controlling terminal, as aex's CLI pauses for a confirmation: the call is shown
 * (tool, reason, arguments, digest) and only "y" or "yes" approves. One question at a time; the
 * terminal is read only while a question is open. A timeout denies.
 *
 * The terminal is the one the MCP client was started from, shared with it: a client that reads
 * the terminal itself (a TUI) competes for the answer. Clients started without a terminal (desktop
 * apps) have none, and the gateway refuses to start with this approver.
 */
import { openSync, closeSync } from "node:fs";
import { userInfo } from "node:os";
import { isatty, ReadStream, WriteStream } from "node:tty";
import { AgentspecError } from "../../../errors.js";
import type { ApprovalAsk, ApprovalResult, GatewayApprover } from "./types.js";

export interface TtyApproverOptions {
  /** The terminal device (default /dev/tty, the controlling terminal). */
  path?: string;
}

const MAX_SHOWN_ARGS = 600;

export function ttyApprover(options: TtyApproverOptions = {}): GatewayApprover {
  const path = options.path ?? "/dev/tty";
  let fd: number;
  try {
    fd = openSync(path, "r+");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AgentspecError(
      "BAD_ARGUMENT",
      `--approve tty needs a terminal, and ${path} cannot be opened (${code}): the MCP client was started without one; use --approve webhook:<url> or --approve elicit`,
    );
  }
  if (!isatty(fd)) {
    closeSync(fd);
    throw new AgentspecError("BAD_ARGUMENT", `--approve tty: ${path} is not a terminal`);
  }
  const input = new ReadStream(fd);
  const output = new WriteStream(fd);
  input.pause();
  let buffered = "";
  let queue: Promise<unknown> = Promise.resolve();
  let reviewer = "tty";
  try {
    reviewer = `tty:${userInfo().username}`;
  } catch {
    // No user name (a container without a passwd entry): "tty" it is.
  }

  function askOne(ask: ApprovalAsk): Promise<ApprovalResult> {
    return new Promise<ApprovalResult>((resolve) => {
      if (ask.signal.aborted) return resolve({ approved: false, reason: "no answer in time" });
      const finish = (result: ApprovalResult) => {
        input.off("data", onData);
        ask.signal.removeEventListener("abort", onAbort);
        input.pause();
        resolve(result);
      };
      const onData = (chunk: Buffer | string) => {
        buffered += chunk.toString();
        const newline = buffered.search(/\r?\n|\r/);
        if (newline === -1) return;
        const answer = buffered.slice(0, newline).trim().toLowerCase();
        buffered = buffered.slice(newline + 1).replace(/^\n/, "");
        const approved = answer === "y" || answer === "yes";
        output.write(approved ? "  approved\n" : "  denied\n");
        finish(approved ? { approved: true, reviewer } : { approved: false, reviewer, reason: "answered no on the terminal" });
      };
      const onAbort = () => {
        output.write("\n  no answer in time: denied\n");
        finish({ approved: false, reason: "no answer in time" });
      };
      ask.signal.addEventListener("abort", onAbort, { once: true });
      buffered = "";
      output.write(question(ask));
      input.on("data", onData);
      input.resume();
    });
  }

  return {
    kind: "tty",
    description: `approvals on the terminal ${path}`,
    approve(ask) {
      const answer = queue.then(() => askOne(ask));
      queue = answer.catch(() => undefined);
      return answer;
    },
    close() {
      input.destroy();
      output.destroy();
    },
  };
}

function question(ask: ApprovalAsk): string {
  let args: string;
  try {
    args = JSON.stringify(ask.args);
  } catch {
    args = "(cannot be shown)";
  }
  if (args.length > MAX_SHOWN_ARGS) args = `${args.slice(0, MAX_SHOWN_ARGS)}… (${args.length} characters)`;
  const lines = [
    "",
    `agentspec: a tool call needs your approval (policy ${ask.policyHash.slice(0, 19)}…)`,
    `  tool       ${shown(ask.tool)}`,
    `  why        ${shown(ask.reason)}`,
    ...(ask.channel ? [`  channel    ${shown(ask.channel)}`] : []),
    `  arguments  ${shown(args)}`,
    `  digest     ${ask.argsDigest}`,
    `Approve? [y/N] (denied after ${Math.round(ask.timeoutMs / 1000)} s) `,
  ];
  return lines.join("\n");
}

/** Escapes what a terminal would interpret (escape sequences, carriage returns), so a tool cannot redraw the question. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
