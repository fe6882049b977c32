//! Generated content with the shapes of real pieces: Vietnamese names, organisations, stories.

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
];
const MIDDLES: &[&str] = &[
    "Văn", "Thị", "Đình", "Minh", "Quốc", "Thu", "Hữu", "Ngọc", "Xuân", "Thanh",
];
const GIVEN: &[&str] = &[
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hùng",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thường",
    "Trang",
    "Tuấn",
    "Vân",
    "Yến",
    "Hạnh",
    "Lợi",
];
const ORG_KINDS: &[&str] = &[
    "Công đoàn",
    "Liên đoàn Lao động",
    "Công ty Cổ phần",
    "Bệnh viện",
    "Trường Đại học",
    "Ủy ban nhân dân",
];
const PLACES: &[&str] = &[
    "quận Hoàn Kiếm",
    "huyện Đông Anh",
    "thành phố Hà Nội",
    "tỉnh Bắc Ninh",
    "quận Long Biên",
    "huyện Sóc Sơn",
];

/// A distinct Vietnamese-looking name for every `i` below 75,000 (mixed-radix digits).
pub(crate) fn person_name(i: usize) -> String {
    let given = GIVEN[(i / 120) % GIVEN.len()];
    let mut name = format!(
        "{} {} {given}",
        SURNAMES[i % SURNAMES.len()],
        MIDDLES[(i / 12) % MIDDLES.len()]
    );
    if i >= 3000 {
        name.push(' ');
        name.push_str(GIVEN[(i / 3000) % GIVEN.len()]);
    }
    name
}

/// A distinct organisation name for every `i` (it ends in `i`).
pub(crate) fn org_name(i: usize) -> String {
    let syllables = SYLLABLES.len();
    format!(
        "{} {} {} {}",
        ORG_KINDS[i % ORG_KINDS.len()],
        SYLLABLES[(i / ORG_KINDS.len()) % syllables],
        PLACES[(i / (ORG_KINDS.len() * syllables)) % PLACES.len()],
        i
    )
}

/// A ~`words`-word news story with the shapes the suggester looks for: a list of officials,
/// titles before names, honorifics, organisations, a photo credit and a byline.
pub(crate) fn news_story(words: usize) -> String {
    let mut out = String::new();
    let mut i = 7;
    while newsroom_text::word_count(&out) < words {
        let (a, b) = (person_name(i), person_name(i + 1));
        out.push_str(&format!(
            "Dự hội nghị có các đồng chí: {a} – Chủ tịch Liên đoàn Lao động quận Hoàn Kiếm; {b} – Phó Giám đốc Công ty Cổ phần May Sông Hồng.\n\n\
             Phát biểu tại hội nghị, Chủ tịch Công đoàn các Khu công nghiệp và chế xuất Hà Nội {} nhấn mạnh việc chăm lo đời sống công nhân. \
             Ông {} cho biết LĐLĐ huyện Đông Anh sẽ phối hợp với UBND huyện Đông Anh hỗ trợ nhà ở cho người lao động.\n\n\
             Chị {}, công nhân Công ty TNHH Điện tử Hòa Lạc, chia sẻ về thu nhập và điều kiện làm việc (Ảnh: Mai Quý).\n\n",
            person_name(i + 2),
            person_name(i + 3),
            person_name(i + 4)
        ));
        i += 5;
    }
    out.push_str("Thu Hà\n");
    out
}

const SYLLABLES: &[&str] = &[
    "công", "đoàn", "người", "lao", "động", "Hà", "Nội", "thành", "phố", "khu", "nghiệp", "chế", "xuất",
    "việc", "làm", "tiền", "lương", "doanh", "ký", "kết", "phối", "hợp", "chương", "trình", "đồng", "chí",
    "chủ", "tịch", "liên", "hội", "nghị", "cán", "bộ", "năm", "tháng", "ngày", "đời", "sống", "văn", "hóa",
    "nhà", "ở", "hỗ", "trợ", "quyền", "lợi", "bảo", "hiểm", "xã", "sức", "khỏe", "tổ", "chức", "đại", "biểu",
    "phát", "biểu", "nhấn", "mạnh", "nhiệm", "vụ", "thực", "hiện", "Thủ", "đô",
];

/// A deterministic Vietnamese article of about `words` words with the Markdown a reporter
/// uses: paragraphs, emphasis, a list, a table, a link.
pub fn vietnamese_article(words: usize) -> String {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out = String::new();
    let mut written = 0;
    let mut paragraph = 0;
    while written < words {
        paragraph += 1;
        if paragraph % 7 == 0 {
            out.push_str("| Đơn vị | Số người |\n|---|---|\n| Công đoàn cơ sở | 1.200 |\n\n");
        }
        if paragraph % 5 == 0 {
            out.push_str("- quyền lợi người lao động\n- bảo hiểm xã hội\n\n");
            written += 7;
        }
        let len = 40 + (next() % 60) as usize;
        for i in 0..len {
            let word = SYLLABLES[(next() % SYLLABLES.len() as u64) as usize];
            if i == 0 {
                let mut chars = word.chars();
                let first = chars
                    .next()
                    .map(|c| c.to_uppercase().to_string())
                    .unwrap_or_default();
                out.push_str(&first);
                out.push_str(chars.as_str());
            } else if i % 17 == 0 {
                out.push_str(&format!(" **{word}**"));
            } else if i % 29 == 0 {
                out.push_str(&format!(" [{word}](https://example.org/{i})"));
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push_str(".\n\n");
        written += len;
    }
    out
}
