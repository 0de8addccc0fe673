/**
 * Where the repository keeps its snapshot of the upstream data the Epoch datasets are built from
 * (data/upstream/epoch/README.md: source, snapshot date, licence). The converter, the updater's
 * tests and the bench read these paths; nothing reads data from outside the repository.
 */
import * as path from "path";

export const UPSTREAM_EPOCH_DIR = path.join(__dirname, "..", "data", "upstream", "epoch");
/** Epoch AI, "All ML Systems" (CC BY 4.0), snapshot edited up to 2025-06-20. */
export const EPOCH_MODELS_CSV = path.join(UPSTREAM_EPOCH_DIR, "all-ml-systems.csv");
/** Epoch AI, ML hardware (CC BY 4.0), same snapshot. */
export const EPOCH_HARDWARE_CSV = path.join(UPSTREAM_EPOCH_DIR, "ml-hardware.csv");
