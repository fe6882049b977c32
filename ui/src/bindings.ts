// Generated from the Rust types by newsroom-api (src-tauri/crates/api/src/bindings.rs).
// Do not edit: run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p newsroom-api bindings`.

export type Status = "draft" | "submitted" | "in_review" | "approved" | "published" | "returned" | "spiked";

export type Legacy = "tcvn3" | "vni" | "viqr" | "windows1258";

export type ConvertedWord = { before: string, after: string, };

export type Conversion = { text: string, from: Legacy, words: number, examples: Array<ConvertedWord>, };

export type ImportedArticle = { article: Article, conversion: Conversion | null, };

export type FieldLimits = { headline: number, sapo: number, };

export type IssueKind = "misspelled" | "style" | "context";

export type Issue = { start: number, end: number, word: string, kind: IssueKind, 
/**
 * What to write instead, first among the suggestions: the house form of a style issue,
 * the word the neighbours want for a context issue or a misspelling whose neighbours say
 * which word was meant; empty when only the dictionary's suggestions can tell (ask for them).
 */
replacement: string, 
/**
 * For a context issue, the word with the neighbours it was read with, as written
 * (`sảy ra`): what "this phrase is right" teaches the newsroom's dictionary. Empty
 * otherwise.
 */
phrase: string, };

export type TonePlacement = "either" | "old" | "new";

export type VowelIY = "either" | "i" | "y";

export type HouseStyle = { tone_placement: TonePlacement, vowel_i_y: VowelIY, };

export type WordKind = "added" | "ignored" | "phrase";

export type HouseWord = { word: string, kind: WordKind, added_by: string, added_at: string, };

export type Normalised = { text: string, changed: number, };

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
version: number, created_at: string, updated_at: string, 
/**
 * Who created the piece (the profile's name at the time; empty for demo content).
 */
created_by: string, 
/**
 * Who saved it last.
 */
updated_by: string, 
/**
 * The desk editor who took it for review, once someone has.
 */
reviewer: string, 
/**
 * When an approved piece is to be published: set while it is scheduled (or released at
 * the end of its embargo), cleared by any later change of state.
 */
publish_at: string | null, 
/**
 * The time before which the piece must not be public, when it has an embargo.
 */
embargo_until: string | null, };

export type ArticleSummary = { id: string, headline: string, status: Status, updated_at: string, word_count: number, byline: string, section: string, created_by: string, reviewer: string, 
/**
 * When the approved piece is scheduled to be published.
 */
publish_at: string | null, };

export type SaveKind = "autosave" | "manual";

export type SaveRequest = { id: string, 
/**
 * The version the editor last loaded or saved; see `Article::version`.
 */
base_version: number, fields: ArticleFields, kind: SaveKind, };

export type StatusRequest = { id: string, to: Status, 
/**
 * The state the user saw the piece in: when someone else moved it since, nothing happens
 * (`state_changed`). Omitted by front ends that act without showing the state (the CLI).
 */
from: Status | null, 
/**
 * Why: required when returning a piece to its reporter.
 */
note: string, };

export type Action = "move" | "update" | "correct" | "schedule" | "embargo";

export type ActRequest = { id: string, 
/**
 * `update`, `correct`, `schedule` or `embargo` (`move` is a change of state: see
 * [`StatusRequest`]).
 */
action: Action, 
/**
 * The state the user saw the piece in, as for a change of state.
 */
from: Status | null, 
/**
 * What changed (an update, optional) or what was wrong (a correction, required).
 */
note: string, 
/**
 * The schedule's publication time or the embargo's end (UTC); `null` lifts it.
 */
at: string | null, };

export type Correction = { note: string, at: string, };

export type RevisionReason = "created" | "interval" | "manual" | "status" | "restore" | "import";

export type RevisionSummary = { id: number, reason: RevisionReason, headline: string, status: Status, word_count: number, created_at: string, 
/**
 * Who saved the text this revision keeps.
 */
author: string, };

