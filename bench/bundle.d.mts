/** Repository root. */
export const root: string;
/** Bundle src/digest like scripts/build.mjs does into `outDir`; returns the path of digest.js. */
export function bundleDigest(outDir: string): Promise<string>;
