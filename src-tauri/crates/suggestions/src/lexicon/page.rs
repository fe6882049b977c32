//! Page furniture: headings after which a page is no longer the article, and credit markers.

/// Headings after which a web page carries site furniture (related articles, comments),
/// not the article: text from such a line on is ignored.
pub const FURNITURE_HEADINGS: &[&str] = &[
    "tin khác",
    "tin liên quan",
    "có thể bạn quan tâm",
    "ý kiến bạn đọc",
    "nên xem",
    "xem thêm",
    "đọc thêm",
    "tin cùng chuyên mục",
    "bài liên quan",
    "tin mới nhất",
    "đọc nhiều",
];

/// Phrases that introduce a photo or text credit; the names after them are credits, not
/// people in the story.
pub const CREDIT_MARKERS: &[&str] = &[
    "ảnh:",
    "ảnh :",
    "bài và ảnh:",
    "bài, ảnh:",
    "bài & ảnh:",
    "nguồn:",
    "video:",
    "clip:",
    "đồ họa:",
    "thực hiện:",
    "tin, ảnh:",
    "tin và ảnh:",
    "ảnh minh họa",
    "ảnh minh hoạ",
];
