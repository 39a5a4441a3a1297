/**
 * TRUST BOUNDARY: what a pool's child process may touch. Graders run
 * learners' code and predictors run learners' models; if either were ever
 * broken out of, it must find nothing worth having. Two layers, each enough
 * on its own for the files that matter (data/secret, the database):
 * - Node's permission model: the process may read only its own bundle's
 *   folder and node_modules (public code; it loads the isolated-vm addon
 *   from there), and may write no file, start no process and no worker thread;
 * - when the web server runs as root, the process runs as the unprivileged
 *   user `nobody`, which the operating system keeps out of data/ as well.
 * The permission model binds JavaScript, not native code: code that escaped
 * V8 itself inside the isolated-vm addon would meet only the second layer,
 * which is why production should run Descent as an unprivileged user, or as
 * root so that its children drop to `nobody`.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

const NOBODY = 65534;

/** The uid and gid of `nobody` from /etc/passwd (65534 on Debian and most Linux systems). */
function nobody(): { uid: number; gid: number } {
  try {
    const line = readFileSync("/etc/passwd", "utf8").split("\n").find((entry) => entry.startsWith("nobody:"));
    const [, , uid, gid] = line?.split(":") ?? [];
    if (uid && gid) return { uid: Number(uid), gid: Number(gid) };
  } catch {
    // No /etc/passwd: the usual ids.
  }
  return { uid: NOBODY, gid: NOBODY };
}

/** Whether any user may read `file`: it is world-readable and every folder above it world-searchable. */
function readableByAnyone(file: string): boolean {
  try {
    if ((statSync(file).mode & 0o004) === 0) return false;
    for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
      if ((statSync(folder).mode & 0o001) === 0) return false;
      if (folder === path.dirname(folder)) return true;
    }
  } catch {
    return false;
  }
}

/** The folder a symlink points to, when `folder` is one; nothing otherwise. */
function realTarget(folder: string): string[] {
  try {
    const real = realpathSync(folder);
    return real === folder ? [] : [real];
  } catch {
    return [];
  }
}

let warned = false;

/** Node flags and fork options for a child process that runs `entry`. */
export function leastPrivilege(entry: string, root = process.cwd()): { execArgv: string[]; user: { uid?: number; gid?: number } } {
  const modules = path.join(root, "node_modules");
  const readable = [
    path.dirname(path.resolve(entry)),
    modules,
    // The permission model checks the real path of what is read: a node_modules that is a symlink
    // (a git worktree sharing another checkout's packages) is readable only under its target's name.
    ...realTarget(modules),
    // node-gyp-build, which finds isolated-vm's binary, asks whether this is Alpine Linux.
    "/etc/alpine-release",
  ];
  const execArgv = [
    "--permission",
    "--allow-addons",
    ...readable.map((folder) => `--allow-fs-read=${folder}`),
    // Node warns at every start that addons can bypass the model; the banner above says so, once.
    "--disable-warning=SecurityWarning",
  ];
  if (process.getuid?.() !== 0) return { execArgv, user: {} };
  // `nobody` must be able to run Node and read the bundle; a checkout in a private folder (/root) would start no process at all.
  const needed = [process.execPath, path.resolve(entry)];
  if (needed.every(readableByAnyone)) return { execArgv, user: nobody() };
  if (!warned) {
    warned = true;
    console.warn(`Descent runs as root, but the user nobody cannot read ${needed.join(" or ")}; graders and predictors keep root's user (with Node's permission model still on). Serve Descent from a folder others can read, or as an unprivileged user.`);
  }
  return { execArgv, user: {} };
}
