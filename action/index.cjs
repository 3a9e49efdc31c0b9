// The agentspec GitHub Action (action.yml): lints specs with the CLI of the checkout it runs
// from, prints the report (annotations by default), writes the SARIF log, a job summary and the
// step's outputs, and uploads the SARIF to code scanning when asked.
//
// Plain CommonJS with no dependencies, because a JavaScript action runs from the repository as
// it is at the ref, with nothing installed. The first run of a ref installs agentspec's own
// dependencies (not the devDependencies) and builds it with Node's TypeScript stripper
// (scripts/build.cjs --light), which the runner's Node 24 has.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const root = path.resolve(__dirname, "..");
const FORMATS = ["github", "stylish", "json", "sarif", "junit"];
const FAIL_ON = ["widened", "any", "none"];
/** A git revision as a user writes one (a branch, tag, commit, HEAD~1); never an option. */
const REVISION = /^[A-Za-z0-9_][A-Za-z0-9_./~^@{}-]{0,254}$/;
const SUMMARY_ROWS = 200;

class ActionError extends Error {}

/**
 * Runs the action with the environment the runner gives it (INPUT_*, GITHUB_*). Returns the exit
 * code: 0 passed, 1 problems (or too many warnings), 2 the action could not run.
 */
async function runAction({ env = process.env, cwd = process.cwd(), stdout = (t) => process.stdout.write(t), fetchImpl = fetch } = {}) {
  try {
    const inputs = readInputs(env);
    ensureBuilt(env, stdout);
    const common = inputs.config ? ["--config", inputs.config] : [];
    const report = cli(
      ["lint", ...inputs.paths, "--format", inputs.format, "--max-warnings", String(inputs.maxWarnings), ...common],
      cwd,
      env,
    );
    stdout(report.stdout);
    if (report.status === 2 || report.status === null)
      throw new ActionError(report.stderr.trim() || `agentspec lint stopped (${report.signal})`);
    if (report.stderr) stdout(report.stderr.endsWith("\n") ? report.stderr : report.stderr + "\n");
    const sarifRun = cli(["lint", ...inputs.paths, "--format", "sarif", ...common], cwd, env);
    if (sarifRun.status !== 0 && sarifRun.status !== 1)
      throw new ActionError(sarifRun.stderr.trim() || "agentspec lint --format sarif failed");
    const sarifFile = path.resolve(cwd, inputs.sarifFile);
    fs.writeFileSync(sarifFile, sarifRun.stdout);
    const findings = readFindings(sarifRun.stdout);
    const errors = findings.filter((f) => f.level === "error").length;
    const warnings = findings.length - errors;
    writeSummary(env, summaryMarkdown(findings, report.status, inputs));
    writeOutputs(env, { errors: String(errors), warnings: String(warnings), "sarif-file": inputs.sarifFile });
    const diffStatus = inputs.diff === "false" ? 0 : reviewAuthority(env, cwd, inputs, stdout);
    if (inputs.uploadSarif) await uploadSarif(env, inputs, sarifRun.stdout, fetchImpl, stdout);
    return Math.max(report.status, diffStatus);
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    stdout(`::error title=agentspec::${escapeData(error.message)}\n`);
    return 2;
  }
}

