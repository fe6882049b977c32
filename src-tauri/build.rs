//! Declares the app's own commands so each one needs an explicit permission in
//! `src-tauri/capabilities/`, and points tauri-build at that folder (the config sits at the
//! repository root, not beside this file).

/// Every command the shell registers; keep in step with `generate_handler!` in lib.rs.
const COMMANDS: &[&str] = &[
    "article_list",
    "article_search",
    "article_get",
    "article_create",
    "article_save",
    "article_delete",
    "article_set_status",
    "article_checklist",
    "article_status_history",
    "revision_list",
    "revision_get",
    "revision_restore",
    "markdown_render",
    "entity_list",
    "entity_get",
    "entity_save",
    "entity_update",
    "entity_delete",
    "entity_merge",
    "entity_import_text",
    "entity_export_json",
    "entity_export_file",
    "entity_articles",
    "article_tags",
    "article_untag",
    "suggestions_for_article",
    "suggestion_accept",
    "suggestion_reject",
    "photo_pick",
    "photo_import_paths",
    "photo_import_bytes",
    "photo_get",
    "photo_edit",
    "photo_list",
    "photo_export",
    "article_photos",
    "article_photo_attach",
    "article_photo_detach",
    "article_photo_reorder",
    "article_photo_set_lead",
    "article_photo_caption",
    "entity_photos",
    "app_painted",
    "sync_overview",
    "sync_set_paused",
    "sync_queue",
    "sync_retry",
    "sync_cancel",
    "sync_conflict",
    "sync_resolve",
    "sync_pull",
    "backend_list",
    "backend_add_wordpress",
    "backend_add_ninjs",
    "backend_remove",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
