//! Two machines' copies of a piece's review meeting (through the site, in the app; here
//! handed over directly): what the reporter and the desk notice afterwards on each side.

use chrono::{Duration, Utc};
use newsroom_articles::{self as articles, ArticleFields, Move, Status};
use newsroom_review::shared::{self, SharedReview};
use newsroom_review::{self as review, ProposalState, ReviewError};

const REPORTER: &str = "Mai Quý";
const DESK: &str = "Trần Biên Tập";
const BODY: &str = "Người lao động được hỗ trợ nhà ở.\n\nHội nghị kết thúc lúc 11 giờ.";

struct Machine {
    _dir: tempfile::TempDir,
    conn: rusqlite::Connection,
    article: String,
}

fn machine() -> Machine {
    let dir = tempfile::tempdir().unwrap();
    let conn = newsroom_store::open_dir(dir.path()).unwrap();
    let fields = ArticleFields {
        headline: "Công đoàn hỗ trợ nhà ở".into(),
        sapo: "Sáng nay, công đoàn trao hỗ trợ nhà ở.".into(),
        body: BODY.into(),
        byline: REPORTER.into(),
        dateline: "Hà Nội".into(),
        section: "Công đoàn".into(),
    };
    let article = articles::create(&conn, &fields, REPORTER, Utc::now()).unwrap().id;
    Machine {
        _dir: dir,
        conn,
        article,
    }
}

/// The desk's machine after it received the reporter's piece with its review.
fn desk_of(reporter: &Machine) -> Machine {
    let desk = machine();
    let sent = shared::export(&reporter.conn, &reporter.article).unwrap();
    shared::absorb(&desk.conn, &desk.article, &sent).unwrap();
    desk
}

/// Each machine takes the other's copy, as two pushes through the site do.
fn exchange(a: &Machine, b: &Machine) {
    let from_a = shared::export(&a.conn, &a.article).unwrap();
    let merged = shared::absorb(&b.conn, &b.article, &from_a).unwrap().merged;
    shared::absorb(&a.conn, &a.article, &merged).unwrap();
}

fn passage(m: &Machine, quote: &str) -> review::Anchor {
    review::anchor_for_quote(&m.conn, &m.article, quote).unwrap()
}

fn history(m: &Machine) -> Vec<(Status, Status, String, String, String)> {
    articles::status_history(&m.conn, &m.article)
        .unwrap()
        .into_iter()
        .map(|c| (c.from, c.to, c.changed_by, c.note, c.changed_at.to_rfc3339()))
        .collect()
}

#[test]
fn a_returned_piece_arrives_with_the_note_comments_and_proposals_and_both_histories_match() {
    let reporter = machine();
    let submit = Move {
        to: Status::Submitted,
        from: Some(Status::Draft),
        by: REPORTER,
        note: "Ảnh sẽ gửi sau",
    };
    articles::set_status(&reporter.conn, &reporter.article, submit, Utc::now()).unwrap();
    let desk = desk_of(&reporter);
    assert_eq!(
        articles::get(&desk.conn, &desk.article).unwrap().status,
        Status::Submitted
    );
    assert_eq!(
        history(&desk)[0].3,
        "Ảnh sẽ gửi sau",
        "the desk sees the reporter's note"
    );

    let take = Move {
        to: Status::InReview,
        from: Some(Status::Submitted),
        by: DESK,
        note: "",
    };
    articles::set_status(&desk.conn, &desk.article, take, Utc::now()).unwrap();
    review::add_thread(
        &desk.conn,
        &desk.article,
        &passage(&desk, "11 giờ"),
        "Giờ nào chính xác?",
        DESK,
        Utc::now(),
    )
    .unwrap();
    review::propose(
        &desk.conn,
        &desk.article,
        &passage(&desk, "nhà ở"),
        "nhà ở xã hội",
        DESK,
        Utc::now(),
    )
    .unwrap();
    let back = Move {
        to: Status::Returned,
        from: Some(Status::InReview),
        by: DESK,
        note: "Kiểm tra lại giờ",
    };
    articles::set_status(&desk.conn, &desk.article, back, Utc::now()).unwrap();

    exchange(&desk, &reporter);
    let piece = articles::get(&reporter.conn, &reporter.article).unwrap();
    assert_eq!(piece.status, Status::Returned);
    assert_eq!(piece.reviewer, DESK);
    let threads = review::threads(&reporter.conn, &reporter.article).unwrap();
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].comments[0].text, "Giờ nào chính xác?");
    assert_eq!(
        threads[0].quote, "11 giờ",
        "the comment is pinned to its passage on the reporter's side"
    );
    let proposals = review::proposals(&reporter.conn, &reporter.article).unwrap();
    assert_eq!(proposals.len(), 1);
    assert_eq!(proposals[0].replacement, "nhà ở xã hội");
    assert_eq!(history(&reporter), history(&desk));
    assert_eq!(history(&reporter).last().unwrap().3, "Kiểm tra lại giờ");

    // Meeting the same copy again changes nothing: a retried request is harmless.
    let again = shared::absorb(
        &reporter.conn,
        &reporter.article,
        &shared::export(&desk.conn, &desk.article).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (again.new_comments, again.new_proposals, again.moved_to),
        (0, 0, None)
    );
    assert_eq!(
        review::threads(&reporter.conn, &reporter.article).unwrap()[0]
            .comments
            .len(),
        1
    );
}

