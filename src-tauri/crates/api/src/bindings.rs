//! The TypeScript types the UI compiles against, generated from the Rust types.
//!
//! `ui/src/bindings.ts` is checked in. The test below fails when it differs from what the
//! Rust types produce; run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p newsroom-api bindings`
//! to rewrite it.

use ts_rs::{Config, TS};

use crate::DemoRemoved;
use crate::{
    AcceptSuggestion, ApiError, Article, ArticleFields, ArticlePhoto, ArticleSummary, ArticleTag,
    CameraFacts, ChecklistRule, DirectoryImport, EmbeddedFields, Entity, EntityInput, EntityKind, EntityRole,
    ErrorCode, ImportProblem, ImportProgress, ImportStage, ImportSummary, Imported, NeverSuggested,
    OrganisationSuggestion, PersonShown, PersonSuggestion, Photo, PhotoEdit, PhotoFormat, PhotoPage,
    PhotoQuery, ReadMetadata, RenderedMarkdown, Rendition, RequiredField, Revision, RevisionReason,
    RevisionSummary, SaveKind, SaveRequest, Status, StatusChange, StatusRequest, Suggestions, TrashedArticle,
};
use crate::{
    ActRequest, Action, Backup, BackupPreview, BackupSettings, Correction, PiecePreview, Reason, Restored,
};
use crate::{
    Anchor, ArticleDiff, CaptionDiff, Change, Comment, DiffField, FieldDiff, Found, IndexProgress, Language,
    ListQuery, PhotoCaption, Profile, Proposal, ProposalState, Queue, Role, Segment, StatusCount, Thread,
    VersionInfo, VersionRef,
};
use crate::{
    Backend, Choice, Connectivity, DeskSupport, Field, JobState, LockState, Passage, PieceLock, PullOutcome,
    Pulled, SendProgress, SendStage, SendState, SiteApproval, SiteApprovalPage, SyncJob, SyncOverview,
    TakeOver,
};
use crate::{
    ColourLabel, Crop, CropRequest, Focal, Framing, PhotoSort, PhotoTemplate, Pick, Shortcut, ShortcutImport,
    TemplateFields,
};
use crate::{Conversion, ConvertedWord, FieldLimits, ImportedArticle, Legacy};
use crate::{HouseStyle, HouseWord, Issue, IssueKind, Normalised, TonePlacement, VowelIY, WordKind};
use crate::{Inbox, Notification, NotificationKind, NotificationSettings};

