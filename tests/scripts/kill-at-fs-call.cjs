/*
 * Preloaded (node -r) into the updater's process by tests/scripts/update-data.test.ts: counts the
 * calls that change the file system and, when KILL_AT_FS_CALL=n, kills the process with SIGKILL
 * just before the n-th: the state a kill at that moment leaves on disk. On a normal exit the count
 * is written to KILL_COUNT_FILE, so the test knows how many moments there are to try. With
 * KILL_COUNT_FROM=<function name>, counting starts at the first call of that function.
 */

const fs = require("fs");

const killAt = Number(process.env.KILL_AT_FS_CALL || 0);
const writeFileSync = fs.writeFileSync;
let counting = !process.env.KILL_COUNT_FROM;
let calls = 0;
for (const name of ["mkdirSync", "writeFileSync", "cpSync", "renameSync", "symlinkSync", "rmSync", "rmdirSync", "unlinkSync"]) {
  const original = fs[name];
  fs[name] = function (...args) {
    if (name === process.env.KILL_COUNT_FROM) counting = true;
    if (!counting) return original.apply(this, args);
    calls++;
    if (calls === killAt) process.kill(process.pid, "SIGKILL");
    return original.apply(this, args);
  };
}
process.on("exit", () => {
  if (process.env.KILL_COUNT_FILE) writeFileSync(process.env.KILL_COUNT_FILE, String(calls));
});