#[test]
fn a_comment_added_on_each_side_keeps_both() {
    let reporter = machine();
    let desk = desk_of(&reporter);
    review::add_thread(
        &desk.conn,
        &desk.article,
        &passage(&desk, "11 giờ"),
        "Giờ nào?",
        DESK,
        Utc::now(),
    )
    .unwrap();
    review::add_thread(
        &reporter.conn,
        &reporter.article,
        &passage(&reporter, "nhà ở"),
        "Thêm số liệu",
        REPORTER,
        Utc::now(),
    )
    .unwrap();
    exchange(&desk, &reporter);
    exchange(&reporter, &desk);
    for m in [&reporter, &desk] {
        let texts: Vec<String> = review::threads(&m.conn, &m.article)
            .unwrap()
            .into_iter()
            .map(|t| t.comments[0].text.clone())
            .collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.contains(&"Giờ nào?".to_owned()) && texts.contains(&"Thêm số liệu".to_owned()));
    }
}

#[test]
fn a_thread_resolved_on_one_side_and_replied_to_on_the_other_stays_open_with_the_reply() {
    let reporter = machine();
    let desk = desk_of(&reporter);
    let thread = review::add_thread(
        &desk.conn,
        &desk.article,
        &passage(&desk, "11 giờ"),
        "Giờ nào?",
        DESK,
        Utc::now(),
    )
    .unwrap();
    exchange(&desk, &reporter);
    // Later on the reporter's clock, yet unseen by the desk: the desk's resolution comes after
    // the reply in time, but its resolver never saw the reply.
    review::reply(&reporter.conn, &thread.id, "Đúng 11 giờ 15", REPORTER, Utc::now()).unwrap();
    review::set_resolved(
        &desk.conn,
        &thread.id,
        true,
        DESK,
        Utc::now() + Duration::seconds(5),
    )
    .unwrap();
    exchange(&desk, &reporter);
    exchange(&reporter, &desk);
    for m in [&reporter, &desk] {
        let t = review::threads(&m.conn, &m.article).unwrap().remove(0);
        assert_eq!(t.resolved_at, None, "the reply keeps the thread open");
        assert_eq!(
            t.comments.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["Giờ nào?", "Đúng 11 giờ 15"]
        );
    }
    // Resolved again by someone who has now seen the reply, it stays resolved on both.
    review::set_resolved(
        &desk.conn,
        &thread.id,
        true,
        DESK,
        Utc::now() + Duration::seconds(10),
    )
    .unwrap();
    exchange(&desk, &reporter);
    assert!(review::threads(&reporter.conn, &reporter.article).unwrap()[0]
        .resolved_at
        .is_some());
}

