//! Backups made from a real store on disk, with real photos in its library.

use std::path::{Path, PathBuf};

use chrono::{Duration, Utc};
use rusqlite::Connection;

use super::*;

struct Store {
    _dir: tempfile::TempDir,
    root: PathBuf,
    conn: Connection,
}

fn store() -> Store {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let conn = newsroom_store::open_dir(&root).unwrap();
    Store {
        _dir: dir,
        root,
        conn,
    }
}

fn piece(s: &Store, headline: &str) -> String {
    let fields = newsroom_articles::ArticleFields {
        headline: headline.into(),
        body: "Đoạn đầu của bài.".into(),
        ..Default::default()
    };
    newsroom_articles::create(&s.conn, &fields, "Mai Quý", Utc::now())
        .unwrap()
        .id
}

fn photo(s: &Store, article: &str, shade: u8) -> String {
    let pixels: Vec<u8> = (0..64 * 48).flat_map(|i| [shade, (i % 251) as u8, 90]).collect();
    let mut jpeg = Vec::new();
    jpeg_encoder::Encoder::new(&mut jpeg, 90)
        .encode(&pixels, 64, 48, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    let dir = newsroom_photos::photos_dir(&s.root);
    newsroom_photos::import_bytes(&s.conn, &dir, "anh.jpg", &jpeg, Some(article), Utc::now())
        .unwrap()
        .photo
        .sha256
}

/// The library's files of the photo with this hash.
fn library_files(root: &Path, sha: &str) -> Vec<PathBuf> {
    let shard = newsroom_photos::photos_dir(root).join(&sha[..2]);
    std::fs::read_dir(shard)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(sha))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_purged_piece_and_its_lost_photo_come_back_from_a_backup_and_the_store_before_is_kept() {
    let mut s = store();
    let kept = piece(&s, "Công nhân nhận quà Tết");
    let purged = piece(&s, "Bài sẽ bị xoá hẳn");
    let sha = photo(&s, &purged, 40);
    let backup = create(&s.conn, &s.root, Reason::Manual, Utc::now()).unwrap();
    assert_eq!((backup.articles, backup.photos), (2, 1));

    // The piece is purged, its photo's files lost; a new piece is written afterwards.
    newsroom_articles::trash(&s.conn, &purged, Utc::now()).unwrap();
    newsroom_articles::delete_from_trash(&s.conn, &purged).unwrap();
    for file in library_files(&s.root, &sha) {
        std::fs::remove_file(file).unwrap();
    }
    let later = piece(&s, "Viết sau bản sao lưu");

    let seen = preview(&s.conn, &s.root, &backup.id).unwrap();
    assert_eq!((seen.missing_here, seen.only_here), (1, 1));
    assert_eq!(seen.pieces[0].id, purged, "what the store lacks comes first");
    assert_eq!(seen.pieces[0].here, "missing");
    assert!(seen.pieces.iter().any(|p| p.id == kept && p.here == "same"));

    let done = restore(
        &mut s.conn,
        &s.root,
        &backup.id,
        Utc::now() + Duration::seconds(1),
    )
    .unwrap();
    assert_eq!(done.kept.reason, Reason::BeforeRestore);
    assert!(done.photos_put_back >= 1);
    assert_eq!(
        newsroom_articles::get(&s.conn, &purged).unwrap().headline,
        "Bài sẽ bị xoá hẳn"
    );
    assert!(
        newsroom_articles::get(&s.conn, &later).is_err(),
        "the store is the backup's"
    );
    let files = library_files(&s.root, &sha);
    assert!(!files.is_empty());
    assert!(files.iter().all(|f| std::fs::metadata(f).unwrap().len() > 0));
    // The store keeps working as before: WAL, writable, at this app's version.
    let mode: String = s.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(
        newsroom_store::schema_version(&s.conn).unwrap(),
        newsroom_store::MIGRATIONS.len()
    );
    piece(&s, "Viết sau khi khôi phục");
    // A second connection (the app's sync worker) reads the restored store.
    let other = newsroom_store::open_dir(&s.root).unwrap();
    assert!(newsroom_articles::get(&other, &purged).is_ok());

    // The piece written after the backup is in the one made before the restore.
    let listed = list(&s.conn, &s.root).unwrap();
    assert_eq!(listed.len(), 2);
    let before = preview(&s.conn, &s.root, &done.kept.id).unwrap();
    assert!(before.pieces.iter().any(|p| p.id == later));
}

#[test]
fn only_as_many_backups_as_asked_are_kept_with_the_photos_they_need() {
    let s = store();
    save_settings(
        &s.conn,
        &BackupSettings {
            folder: String::new(),
            keep: 2,
        },
    )
    .unwrap();
    let first = piece(&s, "Bài thứ nhất");
    let early = photo(&s, &first, 10);
    let t = Utc::now();
    let oldest = create(&s.conn, &s.root, Reason::Scheduled, t).unwrap();
    // The photo leaves the store; two more backups push the first one out.
    s.conn.execute("DELETE FROM article_photos", []).unwrap();
    s.conn.execute("DELETE FROM photos", []).unwrap();
    create(&s.conn, &s.root, Reason::Scheduled, t + Duration::hours(4)).unwrap();
    create(&s.conn, &s.root, Reason::Manual, t + Duration::hours(8)).unwrap();
    let listed = list(&s.conn, &s.root).unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|b| b.id != oldest.id));
    assert_eq!(listed[0].reason, Reason::Manual, "newest first");
    let shared = s.root.join("backups").join("photos").join(&early[..2]);
    let left = std::fs::read_dir(&shared).map(|d| d.count()).unwrap_or(0);
    assert_eq!(left, 0, "no kept backup needs the photo's files");
}