export type Revision = { id: number, article_id: string, reason: RevisionReason, fields: ArticleFields, status: Status, word_count: number, created_at: string, author: string, 
/**
 * The captions the piece's photos had then, in the piece's order.
 */
captions: Array<PhotoCaption>, };

export type StatusChange = { from: Status, to: Status, changed_by: string, note: string, changed_at: string, action: Action, 
/**
 * The schedule's publication time or the embargo's end; `null` when the move lifted one.
 */
at_time: string | null, 
/**
 * The change records a piece received from a site in the state it has there (no person
 * made it, and its note is not a person's words).
 */
received: boolean, };

export type ChecklistRule = "headline_missing" | "headline_too_long" | "sapo_missing" | "byline_missing" | "photo_caption_missing" | "photo_credit_missing" | "photo_alt_missing";

export type RenderedMarkdown = { 
/**
 * Sanitised HTML, exactly what would be published, cut into its top-level blocks
 * (`newsroom_markdown::blocks`), so the preview replaces only the blocks that changed.
 */
blocks: Array<string>, words: number, characters: number, };

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

export type ImportSummary = { created: number, updated: number, 
/**
 * Names the file says are never to be suggested that this store did not have yet.
 */
never_suggested: number, };

export type NeverSuggested = { kind: EntityKind, name: string, 
/**
 * Who said so and when (empty and absent in a file from elsewhere).
 */
added_by: string, added_at: string, };

export type PersonSuggestion = { 
/**
 * The name as written in the text (NFC); one the text writes only in capitals (`LÊ THỊ
 * HOA`) is given as a name is written (`Lê Thị Hoa`).
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

export type PhotoFormat = "jpeg" | "png" | "webp";

export type RequiredField = "caption" | "credit" | "alt";

export type PersonShown = { entity_id: string, name: string, };

export type Photo = { id: string, sha256: string, original_name: string, format: PhotoFormat, byte_size: number, 
/**
 * Display size, after the EXIF orientation.
 */
width: number, height: number, 
/**
 * The archive description (IPTC caption).
 */
description: string, 
/**
 * As the newsroom writes it: `Ảnh: Mai Quý`.
 */
credit: string, creator: string, copyright: string, alt_text: string, headline: string, keywords: Array<string>, date_created: string, city: string, province: string, country: string, event: string, instructions: string, job_id: string, camera: string, gps_latitude: number | null, gps_longitude: number | null, people: Array<PersonShown>, 
/**
 * Required fields that are empty.
 */
missing: Array<RequiredField>, 
/**
 * 0 (unrated) to 5 stars.
 */
rating: number, framing: Framing, pick: Pick, label: ColourLabel, imported_at: string, updated_at: string, };

export type PhotoEdit = { description: string | null, credit: string | null, creator: string | null, copyright: string | null, alt_text: string | null, headline: string | null, keywords: Array<string> | null, date_created: string | null, city: string | null, province: string | null, country: string | null, event: string | null, instructions: string | null, job_id: string | null, 
/**
 * The people shown, by name: each is found in the directory or added to it.
 */
people: Array<string> | null, 
/**
 * 0 to 5 stars.
 */
rating: number | null, pick: Pick | null, label: ColourLabel | null, };

export type ArticlePhoto = { photo: Photo, 
/**
 * The caption this article shows: its own, or the archive description.
 */
caption: string, 
/**
 * True when the article has its own caption rather than the archive description.
 */
own_caption: boolean, is_lead: boolean, position: number, 
/**
 * Required fields this article's use of the photo lacks (its caption may be its own).
 */
missing: Array<RequiredField>, };

