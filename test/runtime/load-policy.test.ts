import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { policyHash, serializePolicy } from "../../src/policy/compile-policy.js";
import { AgentspecError } from "../../src/errors.js";
import { decide } from "../../src/policy/decide.js";
import { createGuard } from "../../src/runtime/guard.js";
import { denyAllPolicy, loadPolicy, tryLoadPolicy } from "../../src/runtime/load-policy.js";
import { signPolicyHash } from "../../src/runtime/policy-signature.js";
import { SUPPORT_POLICY } from "../helpers/policy.js";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentspec-policy-"));
  file = path.join(dir, "demo.policy.json");
  await writeFile(file, serializePolicy(SUPPORT_POLICY));
});

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AgentspecError);
    return { code: (error as AgentspecError).code, message: (error as Error).message };
  }
  throw new Error("expected a refusal");
}

/** The policy file with one change, its hash left as it was. */
function tampered(change: (policy: Record<string, any>) => void): string {
  const copy = JSON.parse(serializePolicy(SUPPORT_POLICY));
  change(copy);
  return JSON.stringify(copy, null, 2);
}

describe("loadPolicy", () => {
  it("loads a file, a file: URL, JSON text and an object to the same frozen policy", () => {
    for (const source of [file, pathToFileURL(file), serializePolicy(SUPPORT_POLICY), SUPPORT_POLICY]) {
      const policy = loadPolicy(source);
      expect(policy).toEqual(SUPPORT_POLICY);
      expect(Object.isFrozen(policy)).toBe(true);
      expect(Object.isFrozen(policy.tools["billing.refund"]!.limits!.amount)).toBe(true);
    }
  });

  it("copies an object source, so the caller's later edits cannot change what was checked", () => {
    const source = structuredClone(SUPPORT_POLICY);
    const policy = loadPolicy(source);
    source.deny.length = 0;
    expect(decide(policy, { tool: "email.send" }).decision).toBe("deny");
  });

  it("accepts the pinned hash", () => {
    expect(loadPolicy(file, { pin: SUPPORT_POLICY.hash }).hash).toBe(SUPPORT_POLICY.hash);
  });

  it("refuses any other policy than the pinned one", () => {
    const other = "sha256:" + "1".repeat(64);
    expect(refusal(() => loadPolicy(file, { pin: other }))).toEqual({
      code: "BAD_POLICY",
      message: `${file}: policy refused: its hash ${SUPPORT_POLICY.hash} is not the pinned ${other}: only the pinned policy is accepted`,
    });
  });

  it("rejects a pin that is not a hash", () => {
    expect(refusal(() => loadPolicy(file, { pin: "abc" }))).toEqual({
      code: "BAD_ARGUMENT",
      message: 'The pin "abc" is not a policy hash: expected sha256: and 64 lower-case hex digits',
    });
  });

  it("refuses a policy edited after compiling (a removed deny pattern)", () => {
    const text = tampered((p) => p.deny.shift());
    const without = JSON.parse(text);
    const { hash: _h, ...rest } = without;
    expect(refusal(() => loadPolicy(text, { name: "edited.policy.json" }))).toEqual({
      code: "BAD_POLICY",
      message: `edited.policy.json: policy refused: its hash ${SUPPORT_POLICY.hash} does not match its contents (${policyHash(rest)}): it was edited after it was compiled; recompile it from its spec`,
    });
  });

  it.each([
    ["a raised limit", (p: Record<string, any>) => (p.tools["billing.refund"].limits.amount.max = 6000)],
    ["a removed approval", (p: Record<string, any>) => delete p.tools["billing.refund"].approval],
    ["an added tool", (p: Record<string, any>) => (p.tools["shell.exec"] = { effect: "write" })],
    ["a changed hash", (p: Record<string, any>) => (p.hash = "sha256:" + "0".repeat(64))],
  ])("refuses %s", async (_name, change) => {
    const edited = path.join(dir, "edited.policy.json");
    await writeFile(edited, tampered(change));
    const { code, message } = refusal(() => loadPolicy(edited));
    expect(code).toBe("BAD_POLICY");
    expect(message).toMatch(
      new RegExp(
        `^${edited.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: policy refused: its hash sha256:[0-9a-f]{64} does not match its contents`,
      ),
    );
  });

  it("refuses a policy that breaks the schema, naming the field and its line", () => {
    const text = serializePolicy(SUPPORT_POLICY).replace('"effect": "read"', '"effect": "reed"');
    expect(refusal(() => loadPolicy(text, { name: "bad.policy.json" }))).toEqual({
      code: "BAD_POLICY",
      message:
        'bad.policy.json: policy refused: does not match the policy schema: /tools/crm.*/effect (line 43) must be equal to one of the allowed values: "read", "draft", "write", "irreversible"',
    });
  });

  it("refuses an unknown field and a wrong default", () => {
    const { message } = refusal(() => loadPolicy({ ...SUPPORT_POLICY, default: "allow", extra: 1 }, { name: "obj" }));
    expect(message).toBe(
      'obj: policy refused: does not match the policy schema: / must NOT have additional properties "extra"; /default must be equal to constant "deny"',
    );
  });

  it("refuses text that is not JSON, and duplicate keys JSON.parse would hide", () => {
    expect(refusal(() => loadPolicy("{ nope", { name: "x.policy.json" })).message).toMatch(
      /^x\.policy\.json: policy refused: is not valid JSON at 1:3: /,
    );
    const duplicated = '{"format": "agentspec-policy/1", "format": "agentspec-policy/1"}';
    expect(refusal(() => loadPolicy(duplicated, { name: "d.policy.json" })).message).toBe(
      'd.policy.json: policy refused: is not valid JSON at 1:34: Duplicate key "format": it is already set on line 1; remove one of them',
    );
  });

  it("reports a missing file as NOT_FOUND", () => {
    const missing = path.join(dir, "missing.policy.json");
    expect(refusal(() => loadPolicy(missing))).toEqual({ code: "NOT_FOUND", message: `${missing}: no such policy file` });
  });
});

