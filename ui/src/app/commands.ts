// Generated from the shell's command declarations (src-tauri/src/commands/*.rs) by
// newsroom-ipc-contract. Do not edit: run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p newsroom-ipc-contract`.
import type { AcceptSuggestion, ActRequest, Anchor, Article, ArticleDiff, ArticleFields, ArticlePhoto, ArticleSummary, ArticleTag, Backend, Backup, BackupPreview, BackupSettings, ChecklistRule, Choice, Conversion, Correction, CropRequest, DemoRemoved, DirectoryImport, Entity, EntityInput, EntityKind, FieldLimits, HouseStyle, HouseWord, ImportProgress, Imported, Inbox, IndexProgress, Issue, Language, ListQuery, NeverSuggested, Normalised, Notification, NotificationSettings, Passage, Photo, PhotoEdit, PhotoPage, PhotoQuery, PhotoTemplate, PieceLock, Profile, Proposal, Pulled, Queue, RenderedMarkdown, Rendition, Restored, Revision, RevisionSummary, SaveRequest, SendState, Shortcut, ShortcutImport, SiteApprovalPage, StatusChange, StatusRequest, Suggestions, SyncOverview, TakeOver, Thread, TrashedArticle, VersionRef, WordKind } from "../bindings";
import { call, callRaw, channel } from "./invoke";

