//! Vietnam's provinces and centrally run cities, written here from public facts: the 34 units
//! since the reorganisation of 1 July 2025, and the 63 of before kept as aliases, each with the
//! unit it is now part of, because the press and the archive go on writing both
//! (`Liên đoàn Lao động tỉnh Bình Dương` in a piece of 2024). Every name is a place to the
//! rules (a name after it is not a person's, a body ends with it).

/// A province or city by name, and the unit it is part of since 1 July 2025 (itself when it
/// stayed as it was or absorbed others).
pub const PROVINCES: &[(&str, &str)] = &[
    // Units that stayed as they were.
    ("Hà Nội", "Hà Nội"),
    ("Huế", "Huế"),
    ("Lai Châu", "Lai Châu"),
    ("Điện Biên", "Điện Biên"),
    ("Sơn La", "Sơn La"),
    ("Lạng Sơn", "Lạng Sơn"),
    ("Quảng Ninh", "Quảng Ninh"),
    ("Thanh Hóa", "Thanh Hóa"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("Nghệ An", "Nghệ An"),
    ("Hà Tĩnh", "Hà Tĩnh"),
    ("Cao Bằng", "Cao Bằng"),
    // Units that absorbed others, and the ones absorbed.
    ("Tuyên Quang", "Tuyên Quang"),
    ("Hà Giang", "Tuyên Quang"),
    ("Lào Cai", "Lào Cai"),
    ("Yên Bái", "Lào Cai"),
    ("Thái Nguyên", "Thái Nguyên"),
    ("Bắc Kạn", "Thái Nguyên"),
    ("Phú Thọ", "Phú Thọ"),
    ("Vĩnh Phúc", "Phú Thọ"),
    ("Hòa Bình", "Phú Thọ"),
    ("Hoà Bình", "Phú Thọ"),
    ("Bắc Ninh", "Bắc Ninh"),
    ("Bắc Giang", "Bắc Ninh"),
    ("Hưng Yên", "Hưng Yên"),
    ("Thái Bình", "Hưng Yên"),
    ("Hải Phòng", "Hải Phòng"),
    ("Hải Dương", "Hải Phòng"),
    ("Ninh Bình", "Ninh Bình"),
    ("Hà Nam", "Ninh Bình"),
    ("Nam Định", "Ninh Bình"),
    ("Quảng Trị", "Quảng Trị"),
    ("Quảng Bình", "Quảng Trị"),
    ("Đà Nẵng", "Đà Nẵng"),
    ("Quảng Nam", "Đà Nẵng"),
    ("Quảng Ngãi", "Quảng Ngãi"),
    ("Kon Tum", "Quảng Ngãi"),
    ("Gia Lai", "Gia Lai"),
    ("Bình Định", "Gia Lai"),
    ("Khánh Hòa", "Khánh Hòa"),
    ("Khánh Hoà", "Khánh Hòa"),
    ("Ninh Thuận", "Khánh Hòa"),
    ("Lâm Đồng", "Lâm Đồng"),
    ("Đắk Nông", "Lâm Đồng"),
    ("Bình Thuận", "Lâm Đồng"),
    ("Đắk Lắk", "Đắk Lắk"),
    ("Phú Yên", "Đắk Lắk"),
    ("Đồng Nai", "Đồng Nai"),
    ("Bình Phước", "Đồng Nai"),
    ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Bình Dương", "Thành phố Hồ Chí Minh"),
    ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
    ("Bà Rịa – Vũng Tàu", "Thành phố Hồ Chí Minh"),
    ("Vũng Tàu", "Thành phố Hồ Chí Minh"),
    ("Tây Ninh", "Tây Ninh"),
    ("Long An", "Tây Ninh"),
    ("Đồng Tháp", "Đồng Tháp"),
    ("Tiền Giang", "Đồng Tháp"),
    ("Vĩnh Long", "Vĩnh Long"),
    ("Bến Tre", "Vĩnh Long"),
    ("Trà Vinh", "Vĩnh Long"),
    ("Cần Thơ", "Cần Thơ"),
    ("Sóc Trăng", "Cần Thơ"),
    ("Hậu Giang", "Cần Thơ"),
    ("Cà Mau", "Cà Mau"),
    ("Bạc Liêu", "Cà Mau"),
    ("An Giang", "An Giang"),
    ("Kiên Giang", "An Giang"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn province_now(name: &str) -> Option<&'static str> {
        PROVINCES.iter().find(|(n, _)| *n == name).map(|(_, now)| *now)
    }

    #[test]
    fn thirty_four_units_now_and_every_one_of_the_sixty_three_before() {
        let now: std::collections::BTreeSet<&str> = PROVINCES.iter().map(|(_, now)| *now).collect();
        assert_eq!(now.len(), 34, "{now:?}");
        // Each unit of now is also a name of its own.
        assert!(now.iter().all(|n| province_now(n) == Some(n)));
        let before: std::collections::BTreeSet<&str> = PROVINCES
            .iter()
            .map(|(name, _)| *name)
            .filter(|n| {
                !matches!(
                    *n,
                    "Thanh Hoá" | "Hoà Bình" | "Khánh Hoà" | "Hồ Chí Minh" | "Vũng Tàu" | "Bà Rịa – Vũng Tàu"
                )
            })
            .collect();
        assert_eq!(before.len(), 63, "{before:?}");
        assert_eq!(province_now("Bình Dương"), Some("Thành phố Hồ Chí Minh"));
        assert_eq!(province_now("Kon Tum"), Some("Quảng Ngãi"));
    }
}