#[test]
fn a_proposal_settled_on_one_side_is_settled_on_both_and_the_first_decision_stands() {
    let reporter = machine();
    let desk = desk_of(&reporter);
    let p = review::propose(
        &desk.conn,
        &desk.article,
        &passage(&desk, "nhà ở"),
        "nhà ở xã hội",
        DESK,
        Utc::now(),
    )
    .unwrap();
    exchange(&desk, &reporter);
    review::settle(&reporter.conn, &p.id, true, REPORTER, Utc::now()).unwrap();
    review::settle(&desk.conn, &p.id, false, DESK, Utc::now() + Duration::seconds(3)).unwrap();
    exchange(&desk, &reporter);
    for m in [&reporter, &desk] {
        assert!(
            review::proposals(&m.conn, &m.article).unwrap().is_empty(),
            "nothing is left open"
        );
        let held = shared::export(&m.conn, &m.article).unwrap();
        assert_eq!(held.proposals[0].state, ProposalState::Accepted);
        assert_eq!(held.proposals[0].settled_by, REPORTER);
    }
}

#[test]
fn merging_is_the_same_whichever_side_merges_first() {
    let reporter = machine();
    let desk = desk_of(&reporter);
    review::add_thread(
        &desk.conn,
        &desk.article,
        &passage(&desk, "11 giờ"),
        "Giờ nào?",
        DESK,
        Utc::now(),
    )
    .unwrap();
    review::add_thread(
        &reporter.conn,
        &reporter.article,
        &passage(&reporter, "nhà ở"),
        "Số liệu",
        REPORTER,
        Utc::now(),
    )
    .unwrap();
    let a = shared::export(&reporter.conn, &reporter.article).unwrap();
    let b = shared::export(&desk.conn, &desk.article).unwrap();
    assert_eq!(shared::merge(&a, &b), shared::merge(&b, &a));
    let ab = shared::merge(&a, &b);
    assert_eq!(shared::merge(&ab, &b), ab);
}

#[test]
fn review_data_edited_into_garbage_is_refused_with_what_is_wrong_and_nothing_local_changes() {
    let reporter = machine();
    review::add_thread(
        &reporter.conn,
        &reporter.article,
        &passage(&reporter, "nhà ở"),
        "Số liệu",
        REPORTER,
        Utc::now(),
    )
    .unwrap();
    for garbage in [
        "{\"format\":1,\"threads\":\"nonsense\"}",
        "not json at all",
        "{\"format\":99}",
        "[]",
        "{\"format\":1,\"moves\":[{\"id\":\"\",\"from\":\"draft\",\"to\":\"submitted\",\"by\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}]}",
        "{\"format\":1,\"moves\":[{\"id\":\"a\",\"from\":\"draft\",\"to\":\"deleted\",\"by\":\"x\",\"at\":\"2026-01-01T00:00:00Z\"}]}",
    ] {
        let err = shared::parse(garbage).unwrap_err();
        assert!(matches!(err, ReviewError::Unreadable(_)), "{garbage}: {err:?}");
        assert!(err.to_string().contains("review data on the site"), "{err}");
    }
    assert_eq!(shared::parse("").unwrap(), SharedReview::default());
    assert_eq!(
        review::threads(&reporter.conn, &reporter.article).unwrap().len(),
        1
    );
}

#[test]
fn people_are_named_by_the_name_they_gave_last_whichever_side_merges_first() {
    let at = Utc::now();
    let person = |user: i64, name: &str, later: i64| shared::SharedPerson {
        user,
        name: name.into(),
        at: at + Duration::seconds(later),
    };
    let reporter = SharedReview {
        people: vec![person(7, "Mai Quý", 0), person(9, "Biên tập viên Minh", 0)],
        ..SharedReview::default()
    };
    let desk = SharedReview {
        people: vec![person(9, "Trần Minh", 5)],
        ..SharedReview::default()
    };
    let one = shared::merge(&reporter, &desk);
    assert_eq!(one, shared::merge(&desk, &reporter));
    assert_eq!(one, shared::merge(&one, &desk), "merging again adds nothing");
    let names: Vec<(i64, &str)> = one.people.iter().map(|p| (p.user, p.name.as_str())).collect();
    assert_eq!(names, [(7, "Mai Quý"), (9, "Trần Minh")]);
}
