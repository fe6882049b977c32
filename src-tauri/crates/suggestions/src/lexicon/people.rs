//! Words about people: family names, honorifics, middle names, titles and their prefixes.

/// Vietnamese family names (họ), covering the great majority of the population.
pub const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Hà", "Mai", "Trịnh", "Đào", "Lương", "Cao", "Tạ", "Lâm", "Quách", "Chu",
    "Trương", "Tô", "Đoàn", "Vương", "Hứa", "Kiều", "Thái", "La", "Lại", "Lưu", "Triệu", "Đàm", "Phùng",
    "Thân", "Khúc", "Tăng", "Nông", "Giang", "Châu", "Mạc", "Tôn", "Doãn", "Ông", "Âu", "Diệp", "Kim", "Lục",
    "Nghiêm", "Ninh", "Quan", "Sầm", "Từ", "Vi", "Đồng", "Bạch", "Cù", "Hầu", "Lò", "Lạc", "Phí", "Thạch",
    "Văn", "Viên", "Khổng", "Lã", "Mã", "Trình", "Ung", "Yên", "Kha", "Khương", "Đông", "Hàn", "Lạng",
    "Tống", "Thiều", "Trang", "Tiêu", "Mẫn", "Nhữ", "Vòng", "Đậu", "Cấn", "Lữ", "Bế", "Hoa", "Lầu", "Ma",
    "Quản", "Thiệu", "Vương", "Ôn", "Bành", "Chử", "Tào", "Sùng", "Vàng", "Giàng", "Thào", "Mùa", "Cầm",
    "Lường", "Quàng", "Lèo", "Hờ", "Phi", "Khuất", "Giáp", "Đới", "Ngọ", "Lều", "Ngụy", "Nguỵ", "Chế",
    "Tiết", "Vy", "Bàn", "Sái", "Tòng", "Tẩn", "Phàn", "Chảo", "Hủng", "Khà", "Nhan", "Vừ", "Hạng", "Chẻo",
    "Tráng", "Sồng", "Thích",
    // Clan names of the Central Highlands and Khmer family names (`Ksor Phước Hà`, `Thạch Sô Phanh`).
    "Ksor", "Rmah", "Siu", "Kpă", "Rcom", "Kpuih", "Puih", "Niê", "Byă", "Êban", "Mlô", "Hwing", "Knul",
    "Adrơng", "Danh", "Điểu", "Rahlan", "Rơ", "Nay", "Ayun", "Bkrông", "Hđơk", "Ktla", "Kbuôr", "Êñuôl",
    "Hiao",
];

/// Words placed before a name: honorifics, kinship terms used as titles, degrees and ranks.
/// Compared case-insensitively, longest first.
pub const HONORIFICS: &[&str] = &[
    "các đồng chí",
    "đồng chí",
    "ông",
    "bà",
    "anh",
    "chị",
    "cô",
    "chú",
    "bác",
    "cụ",
    "thầy",
    "em",
    "bác sĩ",
    "bs",
    "thạc sĩ",
    "ths",
    "tiến sĩ",
    "ts",
    "pgs.ts",
    "gs.ts",
    "pgs",
    "gs",
    "giáo sư",
    "phó giáo sư",
    "luật sư",
    "ls",
    "nhà báo",
    "tác giả",
    "cô giáo",
    "thầy giáo",
    // Clergy, before a religious name (`Hòa thượng Thích Thanh Quyết`).
    "hòa thượng",
    "hoà thượng",
    "thượng tọa",
    "đại đức",
    "sư thầy",
    "sư cô",
    "ni sư",
    "linh mục",
    "mục sư",
    "nhà văn",
    "nghệ sĩ",
    "nsnd",
    "nsưt",
    "kỹ sư",
    "chuyên gia",
    "ks",
    "đại tá",
    "thượng tá",
    "trung tá",
    "thiếu tá",
    "đại úy",
    "thượng úy",
    "trung úy",
    "thiếu úy",
    "thiếu tướng",
    "trung tướng",
    "thượng tướng",
    "đại tướng",
    "cháu",
    "bé",
    // Village elders and the trades of sport and the arts, which name people of any origin
    // (`già làng Y Moan Niê`, `tiền vệ Geovane`).
    "già làng",
    "người uy tín",
    "trưởng thôn",
    "trưởng bản",
    "trưởng buôn",
    "trưởng bon",
    "trưởng ấp",
    "hlv",
    "tiền đạo",
    "tiền vệ",
    "chủ công",
    "phụ công",
    "đối chuyền",
    "chuyền hai",
    "libero",
    "ngoại binh",
    "chân sút",
    "tay vợt",
    "cơ thủ",
    "hậu vệ",
    "trung vệ",
    "thủ môn",
    "cầu thủ",
    "vận động viên",
    "vđv",
    "võ sĩ",
    "võ sư",
    "kỳ thủ",
    "ca sĩ",
    "diễn viên",
    "đạo diễn",
    "nhạc sĩ",
    "họa sĩ",
    "nhà thơ",
    "nghệ nhân",
];

