// Imported first by app.tsx: imports are evaluated in order, so this runs before `ai` builds its schemas.
// `ai` checks every stream part with zod, and zod probes `new Function` for a faster path when a schema is
// built. The page's CSP forbids eval: the probe fails safely, but the browser reports each try as a CSP
// violation (and the console shows an error). jitless, zod's switch for strict CSPs, skips the probe; the
// checks stay the same.
import { z } from "zod/v4";

/** zod's global configuration, with `jitless` on. */
export const zodConfig = z.config({ jitless: true });
