/**
 * What the notebook keeps in the browser's localStorage (the page's, never
 * the kernel's: the kernel runs in an opaque origin with no storage).
 * Every read tolerates missing, old or hand-edited values.
 */
import { BACKENDS, parseCalibration, type Backend, type Calibration, type Workload } from "@/lib/kernel/protocol";

const PREFIX = "descent:";

function read(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null; // storage disabled: behave as if nothing was saved
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, value);
  } catch {
    // Full or disabled: the edit still lives in the page until it closes.
  }
}

/** FNV-1a: a short fingerprint of the author's code, to notice when the author changes a cell. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

export type SavedEdit = { code: string; authorFingerprint: string };

export function loadEdit(lessonId: string, cellId: string): SavedEdit | undefined {
  const raw = read(`cell:${lessonId}:${cellId}`);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<SavedEdit>;
    return typeof value.code === "string" && typeof value.authorFingerprint === "string" ? (value as SavedEdit) : undefined;
  } catch {
    return undefined;
  }
}

export function saveEdit(lessonId: string, cellId: string, edit: SavedEdit | undefined) {
  write(`cell:${lessonId}:${cellId}`, edit ? JSON.stringify(edit) : null);
}

/** The backend the learner chose by hand, if any; it wins over calibration. */
export function loadChosenBackend(): Backend | undefined {
  const value = read("backend");
  return BACKENDS.find((b) => b === value);
}
export function saveChosenBackend(backend: Backend | undefined) {
  write("backend", backend ?? null);
}

/** How long a calibration stands: browsers and drivers update, and a new one may change the winner. */
const CALIBRATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** This browser's calibration (the fastest backend per workload), while fresh and from this same browser. */
export function loadCalibration(): Calibration | undefined {
  const raw = read("calibration");
  if (!raw) return undefined;
  try {
    const { calibration, at, userAgent } = JSON.parse(raw) as { calibration?: unknown; at?: unknown; userAgent?: unknown };
    const fresh = typeof at === "number" && Date.now() - at < CALIBRATION_LIFETIME_MS && userAgent === navigator.userAgent;
    return fresh ? parseCalibration(calibration) : undefined;
  } catch {
    return undefined;
  }
}
export function saveCalibration(calibration: Calibration) {
  write("calibration", JSON.stringify({ calibration, at: Date.now(), userAgent: navigator.userAgent }));
}

/** The calibrated backend for a workload, if this browser has one that it can trust. */
export function calibratedBackend(workload: Workload): Backend | undefined {
  return loadCalibration()?.[workload]?.backend;
}

export function loadScreenReaderMode(): boolean {
  return read("screen-reader") === "on";
}
export function saveScreenReaderMode(on: boolean) {
  write("screen-reader", on ? "on" : null);
}