export type EmbeddedFields = { caption: string, creator: string, credit: string, copyright: string, headline: string, keywords: Array<string>, 
/**
 * ISO 8601 as the file gives it (`2021-05-17T11:16:00+07:00`, or a date alone).
 */
date_created: string, alt_text: string, people_shown: Array<string>, organisations_shown: Array<string>, 
/**
 * `xmp:Rating`: 1–5 stars, 0 unrated, -1 rejected (as the XMP specification defines it).
 */
rating: number, 
/**
 * Where: IIM City, Province/State and Country, XMP photoshop:City, State, Country.
 */
city: string, province: string, country: string, 
/**
 * Iptc4xmpExt:Event (XMP only: IIM has no event).
 */
event: string, 
/**
 * Special instructions to the desk (IIM 2:40, photoshop:Instructions).
 */
instructions: string, 
/**
 * The job, as the assignment desk names it (IIM 2:103, photoshop:TransmissionReference).
 */
job_id: string, 
/**
 * `xmp:Label` as culling tools write it (`Red`, `Yellow`, `Green`, `Blue`, `Purple`).
 */
label: string, };

export type CameraFacts = { 
/**
 * `DateTimeOriginal` as ISO 8601 (local camera time, with the offset when recorded).
 */
taken_at: string, 
/**
 * Make and model (`Canon EOS 5D Mark IV`).
 */
camera: string, 
/**
 * EXIF orientation 1–8 (1 = as stored).
 */
orientation: number, gps_latitude: number | null, gps_longitude: number | null, };

export type ReadMetadata = { fields: EmbeddedFields, camera: CameraFacts, };

export type Imported = { photo: Photo, 
/**
 * False when the same file was already in the library (it is reused, not copied again).
 */
created: boolean, metadata: ReadMetadata, };

export type Rendition = "original" | "web" | "thumb";

export type Crop = { x: number, y: number, width: number, height: number, };

export type Focal = { x: number, y: number, };

export type Framing = { 
/**
 * Quarter turns clockwise on top of the camera's orientation: 0, 90, 180 or 270.
 */
rotation: number, 
/**
 * A fine rotation in degrees, clockwise, from -45 to 45, after the quarter turns; the
 * picture keeps its size, enlarged so no corner is empty (see [`Framing::straighten_scale`]).
 */
straighten: number, crop: Crop | null, focal: Focal | null, };

export type CropRequest = { rect: Crop | null, 
/**
 * Width and height of the ratio (16:9 is `[16, 9]`).
 */
aspect: [number, number] | null, focal: Focal | null, };

export type TemplateFields = { description: string, headline: string, credit: string, creator: string, copyright: string, alt_text: string, 
/**
 * Added to each photo's keywords (never removing one).
 */
keywords: Array<string>, city: string, province: string, country: string, event: string, instructions: string, job_id: string, };

export type PhotoTemplate = { name: string, fields: TemplateFields, };

export type Shortcut = { code: string, text: string, 
/**
 * A person's short alias in the directory rather than a code of the newsroom's list
 * (kept in the directory, not here; never exported with the list).
 */
from_directory: boolean, };

export type ShortcutImport = { added: number, changed: number, unchanged: number, };

export type Pick = "unmarked" | "picked" | "rejected";

export type ColourLabel = "none" | "red" | "yellow" | "green" | "blue" | "purple";

export type PhotoSort = "imported" | "taken" | "name" | "rating";

export type PhotoQuery = { 
/**
 * Only photos missing this field (any required field when `any_missing`).
 */
missing: RequiredField | null, any_missing: boolean, article_id: string | null, 
/**
 * Imported on or after this day (`yyyy-mm-dd`, UTC).
 */
from: string | null, 
/**
 * Imported on or before this day.
 */
to: string | null, 
/**
 * Only photos with at least this many stars.
 */
min_stars: number | null, 
/**
 * Only picked (or only rejected, or only unmarked) photos.
 */
pick: Pick | null, 
/**
 * Leave rejected photos out (the desk's default view hides them once culled).
 */
hide_rejected: boolean, label: ColourLabel | null, sort: PhotoSort, limit: number | null, offset: number | null, };

export type PhotoPage = { photos: Array<Photo>, total: number, };

