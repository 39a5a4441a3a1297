/**
 * Calibration off the learner's path. Timing every backend on every workload
 * takes seconds, so a first visit does not wait for it: the lesson's kernel
 * starts on the default backend at once, and this browser is calibrated
 * later, in a kernel of its own (calibration switches backends, which no
 * learner's kernel may do under their variables), once the learner's kernel
 * has been idle for a while. A cell run, a key or a click cancels it, to be
 * tried again at the next quiet moment; the result is kept for a week (browser-storage.ts).
 */
import { KernelClient, kernelPlacementOfPage } from "@/lib/kernel/client";
import { WORKLOADS, type Calibration } from "@/lib/kernel/protocol";
import { loadCalibration, saveCalibration } from "./browser-storage";

/** How long the learner's kernel must have been idle before calibration starts. */
const QUIET_MS = 3000;

export function calibrateWhenQuiet(kernel: KernelClient, onCalibrated: (calibration: Calibration) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleCallback: number | undefined;
  let calibrating: KernelClient | undefined;
  let done = loadCalibration() !== undefined;

  const cancel = () => {
    clearTimeout(timer);
    if (idleCallback !== undefined) cancelIdleCallback(idleCallback);
    timer = idleCallback = undefined;
    calibrating?.dispose();
    calibrating = undefined;
  };

  const calibrate = async () => {
    idleCallback = undefined;
    // Its own kernel starts on the CPU backend: always there, and nothing to set up.
    const own = new KernelClient({ placement: kernelPlacementOfPage, backendPreference: () => "cpu", workload: "dense" });
    calibrating = own;
    const calibration = await own.calibrate([...WORKLOADS]);
    if (calibrating !== own) return; // cancelled by a run
    calibrating = undefined;
    own.dispose();
    done = true;
    if (calibration && Object.keys(calibration).length > 0) {
      saveCalibration(calibration);
      onCalibrated(calibration);
    }
  };

  const onKernelChange = () => {
    const status = kernel.getState().status;
    if (status !== "idle") return cancel();
    if (done || timer !== undefined || idleCallback !== undefined || calibrating) return;
    timer = setTimeout(() => {
      timer = undefined;
      idleCallback = requestIdleCallback(() => void calibrate(), { timeout: 10_000 });
    }, QUIET_MS);
  };

  // A learner at work (typing, clicking) has the machine first: calibration waits for the next quiet moment.
  const onActivity = () => {
    if (!calibrating && timer === undefined && idleCallback === undefined) return;
    cancel();
    onKernelChange();
  };
  const unsubscribe = kernel.subscribe(onKernelChange);
  window.addEventListener("keydown", onActivity, { capture: true, passive: true });
  window.addEventListener("pointerdown", onActivity, { capture: true, passive: true });
  return () => {
    unsubscribe();
    window.removeEventListener("keydown", onActivity, { capture: true });
    window.removeEventListener("pointerdown", onActivity, { capture: true });
    cancel();
  };
}