/// Honorifics of address and kinship (`ông`, `chị`): the words after them are the name, even
/// when they look like a country (`anh Thái Lan Anh`).
pub const KINSHIP_HONORIFICS: &[&str] = &[
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "bé", "cụ", "thầy", "dì", "mợ", "cậu",
];

/// Nationalities after `người` that are also given names, so no list of places holds them
/// (`kỹ sư người Đức`, `chuyên gia người Anh`).
pub const NATIONALITIES: &[&str] = &["Đức", "Anh", "Nhật", "Hàn", "Hoa", "Ý", "Thái", "Lào", "Khmer"];

/// Nouns for people that precede a full name (`công nhân Nguyễn Văn An`) but, unlike an
/// honorific, also precede ordinary capitalised words (`lao động Thủ đô`): after these only
/// a surname-initial name of two or more words counts.
pub const WEAK_HONORIFICS: &[&str] = &[
    "nữ công nhân",
    "công nhân",
    "nữ đoàn viên",
    "đoàn viên",
    "người lao động",
    "lao động",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "bệnh nhân",
    "nạn nhân",
    "tài xế",
    "chủ tịch",
];

/// Second names that mark a personal name (`Tô Thị Hằng`, `Lê Văn Sơn`): they help decide
/// where a name starts when a capitalised run also holds a place or an organisation.
pub const MIDDLE_NAMES: &[&str] = &[
    "Thị", "Văn", "Đình", "Đức", "Hữu", "Ngọc", "Minh", "Quang", "Xuân", "Thanh", "Hồng", "Kim", "Công",
    "Bá", "Trọng", "Quốc", "Thu", "Thúy", "Thùy", "Mạnh", "Tiến", "Duy", "Anh", "Huy", "Phương", "Hoài",
    "Bích", "Mai", "Hải", "Tuấn", "Thế", "Khắc", "Viết", "Sỹ", "Sĩ", "Như",
];

/// Ministries' short names after `Bộ trưởng` (`Bộ trưởng Ngoại giao Lào`), in lower case.
pub const MINISTRY_SHORT_NAMES: &[&str] = &[
    "ngoại giao",
    "quốc phòng",
    "công an",
    "nội vụ",
    "tài chính",
    "thương mại",
    "lao động",
    "y tế",
    "giáo dục",
];