export type ErrorCode = "not_found" | "conflict" | "too_large" | "invalid_input" | "invalid_transition" | "not_deletable" | "in_trash" | "checklist_failed" | "unknown_section" | "state_changed" | "note_required" | "embargoed" | "bad_time" | "not_allowed_on_site" | "orphaned" | "file_missing" | "not_an_image" | "unsupported_format" | "corrupt_image" | "unauthorized" | "forbidden" | "review_unreadable" | "spelling_unavailable" | "network" | "remote" | "site_approval_unavailable" | "site_approval_refused" | "site_approval_unexpected" | "keychain" | "system_notifications_unavailable" | "store_too_new" | "storage" | "internal";

export type ImportStage = "queued" | "processing" | "done" | "failed";

export type ImportProgress = { 
/**
 * The file's place in the batch (0-based) and the batch size.
 */
index: number, total: number, file: string, stage: ImportStage, photo: Photo | null, 
/**
 * Once done: false when the same file was already in the library (it is not copied or
 * templated again, and the photo desk says so).
 */
created: boolean | null, error: ApiError | null, };

export type ApiError = { code: ErrorCode, message: string, };

export type Backend = { id: string, kind: string, name: string, url: string, username: string, 
/**
 * Whether review data and edit locks travel through this site (its companion plugin).
 */
desk: DeskSupport, };

export type JobState = "queued" | "sending" | "synced" | "conflict" | "failed" | "cancelled";

export type SyncJob = { id: number, article_id: string, headline: string, backend: string, target_status: string, state: JobState, attempts: number, next_attempt_at: string, 
/**
 * A closed set: `unauthorized`, `conflict`, `network`, `remote`, `garbage`, `rejected`,
 * `keychain`, `local`; empty when nothing went wrong.
 */
error_code: string, error: string, remote_url: string, };

export type Connectivity = "unknown" | "online" | "offline";

export type SendProgress = { job_id: number, sent: number, total: number, };

export type SyncOverview = { connectivity: Connectivity, paused: boolean, 
/**
 * Whether the worker runs at all (the CLI has none).
 */
running: boolean, jobs: Array<SyncJob>, 
/**
 * The bytes sent of each job that is sending photos.
 */
progress: Array<SendProgress>, };

export type SiteApprovalPage = { 
/**
 * The site's approval page, with the app's name and the address to come back to.
 */
page: string, 
/**
 * The site as it will be connected.
 */
site: string, 
/**
 * Whether a browser was started on the page (set by the front end that opens it).
 */
browser_opened: boolean, };

export type DemoRemoved = { removed: number, 
/**
 * Examples kept because they went further than a draft (submitted, or on a site).
 */
kept: number, };

export type SiteApproval = { 
/**
 * The site connected, when it was.
 */
backend: Backend | null, 
/**
 * Why it was not.
 */
error: ApiError | null, };

export type Field = "headline" | "sapo" | "body";

export type Passage = { field: Field, text: string | null, base: string, local: string, remote: string, };

export type Choice = { "kind": "local" } | { "kind": "remote" } | { "kind": "both" } | { "kind": "edited", "text": string };

export type PullOutcome = "created" | "updated" | "unchanged" | "conflict" | "failed";

export type Pulled = { article_id: string, headline: string, post_id: number, outcome: PullOutcome, photos: number, 
/**
 * Media on the site that are not images this app can read (corrupt, or a format it does
 * not take): left on the site, shown in the body as plain images pointing there.
 */
photos_skipped: number, 
/**
 * The state a change made on another machine moved the piece to.
 */
moved_to: Status | null, 
/**
 * Comments and proposals that arrived with the piece's review.
 */
new_comments: number, new_proposals: number, 
/**
 * Why it failed, when it did.
 */
error: string, };

export type SendStage = "no_site" | "not_sent" | "sending" | "on_site" | "refused";

