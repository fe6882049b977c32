//! Words newspapers print that the general dictionary lacks: the syllables of Vietnam's place
//! names and of Central Highlands and other minority names (right when capitalised), units of
//! measure, and the loanwords the press writes as they are. Written here from public facts
//! (the provinces, their towns and districts; the SI units).

/// Syllables of place and personal names, right when written with a capital.
pub const NAME_SYLLABLES: &[&str] = &[
    "Huế", "Đắk", "Lắk", "Kon", "Tum", "Thuột", "Cang", "Chải", "Pleiku", "Krông", "Pắc", "Búk", "Jút", "Ea",
    "Kar", "Súp", "Nông", "Glong", "Mil", "Song", "Lăk", "Bông", "Ana", "Kbang", "Chư", "Prông", "Păh", "Sê",
    "Pơ", "Ayun", "Pa", "Plông", "Rlấp", "Măng", "Đen", "Hlây", "Mơ", "Rông", "Tô", "Glei", "Hlê", "Buk",
    "Drăng", "Nhung", "Yang", "Lạt", "Bảo", "Lộc", "Sa", "Lai", "Châu", "Mường", "Tè", "Xìn", "Mần", "Mèo",
    "Vạc", "Cú", "Đồng", "Văn", "Khánh", "Lũng", "Pác", "Bó", "Cao", "Bằng", "Móng", "Cái", "Vân", "Đồn",
    "Xiêm", "Liêm", "Sỹ", "Thụy", "Hmông", "Êđê", "Ê", "Đê", "Jrai", "Bahnar", "Xơ", "Đăng", "Mnông", "Niê",
    "Êban", "Mlô", "Byă", "Ksor", "Siu", "Rơ", "Rcom", "Adrơng", "Hwing", "Knul", "Buôn", "Kpă", "Nay",
    "Rah", "Lan", "Hra", "Kpah",
];

/// Units of measure and money, right in the case they are printed in (`40 km`, `5 kg`, `1.500 MWh`).
pub const UNITS: &[&str] = &[
    "km", "kg", "ha", "mm", "cm", "m", "g", "mg", "ml", "l", "kw", "kwh", "mw", "mwh", "gb", "mb", "tb",
    "ppm", "đ", "usd", "vnd", "eur", // Written in their own mixed case (`1.500 MWh`, `300 Mbps`).
    "kW", "kWh", "MWh", "GWh", "Mbps", "Gbps", "GHz", "MHz", "kHz", "mAh",
];

/// Loanwords the press writes as they are.
pub const LOANWORDS: &[&str] = &[
    "video",
    "logistics",
    "depot",
    "container",
    "online",
    "offline",
    "email",
    "website",
    "web",
    "internet",
    "app",
    "startup",
    "marketing",
    "showroom",
    "karaoke",
    "taxi",
    "festival",
    "livestream",
    "smartphone",
    "laptop",
    "wifi",
    "camera",
    "robot",
    "fanpage",
    "clip",
    "shipper",
    "tour",
    "visa",
    "gas",
    "sim",
    "vaccine",
    "virus",
    "tivi",
    "radio",
    "album",
    "show",
    "game",
    "team",
    "building",
    "teambuilding",
    "outsourcing",
    "marathon",
    "golf",
    "tennis",
    "futsal",
    "gym",
    "yoga",
    "pizza",
    "blockchain",
    "chip",
    "drone",
    "ebook",
    "podcast",
    "influencer",
    "tiktok",
    "youtube",
    "facebook",
    "zalo",
    "google",
    "apple",
    "iphone",
    "ipad",
];

/// The three lists as sets, built once: every word of every text is looked up in them.
fn sets() -> &'static [std::collections::HashSet<&'static str>; 3] {
    static SETS: std::sync::OnceLock<[std::collections::HashSet<&'static str>; 3]> =
        std::sync::OnceLock::new();
    SETS.get_or_init(|| {
        [
            NAME_SYLLABLES.iter().copied().collect(),
            UNITS.iter().copied().collect(),
            LOANWORDS.iter().copied().collect(),
        ]
    })
}

/// Whether the press prints `word` as it is written here.
pub fn printed(word: &str) -> bool {
    let [names, units, loanwords] = sets();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if capitalised && names.contains(word) {
        return true;
    }
    let lower = word.to_lowercase();
    // Units in the case they are written in: `km`, `MWh`; never `KM`.
    units.contains(word) || loanwords.contains(lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_need_their_capital_units_their_small_letters_and_loanwords_neither() {
        assert!(printed("Thuột") && !printed("thuột"));
        assert!(printed("km") && !printed("KM"));
        assert!(printed("MWh") && printed("kWh") && !printed("mwH"));
        assert!(printed("Video") && printed("video") && printed("VIDEO"));
    }
}
