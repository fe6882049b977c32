//! People by their own names on every machine: a desk editor whose site account is called
//! "Biên tập viên Minh" but whose profile says "Trần Minh" is "Trần Minh" on the reporter's
//! machine, in the lock banner and on the edit merged from the site.

use chrono::Utc;
use newsroom_articles::Status;
use newsroom_profile::{Profile, Role};

use super::desk::{local_of, piece, post_of, reporter_and_desk};
use super::*;

fn named(m: &super::desk::Machine, name: &str, role: Role) {
    let profile = Profile {
        name: name.into(),
        initials: String::new(),
        role,
    };
    newsroom_profile::save(&m.n.conn, &profile).unwrap();
}

#[test]
fn a_desk_editor_is_named_by_their_profile_on_the_reporters_machine_in_the_lock_and_the_merged_edit() {
    let Some((reporter, desk)) = reporter_and_desk() else {
        return;
    };
    named(&reporter, "Mai Quý", Role::Reporter);
    named(&desk, "Trần Minh", Role::DeskEditor);

    let mine = piece(&reporter, "Tên người trên mọi máy");
    reporter.move_to(&mine, Status::Submitted, "Mai Quý", "");
    reporter.send();
    let post = post_of(&reporter, &mine);
    desk.pull_until("the submitted piece", |m| local_of(m, post).is_some());
    let theirs = local_of(&desk, post).unwrap();

    // The desk takes it, changes one hour in it, and sends it back with its review.
    desk.move_to(&theirs, Status::InReview, "Trần Minh", "");
    let article = newsroom_articles::get(&desk.n.conn, &theirs).unwrap();
    let mut fields = article.fields();
    fields.body = fields.body.replace("11 giờ", "12 giờ");
    newsroom_articles::save(
        &desk.n.conn,
        &theirs,
        article.version,
        &fields,
        newsroom_articles::SaveKind::Manual,
        "Trần Minh",
        Utc::now(),
    )
    .unwrap();
    crate::enqueue(
        &desk.n.conn,
        &theirs,
        &desk.n.backend.id,
        RemoteStatus::Pending,
        Utc::now(),
    )
    .unwrap();
    desk.send();
    let lock = desk.lock(|conn| lock_piece(conn, &theirs));
    assert_eq!(lock.state, LockState::Mine);

    // The reporter's machine learns of it, and names the desk editor as they name themselves.
    reporter.pull_until("the desk's edit", |m| {
        newsroom_articles::get(&m.n.conn, &mine)
            .unwrap()
            .body
            .contains("12 giờ")
    });
    let edited = newsroom_articles::get(&reporter.n.conn, &mine).unwrap();
    assert_eq!(
        edited.updated_by, "Trần Minh",
        "not the site's name for the account"
    );
    let diff = newsroom_review::compare(
        &reporter.n.conn,
        &mine,
        newsroom_review::VersionRef::Submitted,
        newsroom_review::VersionRef::Working,
    )
    .unwrap();
    assert_eq!(diff.changed_words, 2, "{diff:#?}");
    let body = diff
        .fields
        .iter()
        .find(|f| f.field == newsroom_review::DiffField::Body)
        .unwrap();
    assert!(body
        .segments
        .iter()
        .filter(|s| s.change != newsroom_review::Change::Equal)
        .all(|s| s.by.as_deref() == Some("Trần Minh")));
    let held = reporter.lock(|conn| piece_lock(conn, &mine));
    assert_eq!((held.state, held.holder.as_str()), (LockState::Held, "Trần Minh"));
    let history = newsroom_articles::status_history(&reporter.n.conn, &mine).unwrap();
    let who: Vec<(Status, &str)> = history.iter().map(|c| (c.to, c.changed_by.as_str())).collect();
    assert_eq!(
        who,
        [(Status::Submitted, "Mai Quý"), (Status::InReview, "Trần Minh")]
    );
    // The desk's history has the reporter's submit too, named as the reporter named it.
    let history = newsroom_articles::status_history(&desk.n.conn, &theirs).unwrap();
    let who: Vec<(Status, &str)> = history.iter().map(|c| (c.to, c.changed_by.as_str())).collect();
    assert_eq!(
        who,
        [(Status::Submitted, "Mai Quý"), (Status::InReview, "Trần Minh")]
    );
    desk.lock(|conn| release_piece(conn, &theirs));
}
