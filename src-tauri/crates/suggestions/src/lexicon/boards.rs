//! The boards and units inside any body, which name no body of their own.

/// The boards, offices and units inside any body (`Ban Giám đốc`, `Ban Chấp hành`, `Phòng
/// Nhân sự`, `Nhà máy số 2`), in lower case: named alone, or with only a generic body after
/// them (`Ban Chấp hành Công đoàn cơ sở`), they say which part of the body the piece is about
/// without naming any body, so they are no organisation of their own.
pub const INTERNAL_BODIES: &[&str] = &[
    "ban giám đốc",
    "ban giám hiệu",
    "ban chấp hành",
    "ban thường vụ",
    "ban tổ chức",
    "ban quản lý",
    "ban điều hành",
    "ban lãnh đạo",
    "ban biên tập",
    "ban kiểm soát",
    "ban nữ công",
    "hội đồng xét xử",
    "hội đồng quản trị",
    "hội đồng thi đua - khen thưởng",
    "hội đồng thi đua, khen thưởng",
    "phòng nhân sự",
    "phòng hành chính",
    "phòng hành chính - nhân sự",
    "phòng kế toán",
    "phòng tổ chức",
    "nhà máy",
    "phân xưởng",
    "tổ công đoàn",
    "tổ sản xuất",
];

/// What may follow an internal body and still name no body (`Ban Chấp hành Công đoàn cơ
/// sở`, `Nhà máy số 2`), in lower case; numbers are counted with these.
pub const GENERIC_TAILS: &[&str] = &[
    "công đoàn cơ sở",
    "công đoàn",
    "công ty",
    "doanh nghiệp",
    "nhà máy",
    "đơn vị",
    "cơ quan",
    "phân xưởng",
    "số",
];
