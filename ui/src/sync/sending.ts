// What a piece's send state means for its workflow state, shared by the editor's badge and the
// list's rows.
import type { SendState, Status } from "../bindings";

/** The states in which a piece should be on the site: the desk has it, or readers do. */
const ON_THE_SITE: ReadonlySet<Status> = new Set(["submitted", "in_review", "approved", "published"]);

/** Whether the send state is something to act on: a refusal, or a piece that should be on the
 *  site and is not (a draft that no site has is as it should be). */
export function needsAttention(state: SendState, status: Status): boolean {
  return state.stage === "refused" || ((state.stage === "no_site" || state.stage === "not_sent") && ON_THE_SITE.has(status));
}
