// Every string the UI shows, in Vietnamese (the default, `vi.ts`) and English (`en.ts`). The
// English catalogue must have exactly the same keys (the type-check enforces it), and every error
// code, status and checklist rule from the Rust side must have words there (Record<…> enforces
// that too).
import { en } from "./en";
import { vi, type Messages } from "./vi";

export type { Messages };

/** On a Mac the shortcuts are pressed with ⌘ and ⌥ (the handlers take either key), and the
 * labels say so, as every Mac app's do. */
export const onMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? "");

function forThisKeyboard<T>(value: T): T {
  if (!onMac) return value;
  if (typeof value === "string") return value.replaceAll("Ctrl+", "⌘").replaceAll("Alt+", "⌥") as T;
  if (typeof value === "function") {
    const words = value as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => forThisKeyboard(words(...args))) as T;
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forThisKeyboard(v)])) as T;
  }
  return value;
}

export const catalogues = { vi: forThisKeyboard(vi), en: forThisKeyboard(en) } as const;
export type Lang = keyof typeof catalogues;
