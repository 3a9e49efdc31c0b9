// A stdio proxy with no logic, the floor under every stdio MCP proxy in bench/gateway.js: it
// starts the server command it is given and copies lines both ways, reading nothing. What it adds
// to a call is what one more process between client and server costs on this machine.
//   node bench/gateway-null-proxy.js <command> [args…]
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const child = spawn(process.argv[2], process.argv.slice(3), { stdio: ["pipe", "pipe", "inherit"] });
createInterface({ input: process.stdin }).on("line", (line) => child.stdin.write(line + "\n"));
createInterface({ input: child.stdout }).on("line", (line) => process.stdout.write(line + "\n"));
process.stdin.on("end", () => child.kill());
child.on("exit", () => process.exit(0));
