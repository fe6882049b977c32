// Typed calls into the desktop shell. Every type comes from ../bindings.ts, which is generated
// from the Rust types; every failure arrives as an ApiError {code, message}.
import { invoke } from "@tauri-apps/api/core";
import type {
  AcceptSuggestion,
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
} from "../bindings";

const CODES: readonly ErrorCode[] = [
  "not_found",
  "conflict",
  "too_large",
  "invalid_input",
  "invalid_transition",
  "checklist_failed",
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
  markdownRender: (markdown: string) => call<RenderedMarkdown>("markdown_render", { markdown }),
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
  entityArticles: (id: string) => call<ArticleSummary[]>("entity_articles", { id }),
  articleTags: (articleId: string) => call<ArticleTag[]>("article_tags", { articleId }),
  articleUntag: (articleId: string, entityId: string) => call<null>("article_untag", { articleId, entityId }),
  suggestionsForArticle: (articleId: string, text: string) =>
    call<Suggestions>("suggestions_for_article", { articleId, text }),
  suggestionAccept: (accept: AcceptSuggestion) => call<ArticleTag>("suggestion_accept", { accept }),
  suggestionReject: (articleId: string, kind: EntityKind, name: string) =>
    call<null>("suggestion_reject", { articleId, kind, name }),
};
