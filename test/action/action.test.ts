/**
 * The GitHub Action's script (action/index.cjs), run as the runner runs it: inputs as INPUT_*
 * variables, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, the CLI of this checkout. The SARIF
 * upload goes to a local HTTP server standing in for the GitHub API (GITHUB_API_URL), which
 * records what a real upload would send. What only GitHub can show (annotations rendered on a
 * pull request, the code scanning alert) is out of reach here.
 */
import { execFile, execFileSync } from "node:child_process";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const { runAction } = createRequire(import.meta.url)("../../action/index.cjs") as {
  runAction: (options: { env: NodeJS.ProcessEnv; cwd: string; stdout: (text: string) => void }) => Promise<number>;
};

const BROKEN = 'agentspec: "1.0"\nagent: { id: broken, version: "1" }\ntools:\n  crm.lookup: { efect: read }\n';
const CLEAN = await readFile(path.join(root, "specs/order-support.agentspec.yaml"), "utf8");

let workspace: string;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), "agentspec-action-"));
});

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** A fresh job: a workspace with these specs, and the runner's files. */
async function job(name: string, specs: Record<string, string>, inputs: Record<string, string> = {}) {
  const dir = path.join(workspace, name);
  await mkdir(path.join(dir, "specs"), { recursive: true });
  for (const [file, text] of Object.entries(specs)) await writeFile(path.join(dir, "specs", file), text);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_STEP_SUMMARY: path.join(dir, "summary.md"),
    GITHUB_OUTPUT: path.join(dir, "output.txt"),
    GITHUB_WORKSPACE: dir,
    INPUT_PATHS: "specs/",
    INPUT_FORMAT: "github",
    "INPUT_MAX-WARNINGS": "-1",
    "INPUT_SARIF-FILE": "agentspec.sarif",
    "INPUT_UPLOAD-SARIF": "false",
    INPUT_TOKEN: "t0ken",
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  let stdout = "";
  const run = async (extra: NodeJS.ProcessEnv = {}) => {
    stdout = "";
    const code = await runAction({ env: { ...env, ...extra }, cwd: dir, stdout: (t) => (stdout += t) });
    return { code, stdout };
  };
  const file = (f: string) => readFile(path.join(dir, f), "utf8");
  return { dir, run, file };
}

describe("action.yml", () => {
  it("runs on Node 24 from action/index.cjs, and declares every input the script reads", async () => {
    const action = parse(await readFile(path.join(root, "action.yml"), "utf8")) as {
      runs: { using: string; main: string };
      inputs: Record<string, { default: string }>;
      outputs: Record<string, unknown>;
    };
    expect(action.runs).toEqual({ using: "node24", main: "action/index.cjs" });
    const script = await readFile(path.join(root, "action/index.cjs"), "utf8");
    const read = [...script.matchAll(/input\(env, "([a-z-]+)"\)/g)].map((m) => m[1]).sort();
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)]);
    expect(Object.keys(action.outputs).sort()).toEqual(["errors", "sarif-file", "warnings"]);
  });
});

