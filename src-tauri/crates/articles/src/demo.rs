//! The example pieces: three written for this project, so a new installation can show what the
//! editor is for. They are added only when asked (the first run's "try with examples", or
//! `newsroom demo add`), never into a newsroom's store by themselves, and removed in one step.
//! While added they are ordinary drafts; one whose headline was changed is the person's own.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::edit::create_with_reason;
use crate::models::{ArticleFields, RevisionReason};
use crate::{write, Result};

fn demo_articles() -> Vec<ArticleFields> {
    vec![
        ArticleFields {
            headline: "Hướng dẫn: Viết bài đầu tiên với trình soạn thảo Tòa soạn".into(),
            sapo: "Trình soạn thảo lưu mọi chữ bạn gõ ngay trên máy, kể cả khi không có mạng. \
                   Bài hướng dẫn này giới thiệu những thao tác cơ bản."
                .into(),
            body: "## Gõ và lưu\n\n\
                   Bài viết được **tự động lưu** khoảng nửa giây sau khi bạn ngừng gõ. \
                   Nhấn `Ctrl+S` để lưu ngay và giữ lại một phiên bản; `Ctrl+N` tạo bài mới; \
                   `Ctrl+P` bật hoặc tắt bản xem trước.\n\n\
                   ## Định dạng\n\n\
                   Thân bài viết bằng Markdown: *in nghiêng*, **in đậm**, ~~gạch bỏ~~, \
                   danh sách và bảng:\n\n\
                   | Việc | Trạng thái |\n|---|---|\n| Viết sapo | Xong |\n| Ghi tên tác giả | Xong |\n\n\
                   - Đặt tiêu đề không quá 120 ký tự.\n\
                   - Sapo là đoạn mở đầu in đậm dưới tiêu đề.\n\n\
                   Chú thích cuối bài cũng được hỗ trợ.[^1]\n\n\
                   [^1]: Bản xem trước chính là HTML sẽ được xuất bản.\n"
                .into(),
            byline: "Ban biên tập".into(),
            dateline: "Hà Nội".into(),
            section: "Hướng dẫn".into(),
        },
        ArticleFields {
            headline: "Đông Anh: Công đoàn cơ sở ký thỏa ước lao động tập thể với doanh nghiệp dệt may"
                .into(),
            sapo: "Sáng nay, Công đoàn cơ sở và ban giám đốc một doanh nghiệp dệt may tại huyện Đông Anh \
                   đã ký thỏa ước lao động tập thể mới, với nhiều điều khoản có lợi hơn cho gần 1.200 \
                   người lao động."
                .into(),
            body: "Tham dự lễ ký có các đồng chí: Trần Minh Khoa – Phó Chủ tịch Liên đoàn Lao động huyện \
                   Đông Anh; Lê Thị Hồng Nhung – Chủ tịch Công đoàn cơ sở; ông Phạm Đức Thịnh – Giám đốc \
                   công ty.\n\n\
                   Theo thỏa ước, tiền ăn ca tăng từ 25.000 đồng lên 30.000 đồng mỗi ngày; người lao động \
                   có con dưới sáu tuổi được hỗ trợ thêm 300.000 đồng mỗi tháng. Doanh nghiệp cũng cam kết \
                   tổ chức khám sức khỏe định kỳ hai lần mỗi năm.\n\n\
                   Phát biểu tại buổi lễ, Chủ tịch Công đoàn cơ sở Lê Thị Hồng Nhung cho biết các điều \
                   khoản được xây dựng sau ba vòng đối thoại với đoàn viên ở tất cả các tổ sản xuất.\n"
                .into(),
            byline: "Thu Trang".into(),
            dateline: "Hà Nội".into(),
            section: "Công đoàn".into(),
        },
        ArticleFields {
            headline: "Hà Nội: Mở lớp kỹ năng số miễn phí cho công nhân khu công nghiệp".into(),
            sapo: "Hơn 500 công nhân tại các khu công nghiệp của thành phố sẽ được học miễn phí cách \
                   sử dụng dịch vụ công trực tuyến và bảo vệ thông tin cá nhân trên điện thoại."
                .into(),
            body: "Các lớp học diễn ra vào tối thứ Ba và thứ Năm hằng tuần tại nhà văn hóa công nhân, \
                   mỗi lớp khoảng 40 học viên.\n\n\
                   Nội dung gồm ba phần:\n\n\
                   1. Cài đặt và sử dụng ứng dụng dịch vụ công;\n\
                   2. Nhận biết tin nhắn lừa đảo;\n\
                   3. Tra cứu quá trình đóng bảo hiểm xã hội.\n\n\
                   Người lao động có nhu cầu đăng ký với Công đoàn cơ sở nơi mình làm việc.\n"
                .into(),
            byline: "Minh An".into(),
            dateline: "Hà Nội".into(),
            section: "Việc làm".into(),
        },
    ]
}

/// The example pieces still in the store as they were added (their headline unchanged, made by
/// no one, outside the trash), oldest first.
pub fn demo_pieces(conn: &Connection) -> Result<Vec<String>> {
    let headlines: Vec<String> = demo_articles().into_iter().map(|a| a.headline).collect();
    // One placeholder per example, so the query follows the list if it grows or shrinks.
    let placeholders = vec!["?"; headlines.len()].join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT id FROM articles WHERE created_by = '' AND trashed_at IS NULL
         AND headline IN ({placeholders}) ORDER BY seq"
    ))?;
    let ids = stmt
        .query_map(rusqlite::params_from_iter(headlines.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// Adds the example pieces, unless they are there already. Returns how many were added.
pub fn add_demo_content(conn: &Connection, now: DateTime<Utc>) -> Result<usize> {
    if !demo_pieces(conn)?.is_empty() {
        return Ok(0);
    }
    write(conn, |tx| {
        let articles = demo_articles();
        for (i, fields) in articles.iter().enumerate() {
            let at = now - Duration::minutes(10 * (articles.len() - i) as i64);
            create_with_reason(tx, fields, "", at, RevisionReason::Created)?;
        }
        Ok(articles.len())
    })
}

/// Removes the example pieces for good. One that has gone further than a draft, or that a site
/// has, is the newsroom's now and is kept. Returns how many were removed and how many kept.
pub fn remove_demo_content(conn: &Connection, now: DateTime<Utc>) -> Result<(u32, u32)> {
    let (mut removed, mut kept) = (0, 0);
    for id in demo_pieces(conn)? {
        match crate::trash::trash(conn, &id, now) {
            Ok(()) => {
                crate::trash::delete_from_trash(conn, &id)?;
                removed += 1;
            }
            Err(crate::ArticleError::NotDeletable { .. }) => kept += 1,
            Err(other) => return Err(other),
        }
    }
    Ok((removed, kept))
}
