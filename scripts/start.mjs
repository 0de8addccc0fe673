#!/usr/bin/env node
// `npm start`: where Excel desktop exists (Windows, macOS) sideload into it with
// office-addin-debugging, which also starts the dev server; on any other machine start the
// dev server and say what to open.
import { spawn } from "node:child_process";

const desktop = process.platform === "win32" || process.platform === "darwin";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const port = process.env.npm_package_config_dev_server_port || "3000";

function run(args) {
  const child = spawn(npm, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
}

if (desktop) {
  run(["run", "start:desktop"]);
} else {
  const base = `https://localhost:${port}`;
  console.log(
    [
      "",
      "No Excel desktop on this machine: starting the dev server only.",
      `  Workbench (the add-in without Excel): ${base}/workbench.html`,
      `  Task pane page:                       ${base}/taskpane.html`,
      `  Excel on the web: npm run start:web -- --document <url of a workbook>`,
      "Stop with Ctrl+C.",
      "",
    ].join("\n")
  );
  run(["run", "dev-server"]);
}
