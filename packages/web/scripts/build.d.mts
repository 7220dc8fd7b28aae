/** Types of build.mjs for the TypeScript callers (the end-to-end test). */
export function buildServer(opts?: { force?: boolean }): Promise<boolean>;
export function buildUi(opts?: { force?: boolean }): Promise<boolean>;
export const paths: { web: string; repo: string; dist: string; ui: string; server: string };