#[test]
fn a_backup_is_due_when_the_store_changed_and_the_last_is_old_enough() {
    let s = store();
    assert!(
        !due(&s.conn, &s.root, Utc::now(), SCHEDULE_EVERY).unwrap(),
        "an empty store"
    );
    piece(&s, "Bài đầu tiên");
    assert!(
        due(&s.conn, &s.root, Utc::now(), SCHEDULE_EVERY).unwrap(),
        "no backup yet"
    );
    // A backup's time is kept to the millisecond; where the file system's times are finer
    // (NTFS, Wine) the write just before it could share its millisecond and count as after.
    std::thread::sleep(std::time::Duration::from_millis(2));
    let made = Utc::now();
    create(&s.conn, &s.root, Reason::Start, made).unwrap();
    assert!(
        !due(&s.conn, &s.root, made, std::time::Duration::ZERO).unwrap(),
        "nothing changed"
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    piece(&s, "Bài thứ hai");
    assert!(
        due(&s.conn, &s.root, Utc::now(), std::time::Duration::ZERO).unwrap(),
        "changed, at start"
    );
    assert!(
        !due(&s.conn, &s.root, made + Duration::hours(1), SCHEDULE_EVERY).unwrap(),
        "changed, but the last is an hour old"
    );
    assert!(due(&s.conn, &s.root, made + Duration::hours(5), SCHEDULE_EVERY).unwrap());
}

#[test]
fn a_backup_from_a_newer_app_is_refused_and_changes_nothing() {
    let mut s = store();
    let id = piece(&s, "Bài giữ nguyên");
    let backup = create(&s.conn, &s.root, Reason::Manual, Utc::now()).unwrap();
    let manifest = s.root.join("backups").join(&backup.id).join("backup.json");
    let mut value: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    value["schema"] = serde_json::json!(999);
    std::fs::write(&manifest, value.to_string()).unwrap();
    newsroom_articles::trash(&s.conn, &id, Utc::now()).unwrap();
    let err = restore(&mut s.conn, &s.root, &backup.id, Utc::now()).unwrap_err();
    assert!(
        matches!(err, BackupError::NewerSchema { found: 999, .. }),
        "{err}"
    );
    assert_eq!(
        list(&s.conn, &s.root).unwrap().len(),
        1,
        "no backup made for nothing"
    );
    assert!(matches!(
        restore(&mut s.conn, &s.root, "../..", Utc::now()),
        Err(BackupError::NotFound(_))
    ));
}

#[test]
fn settings_take_a_full_path_and_a_sensible_count() {
    let s = store();
    assert_eq!(settings(&s.conn).unwrap(), BackupSettings::default());
    let relative = BackupSettings {
        folder: "sao-luu".into(),
        keep: 5,
    };
    assert!(matches!(
        save_settings(&s.conn, &relative),
        Err(BackupError::Invalid(_))
    ));
    let none = BackupSettings {
        folder: String::new(),
        keep: 0,
    };
    assert!(matches!(
        save_settings(&s.conn, &none),
        Err(BackupError::Invalid(_))
    ));
    let elsewhere = tempfile::tempdir().unwrap();
    let chosen = BackupSettings {
        folder: elsewhere
            .path()
            .join("Sao lưu báo")
            .to_string_lossy()
            .into_owned(),
        keep: 3,
    };
    assert_eq!(save_settings(&s.conn, &chosen).unwrap(), chosen);
    piece(&s, "Bài lưu ra ổ khác");
    let made = create(&s.conn, &s.root, Reason::Manual, Utc::now()).unwrap();
    assert!(elsewhere
        .path()
        .join("Sao lưu báo")
        .join(&made.id)
        .join("backup.json")
        .is_file());
}
