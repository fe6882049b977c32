//! The inbox on a real store: what a reporter and a desk editor hear of, and what they do not.

use chrono::{DateTime, Duration, Utc};
use newsroom_articles::{ArticleFields, Move, Status};
use newsroom_notifications::{
    collect, inbox, mark_all_read, mark_piece_read, save_settings, settings, NotificationKind,
    NotificationSettings,
};
use newsroom_profile::{Profile, Role};
use rusqlite::Connection;

const REPORTER: &str = "Mai Quý";
const DESK: &str = "Trần Biên Tập";

struct Machine {
    _dir: tempfile::TempDir,
    conn: Connection,
}

fn machine(name: &str, role: Role) -> Machine {
    let dir = tempfile::tempdir().unwrap();
    let conn = newsroom_store::open_dir(dir.path()).unwrap();
    newsroom_profile::save(
        &conn,
        &Profile {
            name: name.into(),
            initials: String::new(),
            role,
        },
    )
    .unwrap();
    Machine { _dir: dir, conn }
}

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-04T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
        + Duration::minutes(minutes)
}

fn piece(conn: &Connection, by: &str, headline: &str, when: DateTime<Utc>) -> String {
    let fields = ArticleFields {
        headline: headline.into(),
        sapo: "Sáng nay, Công đoàn trao 500 suất quà cho đoàn viên.".into(),
        body: "Đoàn viên nhận quà tại trụ sở Liên đoàn Lao động thành phố.".into(),
        byline: by.into(),
        dateline: "Hà Nội".into(),
        section: "Công đoàn".into(),
    };
    newsroom_articles::create(conn, &fields, by, when).unwrap().id
}

fn act(conn: &Connection, id: &str, to: Status, by: &str, note: &str, when: DateTime<Utc>) {
    newsroom_articles::set_status(
        conn,
        id,
        Move {
            to,
            from: None,
            by,
            note,
        },
        when,
    )
    .unwrap();
}

fn kinds(conn: &Connection) -> Vec<(NotificationKind, String, String)> {
    let mut items = inbox(conn, 100).unwrap().items;
    items.reverse();
    items.into_iter().map(|n| (n.kind, n.actor, n.note)).collect()
}

#[test]
fn a_reporter_hears_what_the_desk_did_to_their_piece_and_nothing_of_their_own_acts() {
    let m = machine(REPORTER, Role::Reporter);
    // The first look starts the inbox: nothing from before is told.
    let old = piece(&m.conn, REPORTER, "Bài cũ", at(-60));
    act(&m.conn, &old, Status::Submitted, REPORTER, "", at(-59));
    act(&m.conn, &old, Status::InReview, DESK, "", at(-58));
    assert!(collect(&m.conn, at(0)).unwrap().is_empty());
    assert_eq!(inbox(&m.conn, 100).unwrap().unread, 0);

    let id = piece(&m.conn, REPORTER, "Công đoàn trao quà Tết", at(1));
    act(
        &m.conn,
        &id,
        Status::Submitted,
        REPORTER,
        "Anh xem giúp đoạn cuối",
        at(2),
    );
    assert!(
        collect(&m.conn, at(2)).unwrap().is_empty(),
        "one's own submit is not told"
    );

    act(&m.conn, &id, Status::InReview, DESK, "", at(3));
    act(
        &m.conn,
        &id,
        Status::Returned,
        DESK,
        "Thiếu nguồn số liệu ở đoạn hai.",
        at(4),
    );
    let told = collect(&m.conn, at(4)).unwrap();
    assert_eq!(
        told.iter()
            .map(|n| (n.kind, n.headline.as_str()))
            .collect::<Vec<_>>(),
        [
            (NotificationKind::Taken, "Công đoàn trao quà Tết"),
            (NotificationKind::Returned, "Công đoàn trao quà Tết")
        ]
    );
    assert_eq!(told[1].note, "Thiếu nguồn số liệu ở đoạn hai.");
    assert_eq!(told[1].actor, DESK);
    // Looking again tells nothing twice.
    assert!(collect(&m.conn, at(5)).unwrap().is_empty());
    assert_eq!(inbox(&m.conn, 100).unwrap().unread, 2);

    // A comment by the desk, the reporter's reply (theirs: not told), the desk's answer.
    let anchor = newsroom_review::anchor_for_quote(&m.conn, &id, "trụ sở").unwrap();
    let thread = newsroom_review::add_thread(&m.conn, &id, &anchor, "Trụ sở nào?", DESK, at(6)).unwrap();
    newsroom_review::reply(&m.conn, &thread.id, "Trụ sở LĐLĐ Hà Nội.", REPORTER, at(7)).unwrap();
    newsroom_review::reply(&m.conn, &thread.id, "Ghi rõ vào bài nhé.", DESK, at(8)).unwrap();
    act(&m.conn, &id, Status::Submitted, REPORTER, "", at(9));
    act(&m.conn, &id, Status::InReview, DESK, "", at(10));
    act(&m.conn, &id, Status::Approved, DESK, "", at(11));
    act(&m.conn, &id, Status::Published, DESK, "", at(12));
    collect(&m.conn, at(12)).unwrap();
    assert_eq!(
        kinds(&m.conn).into_iter().map(|(k, _, _)| k).collect::<Vec<_>>(),
        [
            NotificationKind::Taken,
            NotificationKind::Returned,
            NotificationKind::Comment,
            NotificationKind::Reply,
            NotificationKind::Taken,
            NotificationKind::Approved,
            NotificationKind::Published,
        ]
    );
    let notes = kinds(&m.conn);
    assert_eq!(notes[2].2, "Trụ sở nào?");
    assert_eq!(notes[3].2, "Ghi rõ vào bài nhé.");

    // Opening the piece reads all of its notifications; the other piece's stay.
    assert_eq!(mark_piece_read(&m.conn, &id, at(13)).unwrap(), 0);
    assert!(inbox(&m.conn, 100).unwrap().items.iter().all(|n| n.read));
}

