//! The articles capability through the API, as the app's editor uses it: what a reporter
//! notices with a very long piece.

use newsroom_api::{Api, ArticleFields, ErrorCode, OpenOptions, SaveKind, SaveRequest};

mod common;
use common::open;

fn fields(headline: &str, body: &str) -> ArticleFields {
    ArticleFields {
        headline: headline.into(),
        body: body.into(),
        ..Default::default()
    }
}

#[test]
fn a_five_megabyte_body_saves_and_renders_and_a_huge_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(dir.path());
    let paragraph = "Công đoàn cơ sở tổ chức đối thoại với người lao động về tiền lương. ";
    let body: String = paragraph.repeat(5 * 1024 * 1024 / paragraph.len() + 1);
    assert!(body.len() >= 5 * 1024 * 1024);
    let a = api.article_create(&fields("Dài", &body)).unwrap();
    assert_eq!(api.article_get(&a.id).unwrap().body.len(), body.len());
    let html = api.article_render(&a.id, "photo:").unwrap();
    assert!(html.starts_with("<p>Công đoàn"));

    let huge = "x".repeat(newsroom_articles::MAX_BODY_BYTES + 1);
    let err = api
        .article_save(&SaveRequest {
            id: a.id.clone(),
            base_version: a.version,
            fields: fields("Dài", &huge),
            kind: SaveKind::Autosave,
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert_eq!(
        api.article_get(&a.id).unwrap().body.len(),
        body.len(),
        "nothing was lost"
    );
}

#[test]
fn comments_and_proposals_never_reach_the_published_html_or_the_ninjs_export() {
    let dir = tempfile::tempdir().unwrap();
    let api = open(dir.path());
    let a = api
        .article_create(&fields("Tin", "Người lao động được hỗ trợ nhà ở."))
        .unwrap();
    api.comment_add_on_quote(&a.id, "nhà ở", "GÓP-Ý-RIÊNG của ban biên tập")
        .unwrap();
    let anchor = newsroom_api::Anchor {
        quote: "nhà ở".into(),
        prefix: "được hỗ trợ ".into(),
        suffix: ".".into(),
        position: 20,
    };
    api.proposal_add(&a.id, &anchor, "ĐỀ-XUẤT-RIÊNG").unwrap();
    let html = api.article_render(&a.id, "photo:").unwrap();
    let ninjs = api.article_export_ninjs(&a.id).unwrap().to_string();
    for secret in ["GÓP-Ý-RIÊNG", "ĐỀ-XUẤT-RIÊNG"] {
        assert!(!html.contains(secret), "{html}");
        assert!(!ninjs.contains(secret), "{ninjs}");
    }
    assert!(
        html.contains("nhà ở"),
        "the text itself is unchanged until a proposal is accepted"
    );
}

#[test]
fn a_store_opened_without_its_index_builds_it_in_the_background_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    {
        let api = open(dir.path());
        for i in 0..700 {
            api.article_create(&fields(&format!("Hội nghị {i}"), "Công đoàn."))
                .unwrap();
        }
    }
    // Staged as after an upgrade to a new index: it has to be built again.
    let conn = rusqlite::Connection::open(dir.path().join(newsroom_store::DATABASE_FILE)).unwrap();
    conn.execute("DELETE FROM settings WHERE key = 'article_search_built'", [])
        .unwrap();
    drop(conn);
    let api = Api::open(&OpenOptions {
        data_dir: Some(dir.path().to_path_buf()),
        index_in_background: true,
    })
    .unwrap();
    let mut reports = Vec::new();
    api.search_index_build(&mut |p| reports.push((p.done, p.total)))
        .unwrap();
    assert_eq!(reports.last(), Some(&(700, 700)));
    assert!(
        reports.len() >= 2,
        "progress is reported along the way: {reports:?}"
    );
    assert_eq!(api.search_index_progress(), None, "nothing is building any more");
    assert_eq!(api.article_search("hoi nghi 699").unwrap().len(), 1);
}