export const ipc = {
  // app
  /** The UI calls this once the article list has been painted. When the start-up benchmark (`scripts/bench-startup`) sets `NEWSROOM_STARTUP_PROBE`, the shell prints the wall-clock time in milliseconds since the Unix epoch (of the paint, and of each stage of start-up the shell passed: `main`, `store_open`, `setup`, `window_built`) and the core process's resident memory, and exits, so the script can measure process start → list painted from outside. Otherwise it does nothing. */
  appPainted: () =>
    call<null>("app_painted"),
  /** Puts the window's title (title bar, task switcher) in the UI's language. */
  appSetTitle: (title: string) =>
    call<null>("app_set_title", { title }),
  // articles
  searchIndexProgress: () =>
    call<IndexProgress | null>("search_index_progress"),
  /** The desk's queues: the list filtered and counted by the store. */
  articleQueue: (query: ListQuery) =>
    call<Queue>("article_queue", { query }),
  articleSearch: (query: string) =>
    call<ArticleSummary[]>("article_search", { query }),
  articleGet: (id: string) =>
    call<Article>("article_get", { id }),
  articleCreate: (fields: ArticleFields) =>
    call<Article>("article_create", { fields }),
  articleSave: (request: SaveRequest) =>
    call<Article>("article_save", { request }),
  /** A draft no site has goes to the trash; the trash restores, deletes for good, empties. */
  articleTrash: (id: string) =>
    call<null>("article_trash", { id }),
  articleRestoreFromTrash: (id: string) =>
    call<null>("article_restore_from_trash", { id }),
  articleTrashList: () =>
    call<TrashedArticle[]>("article_trash_list"),
  articleDeleteFromTrash: (id: string) =>
    call<null>("article_delete_from_trash", { id }),
  articleEmptyTrash: () =>
    call<number>("article_empty_trash"),
  /** The headline's limit and the sapo's advised length (characters). */
  articleLimits: () =>
    call<FieldLimits>("article_limits"),
  /** A piece made with Ctrl+N and left with nothing in it is not kept. */
  articleDiscardIfBlank: (id: string) =>
    call<boolean>("article_discard_if_blank", { id }),
  articleSetStatus: (request: StatusRequest) =>
    call<Article>("article_set_status", { request }),
  /** Updates, corrects, schedules or embargoes a piece; network-free (the worker sends it). */
  articleAct: (request: ActRequest) =>
    call<Article>("article_act", { request }),
  articleCorrections: (id: string) =>
    call<Correction[]>("article_corrections", { id }),
  articleChecklist: (id: string) =>
    call<ChecklistRule[]>("article_checklist", { id }),
  articleStatusHistory: (id: string) =>
    call<StatusChange[]>("article_status_history", { id }),
  revisionList: (articleId: string) =>
    call<RevisionSummary[]>("revision_list", { articleId }),
  revisionGet: (revisionId: number) =>
    call<Revision>("revision_get", { revisionId }),
  revisionRestore: (revisionId: number) =>
    call<Article>("revision_restore", { revisionId }),
  /** How many example pieces the store holds as they were added. */
  demoCount: () =>
    call<number>("demo_count"),
  /** Adds the example pieces (the first run's "try with examples"). */
  demoAdd: () =>
    call<number>("demo_add"),
  /** Removes the example pieces for good, keeping any that went further than a draft. */
  demoRemove: () =>
    call<DemoRemoved>("demo_remove"),
  // backup
  /** Every backup, newest first. */
  backupList: () =>
    call<Backup[]>("backup_list"),
  /** Makes a backup now, off the UI thread (it copies the whole store). */
  backupCreate: () =>
    call<Backup>("backup_create"),
  /** What restoring a backup would bring back, beside the store as it is. */
  backupPreview: (id: string) =>
    call<BackupPreview>("backup_preview", { id }),
  /** Replaces the store with a backup, after backing the store up as it is. */
  backupRestore: (id: string) =>
    call<Restored>("backup_restore", { id }),
  backupSettings: () =>
    call<BackupSettings>("backup_settings"),
  backupSaveSettings: (settings: BackupSettings) =>
    call<BackupSettings>("backup_save_settings", { settings }),
  /** Asks for a folder with the system's dialog; none when the user cancels. */
  backupPickFolder: () =>
    call<string | null>("backup_pick_folder"),
  // docx
  /** Asks where to save the piece's Word document (named after its headline, the dialog titled in the interface's words) and writes it there; the path written, or none when the dialog was cancelled. */
  articleExportDocx: (id: string, title: string) =>
    call<string | null>("article_export_docx", { id, title }),
  // entities
  entityList: (kind: EntityKind | null, query: string) =>
    call<Entity[]>("entity_list", { kind, query }),
  entityGet: (id: string) =>
    call<Entity>("entity_get", { id }),
  entitySave: (input: EntityInput) =>
    call<Entity>("entity_save", { input }),
  entityUpdate: (id: string, input: EntityInput) =>
    call<Entity>("entity_update", { id, input }),
  entityDelete: (id: string) =>
    call<null>("entity_delete", { id }),
  entityMerge: (from: string, into: string) =>
    call<Entity>("entity_merge", { from, into }),
  entityImportText: (fileName: string, contents: string) =>
    call<DirectoryImport>("entity_import_text", { fileName, contents }),
  entityExportJson: () =>
    call<string>("entity_export_json"),
  entityArticles: (id: string) =>
    call<ArticleSummary[]>("entity_articles", { id }),
  articleTags: (articleId: string) =>
    call<ArticleTag[]>("article_tags", { articleId }),
  articleUntag: (articleId: string, entityId: string) =>
    call<null>("article_untag", { articleId, entityId }),
  /** Asks where to save, then writes the directory (CSV when the name ends in .csv, else JSON). Returns the path written, or nothing when cancelled. */
  entityExportFile: () =>
    call<string | null>("entity_export_file"),
  // markdown
  /** The live preview: with an article, its photos are placed as figures and the counts are the piece's (its sapo and body). */
  markdownRender: (markdown: string, articleId: string | null, sapo: string | null) =>
    call<RenderedMarkdown>("markdown_render", { markdown, articleId, sapo }),
  // notifications
  /** What the history gained since the last look that the person should hear of. */
  notificationsCollect: () =>
    call<Notification[]>("notifications_collect"),
  notificationsInbox: (limit: number) =>
    call<Inbox>("notifications_inbox", { limit }),
  notificationRead: (id: number) =>
    call<number>("notification_read", { id }),
  notificationsReadPiece: (articleId: string) =>
    call<number>("notifications_read_piece", { articleId }),
  notificationsReadAll: () =>
    call<number>("notifications_read_all"),
  notificationSettings: () =>
    call<NotificationSettings>("notification_settings"),
  notificationSettingsSave: (settings: NotificationSettings) =>
    call<NotificationSettings>("notification_settings_save", { settings }),
  /** Shows a notification from the operating system, worded by the UI in its language. Sent from here rather than by the plugin's script API, so the webview needs no permission of the plugin's; a system without a notification service is an error the UI can say. */
  notificationShowSystem: (title: string, body: string) =>
    call<null>("notification_show_system", { title, body }),
  // photos
  /** Asks for photos with the system's file dialog, titled and filtered in the interface's words, opening in `start` when it is a folder; an empty list when the reporter cancels. */
  photoPick: (title: string, filter: string, start: string | null) =>
    call<string[]>("photo_pick", { title, filter, start }),
  /** Asks for a folder (a memory card, or a folder of an event's photos) with the system's dialog, opening in `start` when it is a folder; none when cancelled. */
  photoPickFolder: (title: string, start: string | null) =>
    call<string | null>("photo_pick_folder", { title, start }),
  /** Imports files (a folder stands for the images in it) off the UI thread, reporting every step of every file on `progress`; with a template, each new photo gets it. */
  photoImportPaths: (paths: string[], articleId: string | null, template: string | null, progress: (message: ImportProgress) => void) =>
    call<number>("photo_import_paths", { paths, articleId, template, progress: channel(progress) }),
  /** Imports a pasted image, sent as the raw request body (no JSON), named by the `x-file-name` header and attached to the article named by `x-article-id`. */
  photoImportBytes: (body: Uint8Array, headers: Record<string, string>) =>
    callRaw<Imported>("photo_import_bytes", body, headers),
  photoGet: (id: string) =>
    call<Photo>("photo_get", { id }),
  /** The pieces a photo is in. */
  photoArticles: (id: string) =>
    call<ArticleSummary[]>("photo_articles", { id }),
  photoEdit: (id: string, change: PhotoEdit) =>
    call<Photo>("photo_edit", { id, change }),
  /** One change (fields, stars, pick, label) applied to a selection of photos, all or none. */
  photoEditMany: (ids: string[], change: PhotoEdit) =>
    call<Photo[]>("photo_edit_many", { ids, change }),
  photoList: (query: PhotoQuery) =>
    call<PhotoPage>("photo_list", { query }),
  /** Asks where to save, then writes the photo with its caption fields inside. Returns the path written, or nothing when the reporter cancels. */
  photoExport: (id: string, rendition: Rendition, articleId: string | null) =>
    call<string | null>("photo_export", { id, rendition, articleId }),
  articlePhotos: (articleId: string) =>
    call<ArticlePhoto[]>("article_photos", { articleId }),
  articlePhotoAttach: (articleId: string, photoId: string) =>
    call<ArticlePhoto[]>("article_photo_attach", { articleId, photoId }),
  articlePhotoDetach: (articleId: string, photoId: string) =>
    call<ArticlePhoto[]>("article_photo_detach", { articleId, photoId }),
  articlePhotoReorder: (articleId: string, photoIds: string[]) =>
    call<ArticlePhoto[]>("article_photo_reorder", { articleId, photoIds }),
  articlePhotoSetLead: (articleId: string, photoId: string | null) =>
    call<ArticlePhoto[]>("article_photo_set_lead", { articleId, photoId }),
  articlePhotoCaption: (articleId: string, photoId: string, caption: string | null) =>
    call<ArticlePhoto[]>("article_photo_caption", { articleId, photoId, caption }),
  entityPhotos: (entityId: string) =>
    call<Photo[]>("entity_photos", { entityId }),
  /** The photo desk's metadata templates. */
  photoTemplates: () =>
    call<PhotoTemplate[]>("photo_templates"),
  photoTemplateSave: (template: PhotoTemplate) =>
    call<PhotoTemplate>("photo_template_save", { template }),
  photoTemplateRemove: (name: string) =>
    call<null>("photo_template_remove", { name }),
  /** Applies a template to a selection of photos, in the order given; all or none. */
  photoTemplateApply: (name: string, ids: string[]) =>
    call<Photo[]>("photo_template_apply", { name, ids }),
  /** Saves every template to a file the user picks; the path, or none when cancelled. */
  photoTemplatesExportFile: () =>
    call<string | null>("photo_templates_export_file"),
  /** Merges templates from a file exported on another machine; how many, or none when cancelled. */
  photoTemplatesImportFile: () =>
    call<number | null>("photo_templates_import_file"),
  /** Turns a photo clockwise by 90, 180 or 270 degrees; the renditions are made again. */
  photoRotate: (id: string, degrees: number) =>
    call<Photo>("photo_rotate", { id, degrees }),
  /** Readies an opened photo for framing off the UI thread (its edit master made), so its first crop is quick; whether framing will read the master. */
  photoPrepareFraming: (id: string) =>
    call<boolean>("photo_prepare_framing", { id }),
  /** Straightens a photo by `degrees` (clockwise, -45 to 45; 0 takes it off), its renditions made again off the UI thread. */
  photoStraighten: (id: string, degrees: number) =>
    call<Photo>("photo_straighten", { id, degrees }),
  /** Crops a photo (a rectangle, or a ratio around its focal point), or takes the crop off. */
  photoCrop: (id: string, request: CropRequest) =>
    call<Photo>("photo_crop", { id, request }),
  // profile
  /** The person using the app, or none before the first-run question is answered. */
  profileGet: () =>
    call<Profile | null>("profile_get"),
  /** The name a connected site knows the user by, offered when they fill in their profile. */
  profileOfferedName: () =>
    call<string | null>("profile_offered_name"),
  profileSave: (profile: Profile) =>
    call<Profile>("profile_save", { profile }),
  /** Keeps the interface's language where the shell reads it at start: the system's own dialogs (open a file, save a file) follow it from then on. */
  languageSave: (language: Language) =>
    call<null>("language_save", { language }),
  // review
  /** What changed between two versions of a piece, word by word and by whom. */
  articleDiff: (articleId: string, from: VersionRef, to: VersionRef) =>
    call<ArticleDiff>("article_diff", { articleId, from, to }),
  commentThreads: (articleId: string) =>
    call<Thread[]>("comment_threads", { articleId }),
  commentAdd: (articleId: string, anchor: Anchor, text: string) =>
    call<Thread>("comment_add", { articleId, anchor, text }),
  commentReply: (threadId: string, text: string) =>
    call<Thread>("comment_reply", { threadId, text }),
  commentResolve: (threadId: string, resolved: boolean) =>
    call<Thread>("comment_resolve", { threadId, resolved }),
  proposalList: (articleId: string) =>
    call<Proposal[]>("proposal_list", { articleId }),
  proposalAdd: (articleId: string, anchor: Anchor, replacement: string) =>
    call<Proposal>("proposal_add", { articleId, anchor, replacement }),
  /** What the desk typed in suggestion mode, as proposals (the body is left as it was). */
  proposalFromEdit: (articleId: string, base: string, edited: string) =>
    call<Proposal[]>("proposal_from_edit", { articleId, base, edited }),
  proposalSettle: (proposalId: string, accept: boolean) =>
    call<Article>("proposal_settle", { proposalId, accept }),
  proposalSettleAll: (articleId: string, accept: boolean) =>
    call<Article>("proposal_settle_all", { articleId, accept }),
  // shortcuts
  /** Every code, for the fields that expand them as the user types. */
  shortcutList: () =>
    call<Shortcut[]>("shortcut_list"),
  shortcutSave: (code: string, text: string) =>
    call<Shortcut>("shortcut_save", { code, text }),
  shortcutRemove: (code: string) =>
    call<null>("shortcut_remove", { code }),
  /** Saves the list to a file the user picks, for the other machines; the path, or none when the dialog was cancelled. */
  shortcutExportFile: () =>
    call<string | null>("shortcut_export_file"),
  /** Merges a list exported on another machine; what it added and changed, or none when the dialog was cancelled. */
  shortcutImportFile: () =>
    call<ShortcutImport | null>("shortcut_import_file"),
  // spelling
  /** The marked words of a headline, sapo or body (code-point offsets). */
  spellingCheck: (text: string) =>
    call<Issue[]>("spelling_check", { text }),
  /** Suggestions for one marked word, most likely first. */
  spellingSuggest: (word: string) =>
    call<string[]>("spelling_suggest", { word }),
  /** "Add word" and "ignore": the newsroom's dictionary. */
  spellingAddWord: (word: string, kind: WordKind) =>
    call<HouseWord>("spelling_add_word", { word, kind }),
  /** A text put into the house style (tone placement, i/y). */
  spellingNormalise: (text: string) =>
    call<Normalised>("spelling_normalise", { text }),
  spellingStyle: () =>
    call<HouseStyle>("spelling_style"),
  spellingSetStyle: (style: HouseStyle) =>
    call<HouseStyle>("spelling_set_style", { style }),
  /** Saves the newsroom's dictionary and house style to a file the user picks, for the other machines; the path, or none when the dialog was cancelled. */
  spellingExportFile: () =>
    call<string | null>("spelling_export_file"),
  /** Merges a dictionary file exported on another machine; how many words were new, or none when the dialog was cancelled. */
  spellingImportFile: () =>
    call<number | null>("spelling_import_file"),
  // suggestions
  suggestionsForArticle: (articleId: string, text: string) =>
    call<Suggestions>("suggestions_for_article", { articleId, text }),
  suggestionAccept: (accept: AcceptSuggestion) =>
    call<ArticleTag>("suggestion_accept", { accept }),
  suggestionReject: (articleId: string, kind: EntityKind, name: string) =>
    call<null>("suggestion_reject", { articleId, kind, name }),
  suggestionNever: (kind: EntityKind, name: string) =>
    call<null>("suggestion_never", { kind, name }),
  suggestionAllow: (kind: EntityKind, name: string) =>
    call<boolean>("suggestion_allow", { kind, name }),
  suggestionsNever: () =>
    call<NeverSuggested[]>("suggestions_never"),
  // sync
  syncOverview: () =>
    call<SyncOverview>("sync_overview"),
  syncSetPaused: (paused: boolean) =>
    call<null>("sync_set_paused", { paused }),
  syncRetry: (jobId: number) =>
    call<null>("sync_retry", { jobId }),
  syncCancel: (jobId: number) =>
    call<null>("sync_cancel", { jobId }),
  syncConflict: (jobId: number) =>
    call<Passage[]>("sync_conflict", { jobId }),
  syncResolve: (jobId: number, choices: Choice[]) =>
    call<null>("sync_resolve", { jobId, choices }),
  syncPull: () =>
    call<Pulled[]>("sync_pull"),
  backendList: () =>
    call<Backend[]>("backend_list"),
  backendAddWordpress: (name: string, url: string, user: string, password: string) =>
    call<Backend>("backend_add_wordpress", { name, url, user, password }),
  /** Starts signing in with a site and opens its approval page in the browser; the UI shows the page as a link as well, and says so when no browser could be started. */
  siteApprovalStart: (name: string, url: string) =>
    call<SiteApprovalPage>("site_approval_start", { name, url }),
  backendRemove: (id: string) =>
    call<null>("backend_remove", { id }),
  syncQueue: (articleId: string) =>
    call<null>("sync_queue", { articleId }),
  syncSendStates: (articleIds: string[]) =>
    call<SendState[]>("sync_send_states", { articleIds }),
  syncUnsentCount: () =>
    call<number>("sync_unsent_count"),
  siteSections: () =>
    call<string[]>("site_sections"),
  syncSendState: (articleId: string) =>
    call<SendState>("sync_send_state", { articleId }),
  backendAddNinjs: (name: string, url: string, secret: string) =>
    call<Backend>("backend_add_ninjs", { name, url, secret }),
  pieceLock: (articleId: string) =>
    call<PieceLock>("piece_lock", { articleId }),
  pieceLockTake: (articleId: string) =>
    call<PieceLock>("piece_lock_take", { articleId }),
  pieceTakeOver: (articleId: string) =>
    call<PieceLock>("piece_take_over", { articleId }),
  pieceRelease: (articleId: string) =>
    call<PieceLock>("piece_release", { articleId }),
  pieceTakeovers: (articleId: string) =>
    call<TakeOver[]>("piece_takeovers", { articleId }),
  // text
  /** Checks pasted text for Vietnamese from an old font and converts it. */
  textRescue: (text: string) =>
    call<Conversion | null>("text_rescue", { text }),
};