/** An input as the runner passes it: INPUT_<NAME> with spaces as underscores, upper case (hyphens kept). */
function input(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

function readInputs(env) {
  const pathsText = input(env, "paths") || ".";
  // One per line when there are several lines (so a path may hold a space), else split on spaces.
  const paths = (pathsText.includes("\n") ? pathsText.split("\n") : pathsText.split(/\s+/)).map((p) => p.trim()).filter(Boolean);
  for (const p of paths) {
    if (p.startsWith("-"))
      throw new ActionError(`paths: "${p}" looks like an option; name files and directories only (./${p} for a file named so)`);
  }
  const format = input(env, "format") || "github";
  if (!FORMATS.includes(format)) throw new ActionError(`format: "${format}" is not one of ${FORMATS.join(", ")}`);
  const maxText = input(env, "max-warnings") || "-1";
  if (!/^(?:-1|0|[1-9]\d{0,8})$/.test(maxText))
    throw new ActionError(`max-warnings: "${maxText}" is not a whole number of 0 or more, or -1 for no limit`);
  const diff = input(env, "diff") || "false";
  if (diff !== "true" && diff !== "false" && !REVISION.test(diff))
    throw new ActionError(`diff: "${diff}" is neither true, false nor a git revision (a branch, tag or commit such as origin/main)`);
  const diffFailOn = input(env, "diff-fail-on") || "none";
  if (!FAIL_ON.includes(diffFailOn)) throw new ActionError(`diff-fail-on: "${diffFailOn}" is not one of ${FAIL_ON.join(", ")}`);
  const upload = input(env, "upload-sarif") || "false";
  if (upload !== "true" && upload !== "false") throw new ActionError(`upload-sarif: "${upload}" is neither true nor false`);
  return {
    paths,
    format,
    maxWarnings: Number(maxText),
    config: input(env, "config"),
    sarifFile: input(env, "sarif-file") || "agentspec.sarif",
    uploadSarif: upload === "true",
    diff,
    diffFailOn,
    token: input(env, "token"),
  };
}

/** The checkout of the action has no dist/ and no node_modules until its first run builds them. */
function ensureBuilt(env, stdout) {
  if (fs.existsSync(path.join(root, "dist/src/cli/main.js")) && fs.existsSync(path.join(root, "node_modules/yaml/package.json"))) return;
  stdout("::group::Installing and building agentspec\n");
  const steps = [
    ["npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"]],
    [process.execPath, [path.join(root, "scripts/build.cjs"), "--light"]],
  ];
  for (const [command, args] of steps) {
    const run = spawnSync(command, args, { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    stdout(run.stdout + run.stderr);
    if (run.status !== 0)
      throw new ActionError(`installing agentspec failed: ${command} ${args.join(" ")} (${run.error?.message ?? `exit ${run.status}`})`);
  }
  stdout("::endgroup::\n");
}

function cli(args, cwd, env) {
  // NO_COLOR: the log shows escape codes as they are; FORCE_COLOR from the job must not win.
  const childEnv = { ...env, NO_COLOR: "1", FORCE_COLOR: "0" };
  return spawnSync(process.execPath, [path.join(root, "bin/agentspec.cjs"), ...args], {
    cwd,
    env: childEnv,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * `agentspec diff --base` over the same paths, its Markdown (the summary line, a table per spec,
 * the witness calls) appended to the job summary and printed in the log. Returns its exit code
 * (1 when diff-fail-on's condition is met or a spec cannot be compared).
 */
function reviewAuthority(env, cwd, inputs, stdout) {
  const base = inputs.diff === "true" ? pullRequestBase(env) : inputs.diff;
  const run = cli(["diff", "--base", base, ...inputs.paths, "--format", "markdown", "--fail-on", inputs.diffFailOn], cwd, env);
  if (run.status !== 0 && run.status !== 1) {
    const why = run.stderr.trim() || `agentspec diff stopped (${run.signal ?? `exit ${run.status}`})`;
    const shallow = /fetch it first|not a git repository/.test(why)
      ? " (actions/checkout fetches one commit unless told otherwise: give it fetch-depth: 0)"
      : "";
    throw new ActionError(`diff: ${why}${shallow}`);
  }
  stdout(`::group::agentspec diff --base ${base}\n${run.stdout}${run.stdout.endsWith("\n") ? "" : "\n"}::endgroup::\n`);
  writeSummary(env, run.stdout);
  return run.status;
}

/** The base commit of the pull request the job runs for, from the event the runner saved. */
function pullRequestBase(env) {
  const event = env.GITHUB_EVENT_NAME || "unknown";
  let sha;
  try {
    sha = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8"))?.pull_request?.base?.sha;
  } catch {
    sha = undefined;
  }
  if (typeof sha !== "string" || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha))
    throw new ActionError(
      `diff: true compares with a pull request's base commit, and this job's event (${event}) names none; run it on pull_request, or give diff a git revision (diff: origin/main)`,
    );
  return sha;
}

/** Each SARIF result as { level, rule, file, line, column, message }. */
function readFindings(sarifText) {
  const log = JSON.parse(sarifText);
  return log.runs.flatMap((run) =>
    run.results.map((r) => {
      const location = r.locations?.[0]?.physicalLocation;
      return {
        level: r.level,
        rule: r.ruleId,
        file: decodeURI(location?.artifactLocation?.uri ?? ""),
        line: location?.region?.startLine ?? 1,
        column: location?.region?.startColumn ?? 1,
        message: r.message.text,
      };
    }),
  );
}

function summaryMarkdown(findings, status, inputs) {
  const errors = findings.filter((f) => f.level === "error").length;
  const warnings = findings.length - errors;
  const files = new Set(findings.map((f) => f.file)).size;
  const counted = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  const verdict =
    findings.length === 0
      ? "✔ no problems"
      : status === 0
        ? `✔ passed with ${counted} in ${files} file${files === 1 ? "" : "s"}`
        : `✖ ${counted} in ${files} file${files === 1 ? "" : "s"}${errors === 0 ? ` (more than --max-warnings ${inputs.maxWarnings})` : ""}`;
  let out = `### agentspec lint: ${verdict}\n\n`;
  if (findings.length > 0) {
    out += "| severity | where | rule | message |\n| --- | --- | --- | --- |\n";
    for (const f of findings.slice(0, SUMMARY_ROWS)) {
      out += `| ${f.level} | \`${cell(f.file)}:${f.line}:${f.column}\` | \`${cell(f.rule)}\` | ${cell(f.message)} |\n`;
    }
    if (findings.length > SUMMARY_ROWS)
      out += `\n…and ${findings.length - SUMMARY_ROWS} more: see the annotations or ${inputs.sarifFile}.\n`;
  }
  return out;
}

/** Text safe inside a Markdown table cell: no pipe, no line break, no HTML. */
function cell(text) {
  return String(text)
    .replace(/[\\|`]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\r?\n/g, " ");
}

function writeSummary(env, markdown) {
  if (env.GITHUB_STEP_SUMMARY) fs.appendFileSync(env.GITHUB_STEP_SUMMARY, markdown + "\n");
}

function writeOutputs(env, outputs) {
  if (!env.GITHUB_OUTPUT) return;
  fs.appendFileSync(
    env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([name, value]) => `${name}=${value}\n`)
      .join(""),
  );
}

/** POST /repos/{owner}/{repo}/code-scanning/sarifs, as github/codeql-action/upload-sarif does. */
async function uploadSarif(env, inputs, sarifText, fetchImpl, stdout) {
  for (const name of ["GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_REF"]) {
    if (!env[name]) throw new ActionError(`upload-sarif: ${name} is not set; the upload runs only inside GitHub Actions`);
  }
  if (!inputs.token) throw new ActionError("upload-sarif: no token; pass `token:` or leave it to default to github.token");
  const api = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/$/, "");
  const url = `${api}/repos/${env.GITHUB_REPOSITORY}/code-scanning/sarifs`;
  const body = {
    commit_sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    sarif: zlib.gzipSync(sarifText).toString("base64"),
    tool_name: "agentspec",
  };
  let response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${inputs.token}`,
        accept: "application/vnd.github+json",
        "content-type": "application/json",
        "user-agent": "agentspec-action",
        "x-github-api-version": "2022-11-28",
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ActionError(`upload-sarif: ${url} could not be reached (${error.cause?.code ?? error.message})`);
  }
  const text = await response.text();
  if (!response.ok) {
    const hint =
      response.status === 403 || response.status === 404
        ? ": give the job `permissions: security-events: write` (code scanning must be enabled)"
        : "";
    throw new ActionError(`upload-sarif: GitHub answered ${response.status} (${messageOf(text)})${hint}`);
  }
  let id = "";
  try {
    id = JSON.parse(text).id ?? "";
  } catch {}
  stdout(`SARIF uploaded to code scanning${id ? ` (analysis ${id})` : ""}\n`);
}

function messageOf(text) {
  try {
    return JSON.parse(text).message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/** The escaping the runner undoes in a workflow command's message. */
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

module.exports = { runAction };

if (require.main === module) {
  runAction().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stdout.write(`::error title=agentspec::${escapeData(`internal error: ${error?.message ?? error}`)}\n`);
      process.exitCode = 2;
    },
  );
}