describe("the action's script", () => {
  it("annotates a broken spec, fails, and writes the SARIF, the summary and the outputs", async () => {
    const { run, file } = await job("broken", { "a.agentspec.yaml": CLEAN, "broken.agentspec.yaml": BROKEN });
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout).toContain(
      '::error file=specs/broken.agentspec.yaml,line=4,col=17,title=schema::Unknown property "efect" in tools["crm.lookup"]; did you mean "effect"?\n',
    );
    const sarif = JSON.parse(await file("agentspec.sarif")) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(["schema"]);
    const summary = await file("summary.md");
    expect(summary).toContain("### agentspec lint: ✖ 1 error, 0 warnings in 1 file");
    expect(summary).toContain('| error | `specs/broken.agentspec.yaml:4:17` | `schema` | Unknown property "efect"');
    expect(await file("output.txt")).toBe("errors=1\nwarnings=0\nsarif-file=agentspec.sarif\n");
  });

  it("passes a clean tree, and says so in the summary", async () => {
    const { run, file } = await job("clean", { "a.agentspec.yaml": CLEAN });
    expect((await run()).code).toBe(0);
    expect(await file("summary.md")).toBe("### agentspec lint: ✔ no problems\n\n\n");
    expect(await file("output.txt")).toBe("errors=0\nwarnings=0\nsarif-file=agentspec.sarif\n");
  });

  it("fails on warnings past max-warnings, and prints the format asked for", async () => {
    const warned = CLEAN.replace("last_reviewed: 2026-11-02", "last_reviewed: 2020-01-01");
    expect(warned).not.toBe(CLEAN);
    const { run, file } = await job("warned", { "a.agentspec.yaml": warned }, { "max-warnings": "0", format: "stylish" });
    const { code, stdout } = await run();
    expect(code).toBe(1);
    expect(stdout).toMatch(/warning\s+.*stale-review/);
    expect(stdout).not.toContain("::warning");
    expect(await file("summary.md")).toContain("(more than --max-warnings 0)");
  });

  it("refuses bad inputs with an error annotation, before running anything", async () => {
    for (const [inputs, message] of [
      [{ format: "xml" }, 'format: "xml" is not one of github, stylish, json, sarif, junit'],
      [{ "max-warnings": "many" }, 'max-warnings: "many" is not a whole number'],
      [{ "upload-sarif": "yes" }, 'upload-sarif: "yes" is neither true nor false'],
      [{ paths: "--config=/etc/passwd" }, 'paths: "--config=/etc/passwd" looks like an option'],
      [{ diff: "--output=/tmp/x" }, 'diff: "--output=/tmp/x" is neither true, false nor a git revision'],
      [{ "diff-fail-on": "narrowed" }, 'diff-fail-on: "narrowed" is not one of widened, any, none'],
    ] as const) {
      const { run } = await job(`bad-${Object.keys(inputs)[0]}`, { "a.agentspec.yaml": CLEAN }, inputs);
      const { code, stdout } = await run();
      expect(code).toBe(2);
      expect(stdout).toContain(`::error title=agentspec::${message}`);
    }
  });

  it("reports a path that does not exist as the CLI does, exit 2", async () => {
    const { run } = await job("missing", {}, { paths: "nowhere/" });
    const { code, stdout } = await run();
    expect(code).toBe(2);
    expect(stdout).toContain("::error title=agentspec::agentspec: nowhere/: no such file or directory");
  });
});

describe("the diff input, in a real git repository", () => {
  const git = (dir: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.email=ci@example.com", "-c", "user.name=ci", "-c", "commit.gpgsign=false", ...args], {
      cwd: dir,
      encoding: "utf8",
    }).trim();
  /** A pull request adding a tool to a clean spec: the base commit, then the change on top. */
  async function pullRequest(name: string, inputs: Record<string, string>) {
    const added = CLEAN.replace("  draft_reply: { effect: draft }", "  draft_reply: { effect: draft }\n  lookup_faq: { effect: read }");
    expect(added).not.toBe(CLEAN);
    const ran = await job(name, { "a.agentspec.yaml": CLEAN }, inputs);
    git(ran.dir, "init", "-q");
    git(ran.dir, "add", "specs");
    git(ran.dir, "commit", "-qm", "base");
    const base = git(ran.dir, "rev-parse", "HEAD");
    await writeFile(path.join(ran.dir, "specs/a.agentspec.yaml"), added);
    git(ran.dir, "commit", "-qam", "add lookup_faq");
    const event = path.join(ran.dir, "event.json");
    await writeFile(event, JSON.stringify({ pull_request: { number: 7, base: { sha: base } } }));
    return { ...ran, pr: { GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: event } };
  }

  it("writes the widened change and its witness call to the job summary, and fails on widened when asked", async () => {
    const { run, file, pr } = await pullRequest("diff-pr", { diff: "true", "diff-fail-on": "widened" });
    const { code, stdout } = await run(pr);
    expect(code).toBe(1);
    const summary = await file("summary.md");
    expect(summary).toMatch(/### agentspec lint: ✔/);
    expect(summary).toMatch(/authority widened in 1 of 1 spec/);
    expect(summary).toContain("- **line 24** `tool-added`: `lookup_faq`: deny (not-allowed) → **allow** (allowed)");
    expect(stdout).toContain("::group::agentspec diff --base ");
  });

  it("passes with diff-fail-on none, and compares with a revision given instead of the event's", async () => {
    const { run, file } = await pullRequest("diff-rev", { diff: "HEAD~1" });
    expect((await run({ GITHUB_EVENT_NAME: "push" })).code).toBe(0);
    expect(await file("summary.md")).toMatch(/authority widened in 1 of 1 spec/);
  });

  it("says what to do when the event has no pull request or the base commit was not fetched", async () => {
    const { run, dir } = await pullRequest("diff-push", { diff: "true" });
    let result = await run({ GITHUB_EVENT_NAME: "push", GITHUB_EVENT_PATH: path.join(dir, "event-missing.json") });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      "::error title=agentspec::diff: true compares with a pull request's base commit, and this job's event (push) names none",
    );
    const event = path.join(dir, "shallow.json");
    await writeFile(event, JSON.stringify({ pull_request: { base: { sha: "0123456789abcdef0123456789abcdef01234567" } } }));
    result = await run({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: event });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/::error title=agentspec::diff: .*fetch it first.*give it fetch-depth: 0/);
  });
});

