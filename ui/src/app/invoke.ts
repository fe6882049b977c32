// How the generated wrappers (./commands.ts) reach the desktop shell: every failure arrives as
// an ApiError {code, message}.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { ApiError, ErrorCode } from "../bindings";

// Every code the shell can send; `satisfies` makes the type-check fail when the Rust side
// adds a code that is missing here (or one here no longer exists).
const CODES = {
  not_found: true,
  conflict: true,
  too_large: true,
  invalid_input: true,
  invalid_transition: true,
  not_deletable: true,
  in_trash: true,
  checklist_failed: true,
  unknown_section: true,
  state_changed: true,
  note_required: true,
  embargoed: true,
  bad_time: true,
  not_allowed_on_site: true,
  orphaned: true,
  file_missing: true,
  not_an_image: true,
  unsupported_format: true,
  corrupt_image: true,
  unauthorized: true,
  forbidden: true,
  review_unreadable: true,
  spelling_unavailable: true,
  network: true,
  remote: true,
  site_approval_unavailable: true,
  site_approval_refused: true,
  site_approval_unexpected: true,
  keychain: true,
  system_notifications_unavailable: true,
  store_too_new: true,
  storage: true,
  internal: true,
} as const satisfies Record<ErrorCode, true>;

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(CODES, code);
}

/** Anything thrown by invoke, as an ApiError (IPC or permission failures become `internal`). */
export function toApiError(err: unknown): ApiError {
  if (err && typeof err === "object" && "code" in err && "message" in err) {
    if (isErrorCode((err as { code: unknown }).code)) return err as ApiError;
  }
  return { code: "internal", message: String(err) };
}

/** Calls a command with a JSON payload. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toApiError(err);
  }
}

/** Calls a command that reads its raw request: bytes as the body, strings as headers. */
export async function callRaw<T>(command: string, body: Uint8Array, headers: Record<string, string>): Promise<T> {
  try {
    return await invoke<T>(command, body, { headers });
  } catch (err) {
    throw toApiError(err);
  }
}

/** A channel a command reports on, delivering each message to `onMessage`. */
export function channel<T>(onMessage: (message: T) => void): Channel<T> {
  const channel = new Channel<T>();
  channel.onmessage = onMessage;
  return channel;
}