export type SendState = { article_id: string, stage: SendStage, 
/**
 * The post status the sites confirmed last (`pending`, `publish`, `draft`); empty when
 * none did, or the piece came from a site without being sent from here.
 */
site_status: string, 
/**
 * The piece's text (headline, sapo, body) differs from what the sites confirmed: the
 * edits are not on the site.
 */
changed_since: boolean, 
/**
 * The job to retry when refused, the newest otherwise.
 */
job_id: number | null, 
/**
 * The job's error code (the closed set of [`crate::SyncJob::error_code`]) and its words.
 */
error_code: string, error: string, remote_url: string, };

export type DeskSupport = "unknown" | "missing" | "active";

export type LockState = "not_shared" | "mine" | "held" | "offline" | "refused";

export type PieceLock = { state: LockState, 
/**
 * Who holds it (their name on the site), when someone does.
 */
holder: string, since: string | null, expires: string | null, 
/**
 * The site the lock is on.
 */
site: string, };

export type TakeOver = { by: string, from: string, at: string, };

export type ListQuery = { 
/**
 * Only pieces in this state.
 */
status: Status | null, 
/**
 * Only pieces this person created or took for review.
 */
mine: string | null, 
/**
 * Only pieces of this section.
 */
section: string | null, 
/**
 * Only pieces changed in the last so many days.
 */
days: number | null, 
/**
 * At most this many rows (default 100: one page).
 */
limit: number | null, 
/**
 * The next page: the rows after this piece (the last one shown), in the list's order.
 */
after: string | null, };

export type IndexProgress = { done: number, total: number, };

export type StatusCount = { status: Status, count: number, };

export type Queue = { articles: Array<ArticleSummary>, counts: Array<StatusCount>, 
/**
 * How many pieces the trash holds (they are in no queue).
 */
trashed: number, };

export type TrashedArticle = { article: ArticleSummary, trashed_at: string, };

export type ImportProblem = { "problem": "not_utf8", offset: number, } | { "problem": "not_csv_or_json" } | { "problem": "bad_json", line: number, column: number, } | { "problem": "bad_csv_row", row: number, } | { "problem": "missing_columns" } | { "problem": "bad_kind", row: number, value: string, } | { "problem": "no_name", row: number, };

export type DirectoryImport = { "outcome": "imported", summary: ImportSummary, } | { "outcome": "refused", file: string, problem: ImportProblem, };

export type PhotoCaption = { photo_id: string, caption: string, };

export type Role = "reporter" | "photo_editor" | "desk_editor";

export type Profile = { 
/**
 * Their name as bylines and the history show it (`Mai Quý`).
 */
name: string, 
/**
 * Short form for badges and the margin (`MQ`); made from the name when left empty.
 */
initials: string, role: Role, };

export type Language = "vi" | "en";

export type NotificationKind = "submitted" | "taken" | "returned" | "approved" | "published" | "scheduled" | "updated" | "corrected" | "taken_down" | "comment" | "reply" | "lock_taken";

export type Notification = { id: number, kind: NotificationKind, article_id: string, 
/**
 * The piece's headline as it is now (empty when it has none yet).
 */
headline: string, 
/**
 * Who did it, by the name the history records.
 */
actor: string, 
/**
 * The note of a move (a return's reason), or the comment's text.
 */
note: string, 
/**
 * When it happened (RFC 3339, UTC).
 */
happened_at: string, read: boolean, };

export type Inbox = { items: Array<Notification>, unread: number, };

export type NotificationSettings = { 
/**
 * Whether the operating system shows a notification as well as the inbox.
 */
system: boolean, 
/**
 * Kinds the person does not want to hear of: neither in the inbox nor from the system.
 */
muted: Array<NotificationKind>, };

export type Reason = "start" | "scheduled" | "manual" | "before_restore";