describe("the SARIF upload, against a local stand-in for the GitHub API", () => {
  let requests: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[];
  let status = 202;
  let api: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    requests = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(status, { "content-type": "application/json" });
        res.end(
          status === 202
            ? JSON.stringify({ id: "47177e22-5596-11eb-80a1-c1e54ef945c6" })
            : JSON.stringify({ message: "Resource not accessible by integration" }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });

  afterAll(async () => close?.());

  const github = () => ({
    GITHUB_API_URL: api,
    GITHUB_REPOSITORY: "acme/agents",
    GITHUB_SHA: "a".repeat(40),
    GITHUB_REF: "refs/pull/7/merge",
  });

  it("sends the SARIF it wrote, gzipped and base64-encoded, for the commit and ref, with the token", async () => {
    status = 202;
    const { run, file } = await job("upload", { "broken.agentspec.yaml": BROKEN }, { "upload-sarif": "true" });
    const { code, stdout } = await run(github());
    expect(code).toBe(1); // the upload does not change the verdict
    expect(stdout).toContain("SARIF uploaded to code scanning (analysis 47177e22-5596-11eb-80a1-c1e54ef945c6)");
    const request = requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", url: "/repos/acme/agents/code-scanning/sarifs" });
    expect(request.headers).toMatchObject({ authorization: "Bearer t0ken", "x-github-api-version": "2022-11-28" });
    const body = JSON.parse(request.body) as Record<string, string>;
    expect(body).toMatchObject({ commit_sha: "a".repeat(40), ref: "refs/pull/7/merge", tool_name: "agentspec" });
    expect(gunzipSync(Buffer.from(body.sarif!, "base64")).toString()).toBe(await file("agentspec.sarif"));
  });

  it("fails the step when GitHub refuses the upload, naming the permission it needs", async () => {
    status = 403;
    const { run } = await job("refused", { "a.agentspec.yaml": CLEAN }, { "upload-sarif": "true" });
    const { code, stdout } = await run(github());
    expect(code).toBe(2);
    expect(stdout).toContain(
      "GitHub answered 403 (Resource not accessible by integration): give the job `permissions: security-events: write`",
    );
  });

  it("refuses to upload outside GitHub Actions", async () => {
    const { run } = await job("outside", { "a.agentspec.yaml": CLEAN }, { "upload-sarif": "true" });
    expect((await run()).stdout).toContain("upload-sarif: GITHUB_REPOSITORY is not set");
  });
});

// The first run of a ref installs the dependencies and builds with Node's TypeScript stripper,
// which Node 22.13+ has (the runner's Node 24 does): from a copy of the checkout with no dist/.
const strips = typeof (module as { stripTypeScriptTypes?: unknown }).stripTypeScriptTypes === "function";
describe.skipIf(!strips)("the action's first run on a fresh checkout", () => {
  it("installs the dependencies (not the devDependencies), builds, and lints", async () => {
    const checkout = path.join(workspace, "checkout");
    const { stdout: listed } = await promisify(execFile)("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
    });
    for (const f of listed.split("\0").filter(Boolean)) {
      await cp(path.join(root, f), path.join(checkout, f)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    }
    const { runAction: runFresh } = createRequire(import.meta.url)(path.join(checkout, "action/index.cjs")) as {
      runAction: typeof runAction;
    };
    await job("fresh", { "broken.agentspec.yaml": BROKEN });
    let stdout = "";
    const code = await runFresh({
      env: { PATH: process.env.PATH, INPUT_PATHS: "specs/", INPUT_FORMAT: "github" },
      cwd: path.join(workspace, "fresh"),
      stdout: (t) => (stdout += t),
    });
    expect(stdout).toContain("::group::Installing and building agentspec");
    expect(stdout).toContain("files built with Node's TypeScript stripper");
    expect(stdout).toContain("::error file=specs/broken.agentspec.yaml,line=4,col=17,title=schema::");
    expect(code).toBe(1);
  }, 600_000);
});
describe.skipIf(strips)("the action's first run on a fresh checkout", () => {
  it.skip(`needs Node 22.13+ to build with Node's TypeScript stripper (this is ${process.version}; the runner has Node 24)`, () => {});
});
