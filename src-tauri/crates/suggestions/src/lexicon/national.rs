//! Bodies of the nation and of the world, named by themselves: the heads that need no name
//! after them, national bodies whose official names go on in lower case, and international
//! bodies' acronyms with their Vietnamese names. Written here from public facts.

/// Organisation heads that name one body by themselves (`Quốc hội`, `Chính phủ`); every other
/// head needs a proper-name part (`Công đoàn` alone is a generic word, not an organisation).
pub const COMPLETE_ORG_HEADS: &[&str] = &[
    "Nhà Trắng",
    "Lầu Năm Góc",
    "Điện Kremlin",
    "Liên Hợp Quốc",
    "Liên hợp quốc",
    "Liên minh châu Âu",
    "Quốc hội",
    "Chính phủ",
    "Thành ủy",
    "Thành đoàn",
    "Kiểm toán Nhà nước",
    "Bộ đội Biên phòng",
    "Cảnh sát biển",
];

/// International bodies the press names by their acronym alone, with their names as
/// Vietnamese writes them: a piece that names one both ways names one body (`Ngân hàng Thế
/// giới` … `Giám đốc Quốc gia WB`). Written here from public facts.
pub const ACRONYMS_SPELLED: &[(&str, &str)] = &[
    ("WB", "Ngân hàng Thế giới"),
    ("IMF", "Quỹ Tiền tệ Quốc tế"),
    ("ADB", "Ngân hàng Phát triển châu Á"),
    ("ILO", "Tổ chức Lao động Quốc tế"),
    ("WHO", "Tổ chức Y tế Thế giới"),
    ("WTO", "Tổ chức Thương mại Thế giới"),
    ("UNICEF", "Quỹ Nhi đồng Liên hợp quốc"),
    ("UNDP", "Chương trình Phát triển Liên hợp quốc"),
    ("FAO", "Tổ chức Lương thực và Nông nghiệp Liên hợp quốc"),
    ("IOM", "Tổ chức Di cư Quốc tế"),
    ("JICA", "Cơ quan Hợp tác Quốc tế Nhật Bản"),
    ("KOICA", "Cơ quan Hợp tác Quốc tế Hàn Quốc"),
    ("VCCI", "Phòng Thương mại và Công nghiệp Việt Nam"),
    ("EU", "Liên minh châu Âu"),
    ("UN", "Liên hợp quốc"),
];

/// National bodies whose official names go on in lower case past where a capitalised run
/// would end (`Ủy ban Quản lý vốn nhà nước tại doanh nghiệp`), written here from public facts:
/// each is a whole name, matched as a complete head.
pub const NATIONAL_NAMES: &[&str] = &[
    "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
    "Hội đồng Tiền lương quốc gia",
    "Ủy ban An toàn giao thông quốc gia",
    "Ủy ban Chứng khoán Nhà nước",
    "Ủy ban Dân tộc",
    "Kho bạc Nhà nước",
    "Ngân hàng Phát triển Việt Nam",
    "Ngân hàng Chính sách xã hội",
    "Thông tấn xã Việt Nam",
    "Đài Truyền hình Việt Nam",
    "Đài Tiếng nói Việt Nam",
    "Học viện Chính trị quốc gia Hồ Chí Minh",
    "Viện Hàn lâm Khoa học xã hội Việt Nam",
    "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
    "Hội đồng Giáo sư nhà nước",
    "Quỹ Bảo vệ môi trường Việt Nam",
    "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
    // The police's economic crime department, whose name lists its fields with commas.
    "Cục Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu",
    "Phòng Cảnh sát điều tra tội phạm về tham nhũng, kinh tế, buôn lậu",
    // Names that hold `về` (about), which otherwise ends a name.
    "Viện Nghiên cứu cao cấp về Toán",
    "Ủy ban Quốc gia về người cao tuổi Việt Nam",
    "Ủy ban Quốc gia về thanh niên Việt Nam",
    "Ủy ban Quốc gia về chuyển đổi số",
    // The National Assembly's standing committee, council and committees, those of the
    // 15th term and those since 2025, whose names list fields with commas.
    "Ủy ban Thường vụ Quốc hội",
    "Hội đồng Dân tộc",
    "Ủy ban Pháp luật",
    "Ủy ban Tư pháp",
    "Ủy ban Kinh tế",
    "Ủy ban Tài chính, Ngân sách",
    "Ủy ban Quốc phòng và An ninh",
    "Ủy ban Văn hóa, Giáo dục",
    "Ủy ban Xã hội",
    "Ủy ban Khoa học, Công nghệ và Môi trường",
    "Ủy ban Đối ngoại",
    "Ủy ban Pháp luật và Tư pháp",
    "Ủy ban Kinh tế và Tài chính",
    "Ủy ban Quốc phòng, An ninh và Đối ngoại",
    "Ủy ban Văn hóa và Xã hội",
    "Ủy ban Dân nguyện và Giám sát",
    "Điện ảnh Quân đội nhân dân",
    "Bộ đội Trường Sơn",
    "Trung tâm Dự báo khí tượng thủy văn quốc gia",
    "Trung tâm Dự báo khí tượng thuỷ văn quốc gia",
    "Tổng cục Khí tượng thủy văn",
    "Cục Khí tượng thủy văn",
    "Binh đoàn Trường Sơn",
    "Liên hiệp các tổ chức hữu nghị Việt Nam",
    // Names that list two things keep the comma between them.
    "Cục Quản lý Khám, chữa bệnh",
    "Cục Phòng, chống HIV/AIDS",
    "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    "Cục Quản lý lao động ngoài nước",
    "Đảng Cộng sản Việt Nam",
    // Parties of the countries the press reports on most.
    "Đảng Nhân dân Cách mạng Lào",
    "Đảng Cộng sản Trung Quốc",
    "Đảng Cộng sản Cuba",
    "Đảng Nhân dân Campuchia",
    "Đảng Dân chủ",
    "Đảng Cộng hòa",
    "Hiệp hội các quốc gia Đông Nam Á",
    "Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương",
    "Hội đồng quốc gia về an toàn, vệ sinh lao động",
];

/// Complete heads that name one body, of the nation or the world, never a local one: in a role
/// with no name after them (`Phó Chủ tịch Quốc hội`) they are still that body.
pub const NATIONAL_BODIES: &[&str] = &[
    "Quốc hội",
    "Chính phủ",
    "Kiểm toán Nhà nước",
    // One of its kind in the world, named alone before a person (`Tổng Thư ký Liên hợp quốc
    // António Guterres`).
    "Liên Hợp Quốc",
    "Liên hợp quốc",
    "Liên minh châu Âu",
    "Nhà Trắng",
    "Lầu Năm Góc",
    "Điện Kremlin",
    "Bộ đội Biên phòng",
    "Cảnh sát biển",
];