describe("fail closed when the policy cannot load", () => {
  it("tryLoadPolicy returns the error instead of throwing", () => {
    const result = tryLoadPolicy(path.join(dir, "missing.policy.json"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("NOT_FOUND");
    expect(tryLoadPolicy(file)).toEqual({ ok: true, policy: SUPPORT_POLICY });
  });

  it("a guard given a failed load denies every call", async () => {
    const guard = createGuard(
      tryLoadPolicy(
        tampered((p) => p.deny.shift()),
        { name: "edited.policy.json" },
      ),
    );
    for (const tool of ["read_order_status", "crm.get", "anything"]) {
      const decision = await guard.authorize({ tool });
      expect(decision.decision).toBe("deny");
      expect(decision.rule).toBe("deny-pattern");
      expect(decision.reason).toMatch(
        new RegExp(
          `^"${tool.replace(".", "\\.")}" is denied by "\\*": the policy could not load: edited\\.policy\\.json: policy refused: its hash`,
        ),
      );
    }
  });

  it("a guard checks the policy it is given: a tampered object, a wrong pin or no policy denies everything", async () => {
    const edited = { ...SUPPORT_POLICY, deny: [] };
    const cases: [ReturnType<typeof createGuard>, RegExp][] = [
      [createGuard(edited), /^<policy>: policy refused: its hash sha256:[0-9a-f]{64} does not match its contents/],
      [
        createGuard(file, { pin: "sha256:" + "2".repeat(64) }),
        /: policy refused: its hash sha256:[0-9a-f]{64} is not the pinned sha256:2{64}/,
      ],
      [createGuard(null as never), /^loadPolicy takes a file path, JSON text or a parsed policy object$/],
    ];
    for (const [guard, why] of cases) {
      expect(guard.loadError?.message).toMatch(why);
      expect((await guard.authorize({ tool: "email.send" })).decision).toBe("deny");
      expect((await guard.authorize({ tool: "read_order_status" })).decision).toBe("deny");
    }
    const pinned = createGuard(file, { pin: SUPPORT_POLICY.hash });
    expect(pinned.loadError).toBeUndefined();
    expect((await pinned.authorize({ tool: "read_order_status" })).decision).toBe("allow");
  });

  it("denyAllPolicy is a valid, hashed policy that denies everything", () => {
    const policy = denyAllPolicy("maintenance", "order-support");
    expect(loadPolicy(policy, { pin: policy.hash })).toEqual(policy);
    expect(decide(policy, { tool: "read_order_status" })).toEqual({
      decision: "deny",
      rule: "deny-pattern",
      reason: '"read_order_status" is denied by "*": maintenance',
      policyHash: policy.hash,
      entries: ["/deny/0"],
    });
  });
});

describe("loadPolicy reads an object once (a live object cannot show the checks one policy and decide() another)", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const signature = signPolicyHash(SUPPORT_POLICY.hash, privateKey);
  const everything = { "*": { effect: "read" } };

  /** Sources that show the signed policy on their first read of `tools` and allow everything after. */
  const liveSources: [string, () => { source: object; reads: () => number }][] = [
    [
      "a getter",
      () => {
        let n = 0;
        const source = { ...structuredClone(SUPPORT_POLICY) } as Record<string, unknown>;
        Object.defineProperty(source, "tools", { enumerable: true, get: () => (++n === 1 ? SUPPORT_POLICY.tools : everything) });
        return { source, reads: () => n };
      },
    ],
    [
      "a Proxy",
      () => {
        let n = 0;
        const source = new Proxy(structuredClone(SUPPORT_POLICY) as object, {
          get: (target, key, receiver) =>
            key === "tools" ? (++n === 1 ? SUPPORT_POLICY.tools : everything) : Reflect.get(target, key, receiver),
        });
        return { source, reads: () => n };
      },
    ],
  ];

  it.each(liveSources)("%s: the policy checked (and signed) is the policy enforced, read once", (_name, make) => {
    const { source, reads } = make();
    const policy = loadPolicy(source, { publicKey, signature });
    expect(reads()).toBe(1);
    expect(decide(policy, { tool: "email.exfiltrate" }).rule).toBe("not-allowed");
    expect(policy).toEqual(SUPPORT_POLICY);
    // The guard loads through the same path.
    const guard = createGuard(make().source, { publicKey, signature });
    expect(guard.loadError).toBeUndefined();
    expect(decide(guard.policy, { tool: "email.exfiltrate" }).rule).toBe("not-allowed");
  });

  it("an object that cannot be read as JSON is refused, naming why", () => {
    const cycle = structuredClone(SUPPORT_POLICY) as unknown as Record<string, unknown>;
    cycle.self = cycle;
    const throwing = Object.defineProperty(structuredClone(SUPPORT_POLICY), "deny", {
      enumerable: true,
      get() {
        throw new Error("config layer down");
      },
    });
    const big = { ...structuredClone(SUPPORT_POLICY), extra: 1n };
    for (const [source, why] of [
      [cycle, /circular/],
      [throwing, /config layer down/],
      [big, /BigInt/],
    ] as const) {
      const { code, message } = refusal(() => loadPolicy(source));
      expect(code).toBe("BAD_POLICY");
      expect(message).toMatch(/^<policy>: policy refused: it cannot be read as JSON \(/);
      expect(message).toMatch(why);
    }
  });
});