#[test]
fn the_desk_hears_of_pieces_submitted_and_of_replies_but_not_of_others_pieces_moves() {
    let m = machine(DESK, Role::DeskEditor);
    collect(&m.conn, at(0)).unwrap();
    let id = piece(&m.conn, REPORTER, "Giải bóng đá công nhân", at(1));
    act(&m.conn, &id, Status::Submitted, REPORTER, "Có ảnh kèm", at(2));
    // Another desk editor takes someone else's piece: not this person's to hear of.
    act(&m.conn, &id, Status::InReview, "Lê Phó Tổng", "", at(3));
    let anchor = newsroom_review::anchor_for_quote(&m.conn, &id, "trụ sở").unwrap();
    let thread = newsroom_review::add_thread(&m.conn, &id, &anchor, "Kiểm tra tên", DESK, at(4)).unwrap();
    newsroom_review::reply(&m.conn, &thread.id, "Đã sửa.", REPORTER, at(5)).unwrap();
    collect(&m.conn, at(5)).unwrap();
    assert_eq!(
        kinds(&m.conn),
        [
            (
                NotificationKind::Submitted,
                REPORTER.to_owned(),
                "Có ảnh kèm".to_owned()
            ),
            (NotificationKind::Reply, REPORTER.to_owned(), "Đã sửa.".to_owned()),
        ]
    );
    assert_eq!(mark_all_read(&m.conn, at(6)).unwrap(), 0);
}

#[test]
fn muted_kinds_are_not_kept_and_the_choice_is_remembered() {
    let m = machine(REPORTER, Role::Reporter);
    collect(&m.conn, at(0)).unwrap();
    assert_eq!(settings(&m.conn).unwrap(), NotificationSettings::default());
    let id = piece(&m.conn, REPORTER, "Tin ngắn", at(1));
    act(&m.conn, &id, Status::Submitted, REPORTER, "", at(2));
    act(&m.conn, &id, Status::InReview, DESK, "", at(3));
    collect(&m.conn, at(3)).unwrap();
    assert_eq!(inbox(&m.conn, 10).unwrap().unread, 1);

    // Muting "taken" reads the one waiting and keeps the next out; system notifications off.
    let saved = save_settings(
        &m.conn,
        &NotificationSettings {
            system: false,
            muted: vec![NotificationKind::Taken, NotificationKind::Taken],
        },
        at(4),
    )
    .unwrap();
    assert_eq!(saved.muted, [NotificationKind::Taken]);
    assert_eq!(inbox(&m.conn, 10).unwrap().unread, 0);
    act(&m.conn, &id, Status::Returned, DESK, "Viết lại tít.", at(5));
    act(&m.conn, &id, Status::Submitted, REPORTER, "", at(6));
    act(&m.conn, &id, Status::InReview, DESK, "", at(7));
    let told = collect(&m.conn, at(7)).unwrap();
    assert_eq!(
        told.iter().map(|n| n.kind).collect::<Vec<_>>(),
        [NotificationKind::Returned]
    );
    assert_eq!(settings(&m.conn).unwrap(), saved);
}

#[test]
fn a_piece_deleted_for_good_takes_its_notifications_and_later_events_are_still_found() {
    let m = machine(REPORTER, Role::Reporter);
    collect(&m.conn, at(0)).unwrap();
    let gone = piece(&m.conn, REPORTER, "Bài sẽ xóa", at(1));
    act(&m.conn, &gone, Status::Submitted, REPORTER, "", at(2));
    act(&m.conn, &gone, Status::InReview, DESK, "", at(3));
    collect(&m.conn, at(3)).unwrap();
    m.conn
        .execute("DELETE FROM articles WHERE id = ?1", [&gone])
        .unwrap();
    assert_eq!(inbox(&m.conn, 10).unwrap().items.len(), 0);
    // The deleted rows' numbers are given again by SQLite; the new events are still seen.
    let id = piece(&m.conn, REPORTER, "Bài mới", at(4));
    act(&m.conn, &id, Status::Submitted, REPORTER, "", at(5));
    act(&m.conn, &id, Status::InReview, DESK, "", at(6));
    let told = collect(&m.conn, at(6)).unwrap();
    assert_eq!(
        told.iter().map(|n| n.headline.as_str()).collect::<Vec<_>>(),
        ["Bài mới"]
    );
}