export type Backup = { 
/**
 * The folder's name: the time it was made, UTC (`20261203-203000`).
 */
id: string, 
/**
 * RFC 3339, UTC.
 */
created_at: string, reason: Reason, 
/**
 * The store version (migrations run) of the copy.
 */
schema: number, articles: number, photos: number, 
/**
 * Pieces waiting to be sent when the copy was made.
 */
unsent: number, 
/**
 * The size of the database copy (the photos are kept once for all backups).
 */
bytes: number, };

export type BackupSettings = { 
/**
 * A folder of the user's choosing (another disk, a synced folder); empty: `backups` in
 * the data directory.
 */
folder: string, 
/**
 * How many backups are kept; older ones are removed when a new one is made.
 */
keep: number, };

export type PiecePreview = { id: string, headline: string, status: string, updated_at: string, 
/**
 * What the current store has of the piece: `same`, `changed` (a different version),
 * `missing` (purged or never here).
 */
here: string, };

export type BackupPreview = { backup: Backup, 
/**
 * How many pieces the backup holds in each workflow state, as `(status, count)`.
 */
by_status: Array<[string, number]>, 
/**
 * The pieces the backup holds that the current store lacks or holds differently, newest
 * first, then the rest (at most 200 in all).
 */
pieces: Array<PiecePreview>, 
/**
 * Pieces in the backup that the current store lacks.
 */
missing_here: number, 
/**
 * Pieces the current store holds that the backup lacks (they would be gone after the
 * restore, kept in the backup made before it).
 */
only_here: number, };

export type Restored = { restored: Backup, 
/**
 * The backup of the store as it was just before.
 */
kept: Backup, 
/**
 * Photo files put back into the library from the backups' photos.
 */
photos_put_back: number, };

export type VersionRef = "working" | "submitted" | "returned" | { "revision": number };

export type VersionInfo = { version: VersionRef, 
/**
 * The revision it is (none for the working copy).
 */
revision_id: number | null, author: string, at: string, };

export type DiffField = "headline" | "sapo" | "body" | "byline" | "dateline" | "section";

export type Change = "equal" | "insert" | "delete";

export type Segment = { change: Change, text: string, 
/**
 * A deleted passage that reappears, unchanged, as an insertion elsewhere (and that
 * insertion): the passage was moved, not rewritten.
 */
moved: boolean, 
/**
 * Who made the change, when the versions in between say so.
 */
by: string | null, };

export type FieldDiff = { field: DiffField, segments: Array<Segment>, };

export type CaptionDiff = { photo_id: string, segments: Array<Segment>, };

export type ArticleDiff = { from: VersionInfo, to: VersionInfo, 
/**
 * Every field that differs, in the order the editor shows them.
 */
fields: Array<FieldDiff>, 
/**
 * Every photo whose caption differs (a photo only in one version counts).
 */
captions: Array<CaptionDiff>, 
/**
 * Who made the changes.
 */
authors: Array<string>, 
/**
 * Words inserted plus words deleted.
 */
changed_words: number, };

export type Anchor = { quote: string, prefix: string, suffix: string, 
/**
 * Where the quote started, in characters (code points) from the start of the body.
 */
position: number, };

export type Found = "exact" | "context" | "fuzzy";

export type Comment = { id: string, author: string, text: string, created_at: string, };

export type Thread = { id: string, article_id: string, 
/**
 * The passage as it now reads (or last read, when orphaned).
 */
quote: string, created_by: string, created_at: string, resolved_by: string, resolved_at: string | null, comments: Array<Comment>, 
/**
 * Where the passage is in the current body, in characters; none when orphaned.
 */
start: number | null, end: number | null, 
/**
 * How it was found again.
 */
found: Found | null, };

export type ProposalState = "open" | "accepted" | "rejected";

export type Proposal = { id: string, article_id: string, quote: string, replacement: string, created_by: string, created_at: string, state: ProposalState, settled_by: string, 
/**
 * Where the proposal applies in the current body, in characters; none when the passage
 * it was made on is gone (orphaned).
 */
start: number | null, end: number | null, found: Found | null, };
