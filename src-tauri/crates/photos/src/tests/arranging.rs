//! An article's photos: order, lead, own captions, and the checklist's photo rules.

use super::*;

#[test]
fn an_article_orders_its_photos_has_one_lead_and_its_own_captions() {
    let fixture = Fixture::new();
    let article = fixture.article();
    let other_article = fixture.article();
    let a = fixture
        .import("a.jpg", &jpeg(&marked_image(400, 300)))
        .unwrap()
        .photo;
    let b = fixture
        .import("b.jpg", &jpeg(&marked_image(300, 400)))
        .unwrap()
        .photo;
    edit(
        &fixture.conn,
        &a.id,
        &PhotoEdit {
            description: Some("Mô tả lưu trữ".into()),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    for id in [&a.id, &b.id] {
        attach(&fixture.conn, &article, id).unwrap();
    }
    attach(&fixture.conn, &other_article, &a.id).unwrap();
    set_article_caption(
        &fixture.conn,
        &article,
        &a.id,
        Some("Chú thích riêng của bài này"),
    )
    .unwrap();

    let photos = article_photos(&fixture.conn, &article).unwrap();
    assert_eq!(
        photos.iter().map(|p| p.photo.id.as_str()).collect::<Vec<_>>(),
        [&a.id, &b.id]
    );
    assert!(photos[0].is_lead && !photos[1].is_lead, "the first photo leads");
    assert_eq!(photos[0].caption, "Chú thích riêng của bài này");
    assert_eq!(
        article_photos(&fixture.conn, &other_article).unwrap()[0].caption,
        "Mô tả lưu trữ"
    );

    reorder(&fixture.conn, &article, std::slice::from_ref(&b.id)).unwrap();
    set_lead(&fixture.conn, &article, Some(&b.id)).unwrap();
    let photos = article_photos(&fixture.conn, &article).unwrap();
    assert_eq!(photos[0].photo.id, b.id);
    assert!(photos[0].is_lead && !photos[1].is_lead);

    let missing_alt = list(
        &fixture.conn,
        &PhotoQuery {
            missing: Some(RequiredField::Alt),
            article_id: Some(article.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(missing_alt.len(), 2);
    let missing_caption = list(
        &fixture.conn,
        &PhotoQuery {
            missing: Some(RequiredField::Caption),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(missing_caption.iter().map(|p| &p.id).collect::<Vec<_>>(), [&b.id]);
}

#[test]
fn the_checklist_refuses_a_piece_whose_photos_lack_caption_credit_or_alt_text() {
    use newsroom_articles::{ArticleError, ChecklistRule, Status};
    let fixture = Fixture::new();
    let fields = newsroom_articles::ArticleFields {
        headline: "Công nhân nhận quà".into(),
        sapo: "Sáng nay, Công đoàn cơ sở trao quà.".into(),
        byline: "Mai Quý".into(),
        ..Default::default()
    };
    let article = newsroom_articles::create(&fixture.conn, &fields, "tester", now())
        .unwrap()
        .id;
    let photo = fixture
        .import("a.jpg", &jpeg(&marked_image(400, 300)))
        .unwrap()
        .photo;
    attach(&fixture.conn, &article, &photo.id).unwrap();
    let submit = || {
        newsroom_articles::set_status(
            &fixture.conn,
            &article,
            newsroom_articles::Move {
                to: Status::Submitted,
                from: None,
                by: "tester",
                note: "",
            },
            now(),
        )
    };
    match submit() {
        Err(ArticleError::ChecklistFailed(rules)) => assert_eq!(
            rules,
            vec![
                ChecklistRule::PhotoCaptionMissing,
                ChecklistRule::PhotoCreditMissing,
                ChecklistRule::PhotoAltMissing
            ]
        ),
        other => panic!("expected the photo rules to fail, got {other:?}"),
    }
    // The article's own caption counts; the archive description may stay empty.
    set_article_caption(&fixture.conn, &article, &photo.id, Some("Công nhân nhận quà")).unwrap();
    let change = PhotoEdit {
        credit: Some("Ảnh: Mai Quý".into()),
        alt_text: Some("Một nữ công nhân cầm túi quà".into()),
        ..Default::default()
    };
    edit(&fixture.conn, &photo.id, &change, now()).unwrap();
    assert_eq!(submit().unwrap().status, Status::Submitted);
}

#[test]
fn a_pieces_own_caption_is_the_photos_caption_on_the_desk() {
    let fixture = Fixture::new();
    let article = fixture.article();
    let photo = fixture
        .import("a.jpg", &jpeg(&marked_image(400, 300)))
        .unwrap()
        .photo;
    attach(&fixture.conn, &article, &photo.id).unwrap();
    let missing_caption = |fixture: &Fixture| {
        list(
            &fixture.conn,
            &PhotoQuery {
                missing: Some(RequiredField::Caption),
                ..Default::default()
            },
        )
        .unwrap()
        .len()
    };
    assert_eq!(missing_caption(&fixture), 1);
    assert!(get(&fixture.conn, &photo.id)
        .unwrap()
        .missing
        .contains(&RequiredField::Caption));
    // The piece writes its own caption for the photo: the desk no longer asks for one, the
    // same way the piece's checklist is satisfied.
    set_article_caption(&fixture.conn, &article, &photo.id, Some("Công nhân nhận quà Tết")).unwrap();
    assert_eq!(missing_caption(&fixture), 0);
    let shown = get(&fixture.conn, &photo.id).unwrap();
    assert!(
        !shown.missing.contains(&RequiredField::Caption),
        "{:?}",
        shown.missing
    );
    let listed = list(&fixture.conn, &PhotoQuery::default()).unwrap();
    assert!(!listed[0].missing.contains(&RequiredField::Caption));
}
