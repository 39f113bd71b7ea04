// The full run (`npm run test:reliability`) or CI's reduced one (`-- --reduced`): same checks, less load.
export const REDUCED = process.env.RELIABILITY_SCALE === "reduced";
export const scale = <T>(full: T, reduced: T): T => (REDUCED ? reduced : full);
