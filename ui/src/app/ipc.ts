// Typed calls into the desktop shell. Every type comes from ../bindings.ts, which is generated
// from the Rust types; every failure arrives as an ApiError {code, message}.
import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  AcceptSuggestion,
  ArticlePhoto,
  ImportProgress,
  Imported,
  Photo,
  PhotoEdit,
  PhotoPage,
  PhotoQuery,
  Rendition,
  ApiError,
  ArticleTag,
  Entity,
  EntityInput,
  EntityKind,
  ImportSummary,
  Suggestions,
  Article,
  ArticleFields,
  ArticleSummary,
  ChecklistRule,
  ErrorCode,
  RenderedMarkdown,
  Revision,
  RevisionSummary,
  SaveRequest,
  StatusChange,
  StatusRequest,
  Backend,
  Choice,
  Passage,
  Pulled,
  SyncOverview,
} from "../bindings";

const CODES: readonly ErrorCode[] = [
  "not_found",
  "conflict",
  "too_large",
  "invalid_input",
  "invalid_transition",
  "checklist_failed",
  "file_missing",
  "not_an_image",
  "unsupported_format",
  "corrupt_image",
  "unauthorized",
  "network",
  "remote",
  "keychain",
  "store_too_new",
  "storage",
  "internal",
];

/** Anything thrown by invoke, as an ApiError (IPC or permission failures become `internal`). */
export function toApiError(err: unknown): ApiError {
  if (err && typeof err === "object" && "code" in err && "message" in err) {
    const code = (err as { code: unknown }).code;
    if (CODES.includes(code as ErrorCode)) return err as ApiError;
  }
  return { code: "internal", message: String(err) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (err) {
    throw toApiError(err);
  }
}

export const ipc = {
  articleList: () => call<ArticleSummary[]>("article_list"),
  articleSearch: (query: string) => call<ArticleSummary[]>("article_search", { query }),
  articleGet: (id: string) => call<Article>("article_get", { id }),
  articleCreate: (fields: ArticleFields) => call<Article>("article_create", { fields }),
  articleSave: (request: SaveRequest) => call<Article>("article_save", { request }),
  articleDelete: (id: string) => call<null>("article_delete", { id }),
  articleSetStatus: (request: StatusRequest) => call<Article>("article_set_status", { request }),
  articleChecklist: (id: string) => call<ChecklistRule[]>("article_checklist", { id }),
  articleStatusHistory: (id: string) => call<StatusChange[]>("article_status_history", { id }),
  revisionList: (articleId: string) => call<RevisionSummary[]>("revision_list", { articleId }),
  revisionGet: (revisionId: number) => call<Revision>("revision_get", { revisionId }),
  revisionRestore: (revisionId: number) => call<Article>("revision_restore", { revisionId }),
  markdownRender: (markdown: string, articleId: string | null = null) =>
    call<RenderedMarkdown>("markdown_render", { markdown, articleId }),
  photoPick: () => call<string[]>("photo_pick"),
  photoImportPaths: (paths: string[], articleId: string | null, onProgress: (p: ImportProgress) => void) => {
    const progress = new Channel<ImportProgress>();
    progress.onmessage = onProgress;
    return call<number>("photo_import_paths", { paths, articleId, progress });
  },
  /** A pasted image goes as the raw request body; names travel percent-encoded in headers. */
  photoImportBytes: async (name: string, bytes: Uint8Array, articleId: string | null) => {
    try {
      return await invoke<Imported>("photo_import_bytes", bytes, {
        headers: { "x-file-name": encodeURIComponent(name), "x-article-id": encodeURIComponent(articleId ?? "") },
      });
    } catch (err) {
      throw toApiError(err);
    }
  },
  photoGet: (id: string) => call<Photo>("photo_get", { id }),
  photoEdit: (id: string, change: PhotoEdit) => call<Photo>("photo_edit", { id, change }),
  photoList: (query: PhotoQuery) => call<PhotoPage>("photo_list", { query }),
  photoExport: (id: string, rendition: Rendition, articleId: string | null) =>
    call<string | null>("photo_export", { id, rendition, articleId }),
  articlePhotos: (articleId: string) => call<ArticlePhoto[]>("article_photos", { articleId }),
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
  entityPhotos: (entityId: string) => call<Photo[]>("entity_photos", { entityId }),
  appPainted: () => call<null>("app_painted"),
  entityList: (kind: EntityKind | null, query: string) => call<Entity[]>("entity_list", { kind, query }),
  entityGet: (id: string) => call<Entity>("entity_get", { id }),
  entitySave: (input: EntityInput) => call<Entity>("entity_save", { input }),
  entityUpdate: (id: string, input: EntityInput) => call<Entity>("entity_update", { id, input }),
  entityDelete: (id: string) => call<null>("entity_delete", { id }),
  entityMerge: (from: string, into: string) => call<Entity>("entity_merge", { from, into }),
  entityImportText: (fileName: string, contents: string) =>
    call<ImportSummary>("entity_import_text", { fileName, contents }),
  entityExportJson: () => call<string>("entity_export_json"),
  entityExportFile: () => call<string | null>("entity_export_file"),
  entityArticles: (id: string) => call<ArticleSummary[]>("entity_articles", { id }),
  articleTags: (articleId: string) => call<ArticleTag[]>("article_tags", { articleId }),
  articleUntag: (articleId: string, entityId: string) => call<null>("article_untag", { articleId, entityId }),
  suggestionsForArticle: (articleId: string, text: string) =>
    call<Suggestions>("suggestions_for_article", { articleId, text }),
  suggestionAccept: (accept: AcceptSuggestion) => call<ArticleTag>("suggestion_accept", { accept }),
  suggestionReject: (articleId: string, kind: EntityKind, name: string) =>
    call<null>("suggestion_reject", { articleId, kind, name }),
  syncOverview: () => call<SyncOverview>("sync_overview"),
  syncSetPaused: (paused: boolean) => call<null>("sync_set_paused", { paused }),
  syncQueue: (articleId: string) => call<null>("sync_queue", { articleId }),
  syncRetry: (jobId: number) => call<null>("sync_retry", { jobId }),
  syncCancel: (jobId: number) => call<null>("sync_cancel", { jobId }),
  syncConflict: (jobId: number) => call<Passage[]>("sync_conflict", { jobId }),
  syncResolve: (jobId: number, choices: Choice[]) => call<null>("sync_resolve", { jobId, choices }),
  syncPull: () => call<Pulled[]>("sync_pull"),
  backendList: () => call<Backend[]>("backend_list"),
  backendAddWordpress: (name: string, url: string, user: string, password: string) =>
    call<Backend>("backend_add_wordpress", { name, url, user, password }),
  backendAddNinjs: (name: string, url: string, secret: string) =>
    call<Backend>("backend_add_ninjs", { name, url, secret }),
  backendRemove: (id: string) => call<null>("backend_remove", { id }),
};

/** Where the webview loads a stored image from (the shell's `photo:` scheme). */
export function photoUrl(id: string, rendition: Rendition = "thumb"): string {
  const windows = navigator.userAgent.includes("Windows");
  return windows ? `http://photo.localhost/${id}/${rendition}` : `photo://localhost/${id}/${rendition}`;
}
