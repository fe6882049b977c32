//! Signing in with the site: WordPress's own "authorize application" flow. The app asks the
//! site where its approval page is, opens it in the browser, where the person signs in as they
//! always do and approves; WordPress then makes an Application Password and sends the browser
//! to the app's `newsroom://` address with it, which the operating system hands to the app.
//!
//! WordPress sends the browser back only to an address it accepts
//! (`wp_is_authorize_application_redirect_url_valid`): any scheme but `javascript:` and
//! `data:`, with a host, and `http:` only when the site declares itself a `local`
//! environment. A loopback `http://127.0.0.1` address would therefore work on a developer's
//! site and never on the newsroom's; the app's own scheme works on every site.
//!
//! The address carries a one-time token the app made when it opened the page, so an address
//! the app did not ask for (a link on some page) connects nothing.

use serde_json::Value;

use crate::{wordpress, SyncError};

/// Where WordPress sends the browser back: the app's own scheme, which the operating system
/// hands to the running app.
pub const APPROVAL_RETURN: &str = "newsroom://connected";

/// The app's id, the same on every site: WordPress lists the passwords it made for one app
/// together, and an administrator can tell which ones this app holds.
pub const APP_ID: &str = "5b0f3d4e-8c1a-4f7e-9a52-6e2d1c7b9f30";

/// An approval asked for and not yet answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalRequest {
    /// The name the site will have in the app.
    pub name: String,
    /// The site's address as the person typed it, without a trailing slash.
    pub site: String,
    /// The one-time token the answer must carry.
    pub token: String,
    /// The approval page to open in the browser.
    pub page: String,
}

/// What the site sent back with an approval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approved {
    pub user_login: String,
    pub password: String,
}

/// Asks the site where its approval page is (the REST index names it when Application
/// Passwords are available there: over HTTPS, or on a local site) and makes the request to
/// open. `app_name` is what the person will see on the page and in their list of passwords.
pub fn request_approval(name: &str, site: &str, app_name: &str) -> Result<ApprovalRequest, SyncError> {
    let name = name.trim();
    let site = site.trim().trim_end_matches('/');
    if name.is_empty() || !(site.starts_with("http://") || site.starts_with("https://")) {
        return Err(SyncError::Invalid(
            "a site needs a name and an http(s) address".into(),
        ));
    }
    let index = wordpress::site_index(site)?;
    let endpoint = approval_page(&index).ok_or_else(|| {
        SyncError::ApprovalUnavailable(if site.starts_with("http://") {
            "the site offers no sign-in for apps: WordPress allows it only over HTTPS (or on a local test site)".into()
        } else {
            "the site offers no sign-in for apps: Application Passwords are turned off there".into()
        })
    })?;
    let token = uuid::Uuid::new_v4().simple().to_string();
    let back = format!("{APPROVAL_RETURN}?token={token}");
    let mut page = url::Url::parse(&endpoint)
        .map_err(|_| SyncError::Garbage(format!("the site's approval page is not an address: {endpoint}")))?;
    page.query_pairs_mut()
        .append_pair("app_name", app_name)
        .append_pair("app_id", APP_ID)
        .append_pair("success_url", &back)
        .append_pair("reject_url", &format!("{back}&success=false"));
    Ok(ApprovalRequest {
        name: name.to_owned(),
        site: site.to_owned(),
        token,
        page: page.into(),
    })
}

/// The approval page named by a site's REST index, if it has one.
fn approval_page(index: &Value) -> Option<String> {
    index["authentication"]["application-passwords"]["endpoints"]["authorization"]
        .as_str()
        .filter(|page| page.starts_with("https://") || page.starts_with("http://"))
        .map(str::to_owned)
}

