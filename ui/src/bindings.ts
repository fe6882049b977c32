// Generated from the Rust types by newsroom-api (src-tauri/crates/api/src/bindings.rs).
// Do not edit: run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p newsroom-api bindings`.

export type Status = "draft" | "submitted" | "in_review" | "approved" | "published" | "returned" | "spiked";

export type ArticleFields = { headline: string, 
/**
 * The bold lede paragraph under the headline.
 */
sapo: string, 
/**
 * Markdown.
 */
body: string, byline: string, 
/**
 * The place the story is filed from.
 */
dateline: string, section: string, };

export type Article = { id: string, headline: string, sapo: string, body: string, byline: string, dateline: string, section: string, slug: string, status: Status, word_count: number, 
/**
 * Grows by one on every save; a save names the version it edited, so an edit made
 * elsewhere in between is reported as a conflict instead of being overwritten.
 */
version: number, created_at: string, updated_at: string, };

export type ArticleSummary = { id: string, headline: string, status: Status, updated_at: string, word_count: number, };

export type SaveKind = "autosave" | "manual";

export type SaveRequest = { id: string, 
/**
 * The version the editor last loaded or saved; see `Article::version`.
 */
base_version: number, fields: ArticleFields, kind: SaveKind, };

export type StatusRequest = { id: string, to: Status, 
/**
 * Optional note, e.g. why a piece is returned to the reporter.
 */
note: string, };

export type RevisionReason = "created" | "interval" | "manual" | "status" | "restore" | "import";

export type RevisionSummary = { id: number, reason: RevisionReason, headline: string, status: Status, word_count: number, created_at: string, };

export type Revision = { id: number, article_id: string, reason: RevisionReason, fields: ArticleFields, status: Status, word_count: number, created_at: string, };

export type StatusChange = { from: Status, to: Status, changed_by: string, note: string, changed_at: string, };

export type ChecklistRule = "headline_missing" | "headline_too_long" | "sapo_missing" | "byline_missing";

export type RenderedMarkdown = { 
/**
 * Sanitised HTML: exactly what would be published.
 */
html: string, words: number, characters: number, };

export type EntityKind = "person" | "organisation";

export type EntityRole = { title: string, organisation: string, since: string, until: string, };

export type Entity = { id: string, kind: EntityKind, 
/**
 * The canonical name (`Liên đoàn Lao động thành phố Hà Nội`).
 */
name: string, 
/**
 * Other ways the text writes it (`LĐLĐ thành phố Hà Nội`, `LĐLĐ Hà Nội`).
 */
aliases: Array<string>, 
/**
 * People only: roles over time.
 */
roles: Array<EntityRole>, 
/**
 * Organisations only: the body this one belongs to.
 */
parent_id: string | null, 
/**
 * A stable identifier for exports and the publishing backends.
 */
uri: string, };

export type EntityInput = { kind: EntityKind, name: string, aliases: Array<string>, roles: Array<EntityRole>, 
/**
 * The parent organisation's name (imports) — resolved to an id when known.
 */
parent: string | null, uri: string | null, };

export type ArticleTag = { entity_id: string, kind: EntityKind, name: string, 
/**
 * The role in which a person appears in this story.
 */
role: string, };

export type ImportSummary = { created: number, updated: number, };

export type PersonSuggestion = { 
/**
 * The name as written in the text (NFC).
 */
name: string, 
/**
 * The role the text gives them here (`Chủ tịch Liên đoàn Lao động thành phố Hà Nội`).
 */
role: string | null, 
/**
 * Whether the directory already holds this person.
 */
known: boolean, 
/**
 * The directory entry's id, for known people.
 */
entity_id: string | null, 
/**
 * `[start, end)` character offsets of every mention.
 */
spans: Array<[number, number]>, };

export type OrganisationSuggestion = { 
/**
 * The name as written in the text (NFC), or rebuilt where the text shares one tail
 * between two names (`Ban Quản lý và Công đoàn các KCN…`).
 */
name: string, 
/**
 * The name with abbreviations spelled out (`LĐLĐ huyện Chương Mỹ` →
 * `Liên đoàn Lao động huyện Chương Mỹ`), when it differs.
 */
expanded: string | null, known: boolean, entity_id: string | null, spans: Array<[number, number]>, };

export type Suggestions = { people: Array<PersonSuggestion>, organisations: Array<OrganisationSuggestion>, };

export type AcceptSuggestion = { article_id: string, kind: EntityKind, name: string, 
/**
 * The directory entry, when the suggestion was a known entity.
 */
entity_id: string | null, role: string | null, };

export type ErrorCode = "not_found" | "conflict" | "too_large" | "invalid_input" | "invalid_transition" | "checklist_failed" | "store_too_new" | "storage" | "internal";

export type ApiError = { code: ErrorCode, message: string, };
