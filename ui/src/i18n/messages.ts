// Every string the UI shows, in Vietnamese (the default, `vi.ts`) and English (`en.ts`). The
// English catalogue must have exactly the same keys (the type-check enforces it), and every error
// code, status and checklist rule from the Rust side must have words there (Record<…> enforces
// that too).
import { en } from "./en";
import { vi, type Messages } from "./vi";

export type { Messages };
export const catalogues = { vi, en } as const;
export type Lang = keyof typeof catalogues;
