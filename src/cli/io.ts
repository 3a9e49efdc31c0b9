/** Where the CLI writes, so tests can run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour for human formats. */
  color: boolean;
  cwd: string;
}

export function processIO(): CliIO {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: !noColor && (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== "0" : process.stdout.isTTY === true),
    cwd: process.cwd(),
  };
}

/** ESLint's exit codes: 0 clean, 1 problems, 2 usage or fatal error. */
export const EXIT = { ok: 0, problems: 1, fatal: 2 } as const;