/// The whole generated file.
pub fn typescript_bindings() -> String {
    let cfg = Config::default();
    let decls = [
        Status::decl(&cfg),
        Legacy::decl(&cfg),
        ConvertedWord::decl(&cfg),
        Conversion::decl(&cfg),
        ImportedArticle::decl(&cfg),
        FieldLimits::decl(&cfg),
        IssueKind::decl(&cfg),
        Issue::decl(&cfg),
        TonePlacement::decl(&cfg),
        VowelIY::decl(&cfg),
        HouseStyle::decl(&cfg),
        WordKind::decl(&cfg),
        HouseWord::decl(&cfg),
        Normalised::decl(&cfg),
        ArticleFields::decl(&cfg),
        Article::decl(&cfg),
        ArticleSummary::decl(&cfg),
        SaveKind::decl(&cfg),
        SaveRequest::decl(&cfg),
        StatusRequest::decl(&cfg),
        Action::decl(&cfg),
        ActRequest::decl(&cfg),
        Correction::decl(&cfg),
        RevisionReason::decl(&cfg),
        RevisionSummary::decl(&cfg),
        Revision::decl(&cfg),
        StatusChange::decl(&cfg),
        ChecklistRule::decl(&cfg),
        RenderedMarkdown::decl(&cfg),
        EntityKind::decl(&cfg),
        EntityRole::decl(&cfg),
        Entity::decl(&cfg),
        EntityInput::decl(&cfg),
        ArticleTag::decl(&cfg),
        ImportSummary::decl(&cfg),
        NeverSuggested::decl(&cfg),
        PersonSuggestion::decl(&cfg),
        OrganisationSuggestion::decl(&cfg),
        Suggestions::decl(&cfg),
        AcceptSuggestion::decl(&cfg),
        PhotoFormat::decl(&cfg),
        RequiredField::decl(&cfg),
        PersonShown::decl(&cfg),
        Photo::decl(&cfg),
        PhotoEdit::decl(&cfg),
        ArticlePhoto::decl(&cfg),
        EmbeddedFields::decl(&cfg),
        CameraFacts::decl(&cfg),
        ReadMetadata::decl(&cfg),
        Imported::decl(&cfg),
        Rendition::decl(&cfg),
        Crop::decl(&cfg),
        Focal::decl(&cfg),
        Framing::decl(&cfg),
        CropRequest::decl(&cfg),
        TemplateFields::decl(&cfg),
        PhotoTemplate::decl(&cfg),
        Shortcut::decl(&cfg),
        ShortcutImport::decl(&cfg),
        Pick::decl(&cfg),
        ColourLabel::decl(&cfg),
        PhotoSort::decl(&cfg),
        PhotoQuery::decl(&cfg),
        PhotoPage::decl(&cfg),
        ErrorCode::decl(&cfg),
        ImportStage::decl(&cfg),
        ImportProgress::decl(&cfg),
        ApiError::decl(&cfg),
        Backend::decl(&cfg),
        JobState::decl(&cfg),
        SyncJob::decl(&cfg),
        Connectivity::decl(&cfg),
        SendProgress::decl(&cfg),
        SyncOverview::decl(&cfg),
        SiteApprovalPage::decl(&cfg),
        DemoRemoved::decl(&cfg),
        SiteApproval::decl(&cfg),
        Field::decl(&cfg),
        Passage::decl(&cfg),
        Choice::decl(&cfg),
        PullOutcome::decl(&cfg),
        Pulled::decl(&cfg),
        SendStage::decl(&cfg),
        SendState::decl(&cfg),
        DeskSupport::decl(&cfg),
        LockState::decl(&cfg),
        PieceLock::decl(&cfg),
        TakeOver::decl(&cfg),
        ListQuery::decl(&cfg),
        IndexProgress::decl(&cfg),
        StatusCount::decl(&cfg),
        Queue::decl(&cfg),
        TrashedArticle::decl(&cfg),
        ImportProblem::decl(&cfg),
        DirectoryImport::decl(&cfg),
        PhotoCaption::decl(&cfg),
        Role::decl(&cfg),
        Profile::decl(&cfg),
        Language::decl(&cfg),
        NotificationKind::decl(&cfg),
        Notification::decl(&cfg),
        Inbox::decl(&cfg),
        NotificationSettings::decl(&cfg),
        Reason::decl(&cfg),
        Backup::decl(&cfg),
        BackupSettings::decl(&cfg),
        PiecePreview::decl(&cfg),
        BackupPreview::decl(&cfg),
        Restored::decl(&cfg),
        VersionRef::decl(&cfg),
        VersionInfo::decl(&cfg),
        DiffField::decl(&cfg),
        Change::decl(&cfg),
        Segment::decl(&cfg),
        FieldDiff::decl(&cfg),
        CaptionDiff::decl(&cfg),
        ArticleDiff::decl(&cfg),
        Anchor::decl(&cfg),
        Found::decl(&cfg),
        Comment::decl(&cfg),
        Thread::decl(&cfg),
        ProposalState::decl(&cfg),
        Proposal::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by newsroom-api (src-tauri/crates/api/src/bindings.rs).\n\
         // Do not edit: run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p newsroom-api bindings`.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(decl.trim());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn bindings_file_is_current() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/bindings.ts");
        let expected = super::typescript_bindings();
        if std::env::var_os("NEWSROOM_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).unwrap();
            return;
        }
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            found == expected,
            "ui/src/bindings.ts is stale: run `NEWSROOM_UPDATE_BINDINGS=1 cargo test -p newsroom-api bindings`"
        );
    }
}
