//! The site's sections: kept here from the site, matched whatever the tone placement or case,
//! and a section the site lacks refused before submitting when the reporter may not add one.

use serde_json::json;

use super::*;

/// The reporter's (an Author's) account on the test site.
fn reporter_site(site: &Site) -> Option<Site> {
    Some(Site {
        url: site.url.clone(),
        user: std::env::var("WP_REPORTER_USER").ok()?,
        password: std::env::var("WP_REPORTER_PASSWORD").ok()?,
    })
}

#[test]
fn a_section_typed_with_the_tone_elsewhere_is_the_sites_and_an_unknown_one_is_refused_before_sending() {
    let Some(admin) = site() else { return };
    let Some(author) = reporter_site(&admin) else {
        assert!(
            std::env::var_os("NEWSROOM_REQUIRE_WORDPRESS").is_none(),
            "scripts/test sets WP_REPORTER_USER"
        );
        return;
    };
    // The site's editors made the section, spelled with the new tone placement.
    let unique = uuid::Uuid::now_v7().simple().to_string();
    let site_name = format!("Văn hóa {}", &unique[20..]);
    let typed = format!("văn hoá {}", &unique[20..]);
    let admin_wp = WordPress::new(&admin.url, &admin.user, &admin.password);
    let category = admin_wp.term("categories", &site_name).unwrap();

    let reporter = newsroom(&author);
    let wp = WordPress::new(&author.url, &author.user, &author.password);
    refresh_sections(&reporter.conn, &reporter.backend, &wp).unwrap();
    let offered = site_sections(&reporter.conn).unwrap();
    assert!(offered.contains(&site_name), "{offered:?}");

    // Typed with the tone on the other vowel and in lower case: the site's own section.
    check_section(&reporter.conn, &typed).unwrap();
    let id = story(&reporter, "Chuyên mục của trang");
    let mut fields = newsroom_articles::get(&reporter.conn, &id).unwrap().fields();
    fields.section = typed.clone();
    let version = newsroom_articles::get(&reporter.conn, &id).unwrap().version;
    newsroom_articles::save(
        &reporter.conn,
        &id,
        version,
        &fields,
        newsroom_articles::SaveKind::Manual,
        "Mai Quý",
        Utc::now(),
    )
    .unwrap();
    let pushed = push(&reporter, &wp, &id, RemoteStatus::Pending).unwrap();
    let post = raw(&admin, &format!("/posts/{}?context=edit", pushed.post_id));
    assert_eq!(
        post["categories"],
        json!([category]),
        "no second section was made"
    );

    // A section the site lacks, which an Author may not add: refused here, in words naming
    // the site's sections, before anything is sent.
    let refused = check_section(&reporter.conn, &format!("Không có trên trang {unique}"));
    match refused {
        Err(SyncError::UnknownSection { site, known, .. }) => {
            assert_eq!(site, reporter.backend.name);
            assert!(known.contains(&site_name), "{known:?}");
        }
        other => panic!("expected the section refused, got {other:?}"),
    }
    // An editor who may add sections is not refused.
    let editor = newsroom(&admin);
    refresh_sections(&editor.conn, &editor.backend, &admin_wp).unwrap();
    check_section(&editor.conn, &format!("Không có trên trang {unique}")).unwrap();
}
