/**
 * The real engines of the peer systems, bundled unchanged in ../shared/peers (see its README for
 * each API and its quirks), loaded lazily by absolute path: `hasPeers` says whether they are
 * there, and each loader imports its bundle on first use only, inside a test, never at collection.
 * The bundles type every export as `any`; the interfaces below name the parts the tests call.
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { sharedPath } from "./shared.js";

export const PEERS = sharedPath("peers");

const BUNDLES = {
  aex: "aex.mjs",
  aexGateway: "aex-mcp-gateway.mjs",
  aexCli: "aex-cli.mjs",
  veto: "veto.mjs",
  wpc: "wpc.mjs",
  agentaz: "agentaz.mjs",
} as const;

export type PeerName = keyof typeof BUNDLES;

/** The absolute path of a peer bundle. */
export const peerPath = (peer: PeerName): string => sharedPath("peers", BUNDLES[peer]);

/** Every bundle is present. */
export const hasPeers = Object.values(BUNDLES).every((file) => existsSync(sharedPath("peers", file)));

/** The visible reason a peer test gives when it skips. */
export const PEERS_MISSING = `${PEERS} is absent or incomplete: the differential tests against the real peer engines are skipped`;

const loaded = new Map<PeerName, Promise<unknown>>();

/** Imports a bundle once; rejects with the path when it is missing (a test that did not check hasPeers). */
export function loadPeer<T = Record<string, any>>(peer: PeerName): Promise<T> {
  let module = loaded.get(peer);
  if (!module) {
    const file = peerPath(peer);
    if (!existsSync(file)) return Promise.reject(new Error(`${file}: no such peer bundle (${PEERS_MISSING})`));
    module = import(pathToFileURL(file).href);
    loaded.set(peer, module);
  }
  return module as Promise<T>;
}

export const loadAex = (): Promise<AexPeer> => loadPeer<AexPeer>("aex");
export const loadVeto = (): Promise<VetoPeer> => loadPeer<VetoPeer>("veto");
export const loadWpc = (): Promise<Record<string, any>> => loadPeer("wpc");
export const loadAgentaz = (): Promise<Record<string, any>> => loadPeer("agentaz");

/** What the aex bundle exports and the tests use (aex.mjs). */
export interface AexPeer {
  parseAEX(text: string, options?: { tolerant?: boolean }): { task: any; diagnostics: { message: string; line: number }[] };
  validateText(text: string): { issues: { severity: string; code: string; message: string; line?: number }[] };
  extractPolicyLayer(task: any): any;
  mergePolicyAndTask(policyLayer: any, taskLayer?: any): AexPermissions;
  evaluateGate(input: any, permissions: AexPermissions, budgetState?: any): { output: { permissionDecision: "allow" | "deny" | "ask" } };
  AEXProxy: new (options: { permissions: AexPermissions; logger: (event: unknown) => void; autoConfirm?: boolean; cwd?: string }) => {
    handleToolsCall(request: unknown): { action: "forward" | "block" | "meta"; response?: any };
  };
  runTask(file: string, options: Record<string, unknown>): Promise<{ status: "success" | "blocked"; issues: string[] }>;
  resolvePolicy(policy: unknown): Promise<unknown>;
  validatePolicyData(policy: unknown): string[];
  loadAEXPolicy(file: string): Promise<unknown>;
  CLAUDE_CODE_TOOL_MAP: Record<string, string>;
  AEX_POLICY_SCHEMA: object;
  [other: string]: any;
}

export interface AexPermissions {
  allow: string[];
  deny: string[];
  confirm: string[];
  budget?: number;
}

/** What the Veto bundle exports and the tests use (veto.mjs). */
export interface VetoPeer {
  validatePolicyIR(data: unknown): void;
  PolicySchemaError: new (...args: any[]) => Error & { errors: { path: string; message: string; keyword: string }[] };
  ExpressionValidator: new (options: { config: Record<string, unknown>; logger: unknown }) => {
    getRuleLoader(): { setYamlParser(parse: (text: string) => unknown): void; loadFromString(text: string, name: string): void };
    validate(context: {
      toolName: string;
      arguments: unknown;
      callId: string;
      timestamp: Date;
      callHistory: unknown[];
    }): Promise<{ decision: "allow" | "deny"; reason?: string; metadata?: { ruleId?: string; ruleName?: string } }>;
  };
  parseYaml(text: string): unknown;
  silentLogger: unknown;
  POLICY_IR_V1_SCHEMA: object;
  [other: string]: any;
}