/// Reads the address the browser was sent back to, for the approval asked for: the token
/// must be the one made for it, and the site that answered the one asked.
pub fn read_approval(request: &ApprovalRequest, address: &str) -> Result<Approved, SyncError> {
    let address = url::Url::parse(address).map_err(|_| {
        SyncError::ApprovalUnexpected("the address the browser opened is not one the app reads".into())
    })?;
    if format!(
        "{}://{}",
        address.scheme(),
        address.host_str().unwrap_or_default()
    ) != APPROVAL_RETURN
    {
        return Err(SyncError::ApprovalUnexpected(
            "the address the browser opened is not the app's sign-in return".into(),
        ));
    }
    let field = |key: &str| {
        address
            .query_pairs()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    };
    if field("token").as_deref() != Some(request.token.as_str()) {
        return Err(SyncError::ApprovalUnexpected(
            "this approval was not asked for by this app (an old link, or the app was restarted since); start the sign-in again".into(),
        ));
    }
    if field("success").as_deref() == Some("false") {
        return Err(SyncError::ApprovalRefused);
    }
    if field("error").as_deref() == Some("disabled") {
        return Err(SyncError::ApprovalUnavailable(
            "the site does not let this account use Application Passwords".into(),
        ));
    }
    let site_url = field("site_url").unwrap_or_default();
    if host_of(&site_url) != host_of(&request.site) {
        return Err(SyncError::ApprovalUnexpected(format!(
            "the approval came from {site_url}, not from {}",
            request.site
        )));
    }
    match (field("user_login"), field("password")) {
        (Some(user_login), Some(password)) if !user_login.is_empty() && !password.is_empty() => {
            Ok(Approved { user_login, password })
        }
        _ => Err(SyncError::Garbage(
            "the site's approval names no user or password".into(),
        )),
    }
}

/// A site's host and port, the part an approval must share with the address typed (the
/// site may answer with another scheme or path than the one typed).
fn host_of(site: &str) -> Option<(String, Option<u16>)> {
    let url = url::Url::parse(site).ok()?;
    Some((url.host_str()?.to_ascii_lowercase(), url.port_or_known_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> ApprovalRequest {
        ApprovalRequest {
            name: "Báo".into(),
            site: "https://bao.example".into(),
            token: "abc".into(),
            page: "https://bao.example/wp-admin/authorize-application.php".into(),
        }
    }

    #[test]
    fn an_approval_with_its_token_gives_the_user_and_password() {
        let approved = read_approval(
            &request(),
            "newsroom://connected?token=abc&site_url=https%3A%2F%2Fbao.example&user_login=lan&password=aaaa+bbbb+cccc",
        )
        .unwrap();
        assert_eq!(approved.user_login, "lan");
        assert_eq!(approved.password, "aaaa bbbb cccc");
    }

    #[test]
    fn an_approval_not_asked_for_or_from_another_site_connects_nothing() {
        let other_token = read_approval(
            &request(),
            "newsroom://connected?token=zzz&site_url=https%3A%2F%2Fbao.example&user_login=lan&password=p",
        );
        assert!(matches!(other_token, Err(SyncError::ApprovalUnexpected(_))));
        let other_site = read_approval(
            &request(),
            "newsroom://connected?token=abc&site_url=https%3A%2F%2Fevil.example&user_login=lan&password=p",
        );
        assert!(matches!(other_site, Err(SyncError::ApprovalUnexpected(_))));
        let refused = read_approval(&request(), "newsroom://connected?token=abc&success=false");
        assert!(matches!(refused, Err(SyncError::ApprovalRefused)));
    }

    #[test]
    fn the_page_is_the_one_the_site_names() {
        let index = serde_json::json!({"authentication": {"application-passwords": {"endpoints": {
            "authorization": "https://bao.example/wp-admin/authorize-application.php"}}}});
        assert_eq!(
            approval_page(&index).as_deref(),
            Some("https://bao.example/wp-admin/authorize-application.php")
        );
        assert_eq!(approval_page(&serde_json::json!({"authentication": []})), None);
    }
}