/// Titles (chức danh) that introduce a role: `Chủ tịch`, `Phó Giám đốc`… A title may be
/// followed by an organisation and then the name: `Chủ tịch Liên đoàn Lao động thành phố Hà
/// Nội Nguyễn Phi Thường`. Compared case-insensitively, longest first; `Phó`, `Tổng`,
/// `Quyền` and `Nguyên` prefixes are handled by the rules.
pub const TITLES: &[&str] = &[
    "chủ tịch",
    "bí thư",
    "giám đốc",
    "trưởng ban",
    "trưởng phòng",
    "trưởng khoa",
    "trưởng đoàn",
    "trưởng",
    // `Thường trực Ban Bí thư`: the standing member of a body, a post of its own.
    "thường trực",
    "chánh văn phòng",
    "chánh thanh tra",
    "chánh án",
    "chủ nhiệm",
    "bộ trưởng",
    "đại sứ đặc mệnh toàn quyền",
    "đại sứ",
    "trưởng đại diện thường trú",
    "trưởng đại diện",
    "điều phối viên thường trú",
    "điều phối viên",
    "tổng lãnh sự",
    "tham tán",
    "tổng lãnh sự",
    "thứ trưởng",
    "thủ tướng",
    "tổng thống",
    "phó tổng thống",
    "ngoại trưởng",
    "quốc vương",
    "nhà vua",
    "hoàng tử",
    "nữ hoàng",
    "tổng bí thư",
    "chủ tịch nước",
    "ủy viên",
    "uỷ viên",
    "đại biểu quốc hội",
    "đại biểu",
    "hiệu trưởng",
    "tổng biên tập",
    "viện trưởng",
    "cục trưởng",
    "vụ trưởng",
    "tư lệnh",
    "chính ủy",
    "thành ủy viên",
    "tỉnh ủy viên",
    "tổ trưởng",
    "giám đốc sở",
    "tổng giám đốc",
    "chủ tịch công đoàn",
    "trưởng phòng",
    "thư ký",
    "người phát ngôn",
    "kế toán trưởng",
    "quản đốc",
    "trưởng ca",
    "tổng thư ký",
    "chủ tịch hội đồng quản trị",
    "chủ tịch hđqt",
    "trưởng công an",
    "bác sĩ trưởng khoa",
    "điều dưỡng trưởng",
    "hiệu phó",
    "trợ lý",
    "cố vấn",
    "thanh tra viên",
    "kiểm sát viên",
    "thẩm phán",
    "trưởng bộ phận",
    "giám sát",
    "tổng cục trưởng",
    "cục phó",
    "chi cục trưởng",
    "ceo",
    "nhà sáng lập",
    "đồng sáng lập",
    "chuyên viên",
    "chi cục phó",
    "đội trưởng",
    "đội phó",
    "trạm trưởng",
    "tổng cục phó",
    "vụ phó",
    "huấn luyện viên trưởng",
    "huấn luyện viên",
    "hlv trưởng",
    "giám đốc nhân sự",
    "giám đốc điều hành",
    "giám đốc kỹ thuật",
    "chủ nhiệm câu lạc bộ",
];

/// Words that follow a title and belong to it: `Phó Chủ tịch Thường trực`, `Bí thư thứ nhất`.
pub const TITLE_SUFFIXES: &[&str] = &["thường trực", "thứ nhất", "phụ trách", "điều hành"];

/// Prefixes that modify a title: `Phó Chủ tịch`, `Nguyên Giám đốc`, `Quyền Trưởng phòng`.
pub const TITLE_PREFIXES: &[&str] = &["phó", "nguyên", "quyền", "tân", "cựu"];

/// Phrases between a name and the office it is given (`Hồ Minh Đức tái đắc cử Chủ tịch…`,
/// `bầu bà Linh tiếp tục giữ chức Chủ tịch…`): the title after them is the person's role.
pub const OFFICE_PHRASES: &[&str] = &[
    "tái đắc cử",
    "đắc cử",
    "tiếp tục giữ chức",
    "giữ chức",
    "được bầu làm",
    "được bầu giữ chức",
    "được bầu",
    "được bổ nhiệm làm",
    "được bổ nhiệm giữ chức",
    "được bổ nhiệm",
    "làm",
    "nhận chức",
];

/// The last word of a word for a work (`sách`, `bộ phim`, `bài hát`, `tiểu thuyết`) that
/// introduces its quoted title: names inside that title are its subject, not people in the story.
pub const WORK_WORDS: &[&str] = &[
    "sách", "phim", "hát", "khúc", "vở", "kịch", "phẩm", "thuyết", "truyện", "thơ", "album", "trình", "lãm",
    "đề", "diễn", "ký", "sử", "tranh", "tượng", "luận", "văn", "báo", "clip", "game", "sự", "bài", "tập", "ảnh",
    "nhạc",
];
